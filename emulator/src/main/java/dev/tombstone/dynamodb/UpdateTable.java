package dev.tombstone.dynamodb;

import dev.tombstone.internal.TableNameRules;
import dev.tombstone.internal.TableQuotas;
import dev.tombstone.internal.TableUpdateTexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * UpdateTable: billing mode, provisioned throughput, deletion protection, table class, warm
 * throughput, and global secondary indexes created (backfilled from the table's items, ACTIVE at
 * once) or deleted.
 *
 * <pre>{@code
 * dynamo.updateTable(UpdateTable.Request.of("orders")
 *     .creatingIndex(new TableDefinition.IndexDefinition("byStatus",
 *         KeySchema.of(KeyAttribute.s("status")), "ALL", List.of(), 0, 0))
 *     .withAttributeDefinitions(Map.of("status", AttributeType.S)));
 * }</pre>
 */
public final class UpdateTable {
  private UpdateTable() {}

  /** One change to the table's global secondary indexes. */
  public sealed interface IndexChange {
    /** Creates an index. */
    record Create(TableDefinition.IndexDefinition index) implements IndexChange {}

    /** Deletes the index called {@code name}. */
    record Delete(String name) implements IndexChange {}

    /** Changes the provisioned throughput of the index called {@code name}. */
    record Update(String name, long readCapacityUnits, long writeCapacityUnits)
        implements IndexChange {}

    /**
     * Raises the warm throughput of the index called {@code name} to {@code warmThroughput}
     * (a null unit is kept); lowering it is refused.
     */
    record RaiseWarmThroughput(String name, TableDefinition.WarmThroughput warmThroughput)
        implements IndexChange {}
  }

