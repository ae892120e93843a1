package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ThroughputChanges;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateTable, DescribeTable and DeleteTable of API 2011-12-05: key schemas as {@code
 * HashKeyElement}/{@code RangeKeyElement} with their types, no AttributeDefinitions, provisioned
 * throughput required. ListTables has the same shape in both versions and is not repeated here;
 * UpdateTable is {@link Legacy2011UpdateTableOperation}.
 */
final class Legacy2011TableOperations {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  Legacy2011TableOperations(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] createTable(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Json.Obj keySchema = Members.structure(request.get("KeySchema"));
    Json.Obj throughput = Members.structure(request.get("ProvisionedThroughput"));
    Json.Obj hash =
        keySchema == null ? null : Members.structure(keySchema.get(Legacy2011Keys.HASH));
    Json.Obj range = keySchema == null ? null
        : Members.structure(keySchema.get(Legacy2011Keys.RANGE));
    Long read = throughput == null ? null : Members.longValue(throughput, "ReadCapacityUnits");
    Long write = throughput == null ? null : Members.longValue(throughput, "WriteCapacityUnits");

    Constraints constraints = new Constraints()
        .tableName("tableName", tableName, true)
        .notNull("keySchema", keySchema)
        .notNull("provisionedThroughput", throughput);
    if (keySchema != null) {
      constraints.notNull("keySchema.hashKeyElement", hash);
    }
    String[] hashElement = element(hash, "keySchema.hashKeyElement", constraints);
    String[] rangeElement = element(range, "keySchema.rangeKeyElement", constraints);
    if (throughput != null) {
      constraints.notNull("provisionedThroughput.readCapacityUnits", read);
      constraints.notNull("provisionedThroughput.writeCapacityUnits", write);
      constraints.atLeast("provisionedThroughput.readCapacityUnits", read, 1);
      constraints.atLeast("provisionedThroughput.writeCapacityUnits", write, 1);
    }
    constraints.check();

    KeyAttribute partition = attribute(hashElement);
    KeySchema schema = rangeElement == null ? KeySchema.of(partition)
        : checkedSchema(partition, attribute(rangeElement));
    Map<String, AttributeType> definitions = new LinkedHashMap<>();
    definitions.put(partition.name(), partition.type());
    if (schema.sortKey() != null) {
      definitions.put(schema.sortKey().name(), schema.sortKey().type());
    }
    TableDefinition definition = new TableDefinition(tableName, schema, definitions,
        TableDefinition.BillingMode.PROVISIONED, read, write, List.of(), List.of(), false);
    TableDescription created = state.createTable(definition);
    return write("TableDescription", created, false,
        ThroughputChangeDates.of(attachments, created));
  }

  byte[] describeTable(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableName("tableName", tableName, true).check();
    TableDescription table = state.describeTable(tableName);
    return write("Table", table, true, ThroughputChangeDates.of(attachments, table));
  }

  byte[] deleteTable(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    new Constraints().tableName("tableName", tableName, true).check();
    TableDescription deleted = state.deleteTable(tableName);
    return write("TableDescription", deleted, true,
        ThroughputChangeDates.of(attachments, deleted));
  }

  /**
   * A table description in the 2011 shape; CreateTable's and UpdateTable's answers have no
   * counts. {@code ProvisionedThroughput} carries the last decrease and increase, when there
   * were any (the 2011 DescribeTables reference).
   */
  static byte[] write(String field, TableDescription description, boolean withCounts,
      ThroughputChanges changes) throws IOException {
    TableDefinition definition = description.definition();
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeObjectFieldStart(field);
    json.writeNumberField("CreationDateTime", seconds(description.createdAt()));
    if (withCounts) {
      json.writeNumberField("ItemCount", description.itemCount());
    }
    Legacy2011Keys.writeSchema(json, definition.keySchema());
    json.writeObjectFieldStart("ProvisionedThroughput");
    if (changes.lastDecrease() != null) {
      json.writeNumberField("LastDecreaseDateTime", seconds(changes.lastDecrease()));
    }
    if (changes.lastIncrease() != null) {
      json.writeNumberField("LastIncreaseDateTime", seconds(changes.lastIncrease()));
    }
    json.writeNumberField("ReadCapacityUnits", definition.readCapacityUnits());
    json.writeNumberField("WriteCapacityUnits", definition.writeCapacityUnits());
    json.writeEndObject();
    json.writeStringField("TableName", definition.name());
    if (withCounts) {
      json.writeNumberField("TableSizeBytes", description.sizeInBytes());
    }
    json.writeStringField("TableStatus", description.status().name());
    json.writeEndObject();
    json.writeEndObject();
    return out.finish();
  }

  /** Epoch seconds with milliseconds, as the 2011 samples write dates. */
  private static BigDecimal seconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  private static String[] element(Json.Obj element, String path, Constraints constraints) {
    if (element == null) {
      return null;
    }
    String name = Members.string(element, "AttributeName");
    String type = Members.string(element, "AttributeType");
    constraints.notNull(path + ".attributeName", name);
    constraints.notNull(path + ".attributeType", type);
    constraints.oneOf(path + ".attributeType", type, "S", "N", "B");
    return new String[] {name, type};
  }

  private static KeyAttribute attribute(String[] element) {
    return new KeyAttribute(element[0], AttributeType.valueOf(element[1]));
  }

  private static KeySchema checkedSchema(KeyAttribute partition, KeyAttribute sort) {
    if (partition.name().equals(sort.name())) {
      throw ServiceErrors.sameHashAndRangeName();
    }
    return KeySchema.of(partition, sort);
  }
}
