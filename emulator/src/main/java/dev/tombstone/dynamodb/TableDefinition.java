package dev.tombstone.dynamodb;

import dev.tombstone.internal.TableNameRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What CreateTable asks for: name, key schema, attribute definitions, billing and indexes.
 *
 * @param attributeDefinitions attribute name to type, in request order
 * @param readCapacityUnits provisioned reads, 0 for on-demand
 * @param writeCapacityUnits provisioned writes, 0 for on-demand
 * @param streamViewType the view type of the table's DynamoDB stream, or null when no stream is
 *     enabled
 */
public record TableDefinition(
    String name,
    KeySchema keySchema,
    Map<String, AttributeType> attributeDefinitions,
    BillingMode billingMode,
    long readCapacityUnits,
    long writeCapacityUnits,
    List<IndexDefinition> localSecondaryIndexes,
    List<IndexDefinition> globalSecondaryIndexes,
    boolean deletionProtection,
    StreamViewType streamViewType) {

  public TableDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySchema, "keySchema");
    Objects.requireNonNull(billingMode, "billingMode");
    attributeDefinitions = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(attributeDefinitions));
    localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
    globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    // Multi-attribute keys are for global indexes only.
    if (keySchema.multiAttribute()) {
      throw new IllegalArgumentException(
          "a table key has one partition and at most one sort attribute: " + keySchema);
    }
    for (IndexDefinition index : localSecondaryIndexes) {
      if (index.keySchema().multiAttribute()) {
        throw new IllegalArgumentException("a local secondary index key has one partition and"
            + " at most one sort attribute: " + index.name());
      }
    }
  }

  /** A definition without a stream. */
  public TableDefinition(String name, KeySchema keySchema,
      Map<String, AttributeType> attributeDefinitions, BillingMode billingMode,
      long readCapacityUnits, long writeCapacityUnits,
      List<IndexDefinition> localSecondaryIndexes, List<IndexDefinition> globalSecondaryIndexes,
      boolean deletionProtection) {
    this(name, keySchema, attributeDefinitions, billingMode, readCapacityUnits,
        writeCapacityUnits, localSecondaryIndexes, globalSecondaryIndexes, deletionProtection,
        null);
  }

  /** The same definition with a stream of {@code viewType} enabled, or none when null. */
  public TableDefinition withStream(StreamViewType viewType) {
    return new TableDefinition(name, keySchema, attributeDefinitions, billingMode,
        readCapacityUnits, writeCapacityUnits, localSecondaryIndexes, globalSecondaryIndexes,
        deletionProtection, viewType);
  }

  /** An on-demand table with just a key schema: what tests usually need. */
  public static TableDefinition onDemand(String name, KeySchema keySchema) {
    Map<String, AttributeType> definitions = new LinkedHashMap<>();
    definitions.put(keySchema.partitionKey().name(), keySchema.partitionKey().type());
    keySchema
        .sortKeyIfAny()
        .ifPresent(sort -> definitions.put(sort.name(), sort.type()));
    return new TableDefinition(
        name, keySchema, definitions, BillingMode.PAY_PER_REQUEST, 0, 0, List.of(), List.of(),
        false);
  }

  /**
   * This definition with just the attribute definitions some key schema (the table's or an
   * index's) uses: CreateTable refuses others, and dropping an index drops its key's.
   */
  TableDefinition withUsedAttributeDefinitionsOnly() {
    List<String> used = new ArrayList<>();
    addKeyNames(used, keySchema);
    for (List<IndexDefinition> indexes : List.of(localSecondaryIndexes, globalSecondaryIndexes)) {
      for (IndexDefinition index : indexes) {
        addKeyNames(used, index.keySchema());
      }
    }
    Map<String, AttributeType> definitions = new LinkedHashMap<>(attributeDefinitions);
    definitions.keySet().retainAll(used);
    return new TableDefinition(name, keySchema, definitions, billingMode, readCapacityUnits,
        writeCapacityUnits, localSecondaryIndexes, globalSecondaryIndexes, deletionProtection,
        streamViewType);
  }

  /**
   * Refuses a key attribute name (of the table or an index) or an attribute name projected into
   * an index that is not 1 to 255 characters, as CreateTable does.
   */
  void checkAttributeNames() {
    List<String> names = new ArrayList<>();
    addKeyNames(names, keySchema);
    for (List<IndexDefinition> indexes : List.of(localSecondaryIndexes, globalSecondaryIndexes)) {
      for (IndexDefinition index : indexes) {
        addKeyNames(names, index.keySchema());
        names.addAll(index.nonKeyAttributes());
      }
    }
    for (String attribute : names) {
      if (!TableNameRules.isAttributeName(attribute)) {
        throw new DynamoDbError.Validation(TableNameRules.ATTRIBUTE_NAME_LENGTH);
      }
    }
  }

  private static void addKeyNames(List<String> names, KeySchema schema) {
    schema.attributes().forEach(key -> names.add(key.name()));
  }

  /** How a table is billed; it does not change capacity figures. */
  public enum BillingMode {
    PROVISIONED,
    PAY_PER_REQUEST
  }

  /**
   * A secondary index.
   *
   * @param projectionType ALL, KEYS_ONLY or INCLUDE
   * @param nonKeyAttributes the INCLUDE list, empty otherwise
   */
  public record IndexDefinition(
      String name,
      KeySchema keySchema,
      String projectionType,
      List<String> nonKeyAttributes,
      long readCapacityUnits,
      long writeCapacityUnits) {
    public IndexDefinition {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(keySchema, "keySchema");
      Objects.requireNonNull(projectionType, "projectionType");
      nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /**
     * Whether {@code item} appears in this index: it has every index key attribute, with the
     * key's type, not empty and within the key size limits (writes refuse other values; a
     * backfill skips items holding them).
     */
    boolean indexes(Item item) {
      return item != null && keySchema.fitsIndexKey(item);
    }
  }
}