  /**
   * @param billingMode the new billing mode, or null to keep it
   * @param readCapacityUnits new provisioned reads, or null to keep them
   * @param writeCapacityUnits new provisioned writes, or null to keep them
   * @param attributeDefinitions definitions for new index key attributes
   * @param indexChanges global secondary index changes, at most one create or delete
   * @param deletionProtection the new setting, or null to keep it
   * @param streamEnabled true to enable a stream, false to disable it, null to leave it
   * @param streamViewType the view type of a stream to enable, null otherwise
   * @param tableClass the new table class, or null to keep it
   * @param warmThroughput the table's warm throughput to raise to (a null unit is kept), or null
   *     to keep it; lowering it is refused
   */
  public record Request(String tableName, TableDefinition.BillingMode billingMode,
      Long readCapacityUnits, Long writeCapacityUnits,
      Map<String, AttributeType> attributeDefinitions, List<IndexChange> indexChanges,
      Boolean deletionProtection, Boolean streamEnabled, StreamViewType streamViewType,
      TableDefinition.TableClass tableClass, TableDefinition.WarmThroughput warmThroughput) {
    public Request {
      Objects.requireNonNull(tableName, "tableName");
      attributeDefinitions = java.util.Collections.unmodifiableMap(
          new LinkedHashMap<>(attributeDefinitions));
      indexChanges = List.copyOf(indexChanges);
    }

    /** A request leaving the warm throughput as it is. */
    public Request(String tableName, TableDefinition.BillingMode billingMode,
        Long readCapacityUnits, Long writeCapacityUnits,
        Map<String, AttributeType> attributeDefinitions, List<IndexChange> indexChanges,
        Boolean deletionProtection, Boolean streamEnabled, StreamViewType streamViewType,
        TableDefinition.TableClass tableClass) {
      this(tableName, billingMode, readCapacityUnits, writeCapacityUnits, attributeDefinitions,
          indexChanges, deletionProtection, streamEnabled, streamViewType, tableClass, null);
    }

    /** A request leaving the table class as it is. */
    public Request(String tableName, TableDefinition.BillingMode billingMode,
        Long readCapacityUnits, Long writeCapacityUnits,
        Map<String, AttributeType> attributeDefinitions, List<IndexChange> indexChanges,
        Boolean deletionProtection, Boolean streamEnabled, StreamViewType streamViewType) {
      this(tableName, billingMode, readCapacityUnits, writeCapacityUnits, attributeDefinitions,
          indexChanges, deletionProtection, streamEnabled, streamViewType, null);
    }

    /** A request leaving the stream as it is. */
    public Request(String tableName, TableDefinition.BillingMode billingMode,
        Long readCapacityUnits, Long writeCapacityUnits,
        Map<String, AttributeType> attributeDefinitions, List<IndexChange> indexChanges,
        Boolean deletionProtection) {
      this(tableName, billingMode, readCapacityUnits, writeCapacityUnits, attributeDefinitions,
          indexChanges, deletionProtection, null, null);
    }

    /** A request changing nothing yet. */
    public static Request of(String tableName) {
      return new Request(tableName, null, null, null, Map.of(), List.of(), null);
    }

    /** The same request switching to {@code mode}. */
    public Request withBillingMode(TableDefinition.BillingMode mode) {
      return new Request(tableName, mode, readCapacityUnits, writeCapacityUnits,
          attributeDefinitions, indexChanges, deletionProtection, streamEnabled, streamViewType,
          tableClass, warmThroughput);
    }

    /** The same request setting provisioned throughput. */
    public Request withThroughput(long read, long write) {
      return new Request(tableName, billingMode, read, write, attributeDefinitions,
          indexChanges, deletionProtection, streamEnabled, streamViewType, tableClass,
          warmThroughput);
    }

    /** The same request defining attribute types for new index keys. */
    public Request withAttributeDefinitions(Map<String, AttributeType> definitions) {
      return new Request(tableName, billingMode, readCapacityUnits, writeCapacityUnits,
          definitions, indexChanges, deletionProtection, streamEnabled, streamViewType,
          tableClass, warmThroughput);
    }

    /** The same request with one more index change. */
    public Request withIndexChange(IndexChange change) {
      List<IndexChange> changes = new ArrayList<>(indexChanges);
      changes.add(change);
      return new Request(tableName, billingMode, readCapacityUnits, writeCapacityUnits,
          attributeDefinitions, changes, deletionProtection, streamEnabled, streamViewType,
          tableClass, warmThroughput);
    }

    /** The same request creating {@code index}. */
    public Request creatingIndex(TableDefinition.IndexDefinition index) {
      return withIndexChange(new IndexChange.Create(index));
    }

    /** The same request deleting the index {@code name}. */
    public Request deletingIndex(String name) {
      return withIndexChange(new IndexChange.Delete(name));
    }

    /** The same request turning deletion protection on or off. */
    public Request withDeletionProtection(boolean enabled) {
      return new Request(tableName, billingMode, readCapacityUnits, writeCapacityUnits,
          attributeDefinitions, indexChanges, enabled, streamEnabled, streamViewType,
          tableClass, warmThroughput);
    }

    /** The same request enabling a stream of {@code viewType}. */
    public Request enablingStream(StreamViewType viewType) {
      return new Request(tableName, billingMode, readCapacityUnits, writeCapacityUnits,
          attributeDefinitions, indexChanges, deletionProtection, true,
          java.util.Objects.requireNonNull(viewType, "viewType"), tableClass, warmThroughput);
    }

    /** The same request disabling the table's stream. */
    public Request disablingStream() {
      return new Request(tableName, billingMode, readCapacityUnits, writeCapacityUnits,
          attributeDefinitions, indexChanges, deletionProtection, false, null, tableClass,
          warmThroughput);
    }

    /** The same request raising the table's warm throughput to {@code warm}. */
    public Request withWarmThroughput(TableDefinition.WarmThroughput warm) {
      return new Request(tableName, billingMode, readCapacityUnits, writeCapacityUnits,
          attributeDefinitions, indexChanges, deletionProtection, streamEnabled, streamViewType,
          tableClass, java.util.Objects.requireNonNull(warm, "warm"));
    }

    /** The same request moving the table to {@code tableClass}. */
    public Request withTableClass(TableDefinition.TableClass tableClass) {
      return new Request(tableName, billingMode, readCapacityUnits, writeCapacityUnits,
          attributeDefinitions, indexChanges, deletionProtection, streamEnabled, streamViewType,
          java.util.Objects.requireNonNull(tableClass, "tableClass"), warmThroughput);
    }
  }

  private static final String NOTHING_TO_UPDATE = TableUpdateTexts.NOTHING_TO_UPDATE;
  /** Global secondary indexes a table may have. */
  private static final int MAX_GLOBAL_INDEXES = 20;

