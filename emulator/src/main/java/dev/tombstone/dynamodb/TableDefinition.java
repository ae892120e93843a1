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
 * @param tableClass the table class CreateTable or UpdateTable named, or null for a table never
 *     given one (STANDARD, which DynamoDB then leaves out of its descriptions)
 * @param warmThroughput the table's warm throughput; in a request, what was asked for (null, or a
 *     null unit, for the default), in a table's definition what it has
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
    StreamViewType streamViewType,
    TableClass tableClass,
    WarmThroughput warmThroughput) {

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

  /** A definition asking for no warm throughput: it gets the default. */
  public TableDefinition(String name, KeySchema keySchema,
      Map<String, AttributeType> attributeDefinitions, BillingMode billingMode,
      long readCapacityUnits, long writeCapacityUnits,
      List<IndexDefinition> localSecondaryIndexes, List<IndexDefinition> globalSecondaryIndexes,
      boolean deletionProtection, StreamViewType streamViewType, TableClass tableClass) {
    this(name, keySchema, attributeDefinitions, billingMode, readCapacityUnits,
        writeCapacityUnits, localSecondaryIndexes, globalSecondaryIndexes, deletionProtection,
        streamViewType, tableClass, null);
  }

  /** A definition never given a table class. */
  public TableDefinition(String name, KeySchema keySchema,
      Map<String, AttributeType> attributeDefinitions, BillingMode billingMode,
      long readCapacityUnits, long writeCapacityUnits,
      List<IndexDefinition> localSecondaryIndexes, List<IndexDefinition> globalSecondaryIndexes,
      boolean deletionProtection, StreamViewType streamViewType) {
    this(name, keySchema, attributeDefinitions, billingMode, readCapacityUnits,
        writeCapacityUnits, localSecondaryIndexes, globalSecondaryIndexes, deletionProtection,
        streamViewType, null);
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
        deletionProtection, viewType, tableClass, warmThroughput);
  }

  /** The same definition in table class {@code tableClass}, or never given one when null. */
  public TableDefinition withTableClass(TableClass tableClass) {
    return new TableDefinition(name, keySchema, attributeDefinitions, billingMode,
        readCapacityUnits, writeCapacityUnits, localSecondaryIndexes, globalSecondaryIndexes,
        deletionProtection, streamViewType, tableClass, warmThroughput);
  }

  /** The same definition asking for {@code warm} (null for the default). */
  public TableDefinition withWarmThroughput(WarmThroughput warm) {
    return new TableDefinition(name, keySchema, attributeDefinitions, billingMode,
        readCapacityUnits, writeCapacityUnits, localSecondaryIndexes, globalSecondaryIndexes,
        deletionProtection, streamViewType, tableClass, warm);
  }

  /**
   * This definition with the warm throughput DynamoDB reports for the table and each global
   * index: what was asked for, a unit not asked for being the default, raised to what the billing
   * gives (12,000 reads and 4,000 writes a second on demand, the provisioned units otherwise)
   * and to what {@code previous} (null for a new table) had, since it never decreases.
   */
  TableDefinition withWarmThroughputs(TableDefinition previous) {
    boolean onDemand = billingMode == BillingMode.PAY_PER_REQUEST;
    WarmThroughput table = WarmThroughput.settled(warmThroughput, onDemand, readCapacityUnits,
        writeCapacityUnits, previous == null ? null : previous.warmThroughput());
    List<IndexDefinition> gsis = new ArrayList<>();
    for (IndexDefinition index : globalSecondaryIndexes) {
      WarmThroughput before = null;
      if (previous != null) {
        for (IndexDefinition old : previous.globalSecondaryIndexes()) {
          if (old.name().equals(index.name())) {
            before = old.warmThroughput();
          }
        }
      }
      gsis.add(index.withWarmThroughput(WarmThroughput.settled(index.warmThroughput(), onDemand,
          index.readCapacityUnits(), index.writeCapacityUnits(), before)));
    }
    return new TableDefinition(name, keySchema, attributeDefinitions, billingMode,
        readCapacityUnits, writeCapacityUnits, localSecondaryIndexes, gsis, deletionProtection,
        streamViewType, tableClass, table);
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
        streamViewType, tableClass, warmThroughput);
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
   * A table's storage class. Only prices differ between them; tables behave the same. A table
   * never given one is STANDARD.
   */
  public enum TableClass {
    STANDARD,
    STANDARD_INFREQUENT_ACCESS
  }

  /**
   * The read and write units a second a table or global index can serve at once. In a request
   * either unit may be null: not asked for, so the default.
   */
  public record WarmThroughput(Long readUnitsPerSecond, Long writeUnitsPerSecond) {
    /** What a new on-demand table or index has, and the least it can ask for. */
    public static final WarmThroughput ON_DEMAND_INITIAL = new WarmThroughput(12_000L, 4_000L);

    /** Asked for, defaulted and raised as {@link #withWarmThroughputs} says. */
    static WarmThroughput settled(WarmThroughput asked, boolean onDemand, long read, long write,
        WarmThroughput previous) {
      WarmThroughput floor = onDemand ? ON_DEMAND_INITIAL : new WarmThroughput(read, write);
      WarmThroughput settled = floor.raisedTo(asked);
      return previous == null ? settled : settled.raisedTo(previous);
    }

    /** Unit by unit the greater of this and {@code other}'s (whose null units count for none). */
    WarmThroughput raisedTo(WarmThroughput other) {
      if (other == null) {
        return this;
      }
      return new WarmThroughput(max(readUnitsPerSecond, other.readUnitsPerSecond),
          max(writeUnitsPerSecond, other.writeUnitsPerSecond));
    }

    private static Long max(Long a, Long b) {
      return b == null ? a : a == null ? b : Long.valueOf(Math.max(a, b));
    }
  }

  /**
   * A secondary index.
   *
   * @param projectionType ALL, KEYS_ONLY or INCLUDE
   * @param nonKeyAttributes the INCLUDE list, empty otherwise
   * @param warmThroughput a global index's warm throughput, as {@link TableDefinition}'s; null for
   *     a local index
   */
  public record IndexDefinition(
      String name,
      KeySchema keySchema,
      String projectionType,
      List<String> nonKeyAttributes,
      long readCapacityUnits,
      long writeCapacityUnits,
      WarmThroughput warmThroughput) {
    public IndexDefinition {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(keySchema, "keySchema");
      Objects.requireNonNull(projectionType, "projectionType");
      nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** An index asking for no warm throughput. */
    public IndexDefinition(String name, KeySchema keySchema, String projectionType,
        List<String> nonKeyAttributes, long readCapacityUnits, long writeCapacityUnits) {
      this(name, keySchema, projectionType, nonKeyAttributes, readCapacityUnits,
          writeCapacityUnits, null);
    }

    /** The same index asking for {@code warm} (null for the default). */
    public IndexDefinition withWarmThroughput(WarmThroughput warm) {
      return new IndexDefinition(name, keySchema, projectionType, nonKeyAttributes,
          readCapacityUnits, writeCapacityUnits, warm);
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
