package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MagnetoDB's batch_write_item ({@code /v1/data/{project}/batch_write_item}) over raw HTTP. */
class MagnetoDbBatchWriteItemTest {
  static final String BATCH = "/v1/data/p1/batch_write_item";
  static final String EMPTY_ANSWER = "{\"unprocessed_items\":{}}";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  /** Table Forum of project p1, keyed by Name and Category, holding one row (Cinder). */
  @BeforeEach
  void fixture() {
    wire.createTable("p1", "{\"table_name\":"
        + "\"Forum\",\"attribute_definitions\":[{\"attribute_name\":\"Name\","
        + "\"attribute_type\":\"S\"},{\"attribute_name\":\"Category\",\"attribute_type\":"
        + "\"S\"}],\"key_schema\":[{\"attribute_name\":\"Name\",\"key_type\":\"HASH\"},"
        + "{\"attribute_name\":\"Category\",\"key_type\":\"RANGE\"}]}");
    assertThat(wire.post("/v1/data/p1/tables/Forum/put_item",
        "{\"item\":" + key("Cinder", "OpenStack Core") + "}").status()).isEqualTo(200);
  }

  static String key(String name, String category) {
    return "{\"Name\":{\"S\":\"" + name + "\"},\"Category\":{\"S\":\"" + category + "\"}}";
  }

  static String put(String item) {
    return "{\"put_request\":{\"item\":" + item + "}}";
  }

  static String delete(String key) {
    return "{\"delete_request\":{\"key\":" + key + "}}";
  }

  static String batch(String table, String... writes) {
    return "{\"request_items\":{\"" + table + "\":[" + String.join(",", writes) + "]}}";
  }

  /** The names of Forum's rows, in scan order. */
  private String names() {
    MagnetoDbWire.Response scan = wire.post("/v1/data/p1/tables/Forum/scan",
        "{\"attributes_to_get\":[\"Name\"]}");
    assertThat(scan.status()).as(scan.body()).isEqualTo(200);
    StringJoiner names = new StringJoiner(",");
    for (Json item : ((Json.Arr) scan.json().get("items")).elements()) {
      names.add(((Json.Str) ((Json.Obj) ((Json.Obj) item).get("Name")).get("S")).value());
    }
    return names.toString();
  }

  @Test
  void documentedSample_putsThreeItems_andDeletesOne() {
    MagnetoDbWire.Response response = wire.post(BATCH, batch("Forum",
        put(key("MagnetoDB", "OpenStack KVaaS")), put(key("Nova", "OpenStack Core")),
        put(key("KeyStone", "OpenStack Core")), delete(key("Cinder", "OpenStack Core"))));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(JsonTrees.parse(EMPTY_ANSWER));
    assertThat(names()).contains("MagnetoDB", "Nova", "KeyStone").doesNotContain("Cinder");
    MagnetoDbWire.Response item = wire.post("/v1/data/p1/tables/Forum/get_item",
        "{\"key\":" + key("Nova", "OpenStack Core") + "}");
    assertThat(item.json()).isEqualTo(JsonTrees.parse("{\"item\":"
        + key("Nova", "OpenStack Core") + "}"));
  }

  @Test
  void deleteOfAMissingItem_succeeds() {
    MagnetoDbWire.Response response = wire.post(BATCH, batch("Forum",
        delete(key("Swift", "OpenStack Core"))));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(JsonTrees.parse(EMPTY_ANSWER));
    assertThat(names()).isEqualTo("Cinder");
  }

  @Test
  void emptyRequestItems_writeNothing() {
    MagnetoDbWire.Response none = wire.post(BATCH, "{\"request_items\":{}}");
    MagnetoDbWire.Response emptyList = wire.post(BATCH, "{\"request_items\":{\"Forum\":[]}}");

    assertThat(none.json()).isEqualTo(JsonTrees.parse(EMPTY_ANSWER));
    assertThat(emptyList.json()).isEqualTo(JsonTrees.parse(EMPTY_ANSWER));
    assertThat(names()).isEqualTo("Cinder");
  }

  @Test
  void tableMissingFromTheProject_isTableNotExists_andNothingIsWritten() {
    String twoTables = "{\"request_items\":{\"Forum\":[" + put(key("Nova", "Core"))
        + "],\"Post\":[" + put(key("x", "y")) + "]}}";
    MagnetoDbWire.Response missingTable = wire.post(BATCH, twoTables);
    MagnetoDbWire.Response otherProject = wire.post("/v1/data/p2/batch_write_item",
        batch("Forum", delete(key("Cinder", "OpenStack Core"))));

    assertThat(missingTable.status()).isEqualTo(404);
    assertThat(missingTable.errorType()).isEqualTo("TableNotExistsException");
    assertThat(missingTable.errorMessage()).isEqualTo("Table 'Post' does not exist");
    assertThat(otherProject.status()).isEqualTo(404);
    assertThat(otherProject.errorMessage()).isEqualTo("Table 'Forum' does not exist");
    assertThat(names()).isEqualTo("Cinder");
  }