  static TableDescription execute(Table table, Request request, Instant now, Streams streams) {
    TableDefinition current = table.definition();
    boolean throughput = request.readCapacityUnits() != null
        || request.writeCapacityUnits() != null;
    Boolean streamEnabled = request.streamEnabled();
    if (request.billingMode() == null && !throughput && request.indexChanges().isEmpty()
        && request.deletionProtection() == null && streamEnabled == null
        && request.tableClass() == null && request.warmThroughput() == null) {
      // AWS's text as recorded in 2026 (ack-api-quirks); "Nothing to update" is DynamoDB Local's.
      throw new DynamoDbError.Validation(NOTHING_TO_UPDATE);
    }
    if (request.warmThroughput() != null) {
      WarmThroughputRules.checkNoDecrease(request.warmThroughput(), current.warmThroughput(),
          "table");
    }
    if (streamEnabled != null) {
      checkStreamChange(table, streamEnabled, throughput);
    }
    TableDefinition.BillingMode mode =
        request.billingMode() != null ? request.billingMode() : current.billingMode();
    long read = current.readCapacityUnits();
    long write = current.writeCapacityUnits();
    if (mode == TableDefinition.BillingMode.PAY_PER_REQUEST) {
      if (throughput) {
        throw DynamoDbError.Validation.invalidParameters("Neither ReadCapacityUnits nor"
            + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      read = 0;
      write = 0;
    } else if (throughput) {
      if (current.billingMode() == TableDefinition.BillingMode.PAY_PER_REQUEST) {
        checkEveryIndexGetsThroughput(request, current);
      }
      if (current.billingMode() == TableDefinition.BillingMode.PROVISIONED
          && Objects.equals(request.readCapacityUnits(), read)
          && Objects.equals(request.writeCapacityUnits(), write)) {
        throw throughputUnchanged("the table", "the table", read, write);
      }
      read = request.readCapacityUnits() == null ? read : request.readCapacityUnits();
      write = request.writeCapacityUnits() == null ? write : request.writeCapacityUnits();
      TableQuotas.tableError(read, write, table.arn()).ifPresent(text -> {
        throw new DynamoDbError.LimitExceeded(text);
      });
    } else if (current.billingMode() == TableDefinition.BillingMode.PAY_PER_REQUEST) {
      throw new DynamoDbError.Validation(TableUpdateTexts.PROVISIONED_WITHOUT_THROUGHPUT);
    }
    Map<String, AttributeType> definitions = new LinkedHashMap<>(current.attributeDefinitions());
    List<TableDefinition.IndexDefinition> gsis =
        new ArrayList<>(current.globalSecondaryIndexes());
    applyIndexChanges(request, current, mode, definitions, gsis);
    TableDefinition next = new TableDefinition(current.name(), current.keySchema(), definitions,
        mode, read, write, current.localSecondaryIndexes(), gsis,
        request.deletionProtection() != null ? request.deletionProtection()
            : current.deletionProtection(),
        streamEnabled == null ? current.streamViewType()
            : streamEnabled ? request.streamViewType() : null,
        request.tableClass() != null ? request.tableClass() : current.tableClass(),
        current.warmThroughput().raisedTo(request.warmThroughput()))
        .withUsedAttributeDefinitionsOnly()
        .withWarmThroughputs(current);
    table.redefine(next, now);
    if (Boolean.TRUE.equals(streamEnabled)) {
      table.enableStream(streams.open(table.arn(), table.name(), table.keySchema(),
          request.streamViewType(), now));
    } else if (Boolean.FALSE.equals(streamEnabled)) {
      table.disableStream(now);
    }
    return table.describe(TableDescription.Status.ACTIVE);
  }

  /**
   * A switch to provisioned capacity names the throughput of every global index in the same
   * call: nothing is assigned (ack-api-quirks DDB-TABLE-152, AWS's text, 2026).
   */
  private static void checkEveryIndexGetsThroughput(Request request, TableDefinition current) {
    for (TableDefinition.IndexDefinition index : current.globalSecondaryIndexes()) {
      boolean given = request.indexChanges().stream().anyMatch(c ->
          (c instanceof IndexChange.Update u && u.name().equals(index.name()))
          || (c instanceof IndexChange.Delete d && d.name().equals(index.name())));
      if (!given) {
        throw DynamoDbError.Validation.invalidParameters(
            "ProvisionedThroughput must be specified for index: " + index.name());
      }
    }
  }

  /** Refuses to enable a second stream, to disable none, or to change throughput alongside. */
  private static void checkStreamChange(Table table, boolean enable, boolean throughput) {
    if (throughput) {
      // AWS's text (ack-api-quirks catalogue, DDB-TABLE-433, 2026).
      throw DynamoDbError.Validation.invalidParameters(
          "You cannot modify stream status while updating table IOPS");
    }
    // DynamoDB names the table in both; DynamoDB Local's texts end before the colon.
    if (enable && table.stream() != null) {
      throw new DynamoDbError.Validation(
          "Table already has an enabled stream: TableName: " + table.name());
    }
    if (!enable && table.stream() == null) {
      throw new DynamoDbError.Validation(
          "Table has no stream to disable: TableName: " + table.name());
    }
  }

  private static void applyIndexChanges(Request request, TableDefinition current,
      TableDefinition.BillingMode mode, Map<String, AttributeType> definitions,
      List<TableDefinition.IndexDefinition> gsis) {
    boolean onDemand = mode == TableDefinition.BillingMode.PAY_PER_REQUEST;
    int structural = 0;
    for (IndexChange change : request.indexChanges()) {
      if (change instanceof IndexChange.Create || change instanceof IndexChange.Delete) {
        structural++;
      }
    }
    if (structural > 1) {
      throw new DynamoDbError.LimitExceeded("Subscriber limit exceeded: Only 1 online index can"
          + " be created or deleted simultaneously per table");
    }
    for (IndexChange change : request.indexChanges()) {
      if (change instanceof IndexChange.Create create) {
        TableDefinition.IndexDefinition index = create.index();
        if (onDemand && (index.readCapacityUnits() != 0 || index.writeCapacityUnits() != 0)) {
          throw DynamoDbError.Validation.invalidParameters("Neither ReadCapacityUnits nor"
              + " WriteCapacityUnits can be specified for index: " + index.name()
              + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!onDemand && (index.readCapacityUnits() == 0 || index.writeCapacityUnits() == 0)) {
          // AWS's text (ack-api-quirks DDB-TABLE-152, 2026).
          throw DynamoDbError.Validation.invalidParameters("Both ReadCapacityUnits and"
              + " WriteCapacityUnits must be specified for index: " + index.name());
        }
        if (gsis.size() >= MAX_GLOBAL_INDEXES) {
          // A LimitExceededException here, a ValidationException in CreateTable (DDB-TABLE-169).
          throw new DynamoDbError.LimitExceeded("Subscriber limit exceeded: Number of global"
              + " secondary indexes exceeds per-table limit of " + MAX_GLOBAL_INDEXES);
        }
        WarmThroughputRules.checkInitial(index.warmThroughput(), onDemand,
            index.readCapacityUnits(), index.writeCapacityUnits(), "index " + index.name());
        if (find(gsis, index.name()) >= 0 || current.localSecondaryIndexes().stream()
            .anyMatch(l -> l.name().equals(index.name()))) {
          throw new DynamoDbError.Validation(
              "Attempting to create an index which already exists");
        }
        checkNames(index);
        for (KeyAttribute key : keyAttributes(index.keySchema())) {
          if (!request.attributeDefinitions().containsKey(key.name())
              && !definitions.containsKey(key.name())) {
            throw DynamoDbError.Validation.invalidParameters("Some index key attributes are not"
                + " defined in AttributeDefinitions. Keys: " + keyNames(index.keySchema())
                + ", AttributeDefinitions: " + new ArrayList<>(definitions.keySet()));
          }
          AttributeType stored = definitions.get(key.name());
          if (stored != null && stored != key.type()) {
            throw redefined(current, gsis, key.name(), index.keySchema());
          }
          definitions.put(key.name(), key.type());
        }
        gsis.add(index);
      } else if (change instanceof IndexChange.Delete delete) {
        int at = find(gsis, delete.name());
        if (at < 0) {
          throw unknownIndex(delete.name(), current, "delete");
        }
        gsis.remove(at);
      } else if (change instanceof IndexChange.RaiseWarmThroughput raise) {
        int at = find(gsis, raise.name());
        if (at < 0) {
          throw unknownIndex(raise.name(), current, "update");
        }
        TableDefinition.IndexDefinition old = gsis.get(at);
        WarmThroughputRules.checkNoDecrease(raise.warmThroughput(), old.warmThroughput(),
            "index " + raise.name());
        gsis.set(at, old.withWarmThroughput(
            old.warmThroughput().raisedTo(raise.warmThroughput())));
      } else {
        IndexChange.Update update = (IndexChange.Update) change;
        int at = find(gsis, update.name());
        if (at < 0) {
          throw unknownIndex(update.name(), current, "update");
        }
        if (onDemand) {
          // Update carries provisioned throughput, the one change this emulator models.
          throw DynamoDbError.Validation.invalidParameters("The only Updates for index: "
              + update.name() + " when TableThroughputMode is PAY_PER_REQUEST can be to"
              + " OnDemandThroughput, WarmThroughput");
        }
        TableDefinition.IndexDefinition old = gsis.get(at);
        if (old.readCapacityUnits() == update.readCapacityUnits()
            && old.writeCapacityUnits() == update.writeCapacityUnits()) {
          // As for the table (ack-api-quirks DDB-TABLE-164, 2026).
          throw throughputUnchanged("the index " + old.name(), "index " + old.name(),
              old.readCapacityUnits(), old.writeCapacityUnits());
        }
        gsis.set(at, new TableDefinition.IndexDefinition(old.name(), old.keySchema(),
            old.projectionType(), old.nonKeyAttributes(), update.readCapacityUnits(),
            update.writeCapacityUnits(), old.warmThroughput()));
      }
    }
  }

  /**
   * Throughput asked for that equals the current one, for the table or one of its global indexes
   * (the index's text as AWS answered it, ack-api-quirks DDB-TABLE-164, 2026).
   *
   * @param subject {@code the table} or {@code the index <name>}
   * @param owner {@code the table} or {@code index <name>}, as each unit's sentence names it
   */
  private static DynamoDbError throughputUnchanged(String subject, String owner, long read,
      long write) {
    return new DynamoDbError.Validation("The provisioned throughput for " + subject
        + " will not change. The requested value equals the current value. Current"
        + " ReadCapacityUnits provisioned for " + owner + ": " + read
        + ". Requested ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for "
        + owner + ": " + write + ". Requested WriteCapacityUnits: " + write + ". Refer to the"
        + " Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
  }

  /**
   * An index {@code Delete} or {@code Update} naming no global index of the table, in AWS's words
   * (ack-api-quirks catalogue, DDB-TABLE-161, DDB-TABLE-446 and, for a local index's name,
   * DDB-TABLE-137; 2026).
   *
   * @param verb {@code delete} or {@code update}
   */
  private static DynamoDbError unknownIndex(String index, TableDefinition table, String verb) {
    if (table.localSecondaryIndexes().stream().anyMatch(l -> l.name().equals(index))) {
      return new DynamoDbError.Validation(
          "Cannot " + verb + " an index that is not a GlobalSecondaryIndex: " + index);
    }
    return new DynamoDbError.ResourceNotFound(
        "Requested resource not found: Index " + index + " for table " + table.name());
  }

  /** A new index's key and projected attribute names are 1 to 255 characters, as CreateTable's. */
  private static void checkNames(TableDefinition.IndexDefinition index) {
    List<String> names = new ArrayList<>(keyNames(index.keySchema()));
    names.addAll(index.nonKeyAttributes());
    for (String name : names) {
      if (!TableNameRules.isAttributeName(name)) {
        throw new DynamoDbError.Validation(TableNameRules.ATTRIBUTE_NAME_LENGTH);
      }
    }
  }

  /**
   * DynamoDB keeps the type an attribute has while a key uses it: a new index keyed on it with
   * another type is refused, naming the schema that uses it now and the new one.
   */
  private static DynamoDbError redefined(TableDefinition current,
      List<TableDefinition.IndexDefinition> gsis, String attribute, KeySchema requested) {
    KeySchema existing = keySchemas(current, gsis).stream()
        .filter(schema -> keyNames(schema).contains(attribute))
        .findFirst().orElseThrow();
    return DynamoDbError.Validation.invalidParameters("Attributes cannot be redefined. Please"
        + " check that your attribute has the same type as previously defined. Existing schema: "
        + schemaText(existing) + " New schema: " + schemaText(requested));
  }

  private static String schemaText(KeySchema schema) {
    List<String> elements = new ArrayList<>();
    for (KeyAttribute key : schema.partitionKeys()) {
      elements.add("SchemaElement: key{" + key.name() + ":" + key.type() + ":HASH}");
    }
    for (KeyAttribute key : schema.sortKeys()) {
      elements.add("SchemaElement: key{" + key.name() + ":" + key.type() + ":RANGE}");
    }
    return "Schema:" + elements;
  }

  /** The key schemas of the table, its local indexes and {@code gsis}, in that order. */
  private static List<KeySchema> keySchemas(TableDefinition current,
      List<TableDefinition.IndexDefinition> gsis) {
    List<KeySchema> schemas = new ArrayList<>();
    schemas.add(current.keySchema());
    current.localSecondaryIndexes().forEach(index -> schemas.add(index.keySchema()));
    gsis.forEach(index -> schemas.add(index.keySchema()));
    return schemas;
  }

  private static int find(List<TableDefinition.IndexDefinition> indexes, String name) {
    for (int i = 0; i < indexes.size(); i++) {
      if (indexes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static List<KeyAttribute> keyAttributes(KeySchema schema) {
    return schema.attributes();
  }

  private static List<String> keyNames(KeySchema schema) {
    List<String> names = new ArrayList<>();
    for (KeyAttribute key : keyAttributes(schema)) {
      names.add(key.name());
    }
    return names;
  }
}