  @Test
  void malformedRequests_areMagnetoDbValidationErrors_andWriteNothing() {
    String nova = key("Nova", "Core");
    assertRefused("{}",
        "Required property 'request_items' wasn't found or it's value is null");
    assertRefused("{\"request_items\":[]}",
        "Wrong 'request_items' type. Object is expected, but [] found");
    assertRefused("{\"request_items\":{},\"return_consumed_capacity\":\"TOTAL\"}",
        "Unexpected properties were found for 'body': {\"return_consumed_capacity\": \"TOTAL\"}");
    assertRefused("{\"request_items\":{\"Forum\":{}}}",
        "Wrong 'Forum' type. List is expected, but {} found");
    assertRefused("{\"request_items\":{\"Forum\":[" + put(nova) + ",1]}}",
        "Wrong 'Forum' type. List of Objects is expected, but [{\"put_request\": {\"item\": "
            + "{\"Name\": {\"S\": \"Nova\"}, \"Category\": {\"S\": \"Core\"}}}}, 1] found");
    assertRefused("{\"request_items\":{\"F!\":[]}}", "Wrong table name 'F!' found");
    assertRefused(batch("Forum", put(nova), "{\"update_request\":{\"key\":" + nova + "}}"),
        "Unsupported request type found: \"update_request\"");
    assertRefused(batch("Forum", "{\"put_request\":{}}"),
        "Required property 'item' wasn't found or it's value is null");
    assertRefused(batch("Forum", "{\"delete_request\":[]}"),
        "Wrong 'delete_request' type. Object is expected, but [] found");
    assertRefused(batch("Forum", "{\"put_request\":{\"item\":" + nova + ",\"expected\":{}}}"),
        "Unexpected properties were found for 'put_request': {\"expected\": {}}");
    assertRefused(batch("Forum", "{\"put_request\":{\"item\":" + nova + ",\"time_to_live\":60}}"),
        "Unexpected properties were found for 'put_request': {\"time_to_live\": 60}");
    assertRefused(batch("Forum", "{\"delete_request\":{\"key\":" + nova + ",\"x\":1}}"),
        "Unexpected properties were found for 'delete_request': {\"x\": 1}");
    assertRefused(batch("Forum", put("{\"Name\":{\"S\":\"a\"},\"Category\":\"b\"}")),
        "Can't recognize attribute typed value format: '\"b\"'");
  }

  @Test
  void dynamoDbsLimits_fillMagnetoDbsGaps() {
    String nova = key("Nova", "Core");
    String[] many = new String[26];
    for (int i = 0; i < many.length; i++) {
      many[i] = put(key("n" + i, "c"));
    }
    assertRefused(batch("Forum", many), "Too many items requested for the BatchWriteItem call");
    assertRefused(batch("Forum", put(nova), delete(nova)),
        "Provided list of item keys contains duplicates");
    assertRefused(batch("Forum", "{}"), AttributeValueDecoder.SEVERAL);
    assertRefused(batch("Forum", "{\"put_request\":{\"item\":" + nova
        + "},\"delete_request\":{\"key\":" + nova + "}}"), AttributeValueDecoder.SEVERAL);
    assertRefused(batch("Forum", put("{\"Name\":{\"S\":\"Nova\"}}")),
        "The provided key element does not match the schema");
    assertRefused(batch("Forum", put(key("Nova", "Core")), delete("{\"Name\":{\"S\":\"x\"}}")),
        "The provided key element does not match the schema");
  }

  @Test
  void twentyFiveWrites_areAccepted() {
    String[] writes = new String[25];
    for (int i = 0; i < writes.length; i++) {
      writes[i] = put(key("n" + i, "c"));
    }

    MagnetoDbWire.Response response = wire.post(BATCH, batch("Forum", writes));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(names().split(",")).hasSize(26);
  }

  @Test
  void otherMethods_areNotAllowed() {
    MagnetoDbWire.Response response = wire.get(BATCH);

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.errorType()).isEqualTo("MethodNotAllowed");
  }

  private void assertRefused(String body, String message) {
    MagnetoDbWire.Response response = wire.post(BATCH, body);

    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.errorType()).as(body).isEqualTo("ValidationError");
    assertThat(response.errorMessage()).as(body).isEqualTo(message);
    assertThat(names()).as(body).isEqualTo("Cinder");
  }
}
