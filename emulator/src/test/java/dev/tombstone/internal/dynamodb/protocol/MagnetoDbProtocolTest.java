package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MagnetoDB REST over raw HTTP: the documented sample (flow D), faults, table operations. */
class MagnetoDbProtocolTest {
  static final String SAMPLE_REQUEST = """
      {
          "key": {
              "ForumName": {
                  "S": "MagnetoDB"
              },
              "Subject": {
                  "S": "How do I delete an item?"
              }
          },
          "expected": {
              "Subject": {
                  "value": {
                      "S": "How do I delete an item?"
                  }
              },
              "Replies": {
                  "exists": false
              }
          },
          "returnValues": "ALL_OLD"
      }""";
  static final String SAMPLE_RESPONSE = """
      {
          "attributes": {
              "LastPostDateTime": {
                  "S": "201303190422"
              },
              "ForumName": {
                  "S": "MagnetoDB"
              },
              "Message": {
                  "S": "I want to delete item."
              },
              "Subject": {
                  "S": "How do I delete an item?"
              },
              "LastPostedBy": {
                  "S": "fred@example.com"
              }
          }
      }""";
  static final String BAD_REQUEST_EXPLANATION = "The server could not comply with the request"
      + " since\r\nit is either malformed or otherwise incorrect.\r\n";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  @BeforeEach
  void fixture() {
    MagnetoDbVectorsTest.createThread(wire, "p1");
  }

  @Test
  void documentedSample_answersTheDocumentedResponse() {
    MagnetoDbWire.Response response =
        wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/delete_item", SAMPLE_REQUEST);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(JsonTrees.parse(SAMPLE_RESPONSE));
  }

  @Test
  void bodyThatIsNotJson_isValidationError_inMagnetoDbFaultShape() {
    MagnetoDbWire.Response response =
        wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/delete_item", "{\"key\":");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json()).isEqualTo(JsonTrees.parse("{\"code\":400,\"title\":\"Bad"
        + " Request\",\"explanation\":\"" + BAD_REQUEST_EXPLANATION.replace("\r\n", "\\r\\n")
        + "\",\"error\":{\"message\":\"Request body is not valid JSON\",\"type\":"
        + "\"ValidationError\",\"traceback\":null}}"));
    assertThat(wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/get_item",
        "{" + MagnetoDbVectorsTest.KEY + "}").json().has("item")).isTrue();
  }

  @Test
  void bothReturnValuesSpellings_withDifferentValues_conflict() {
    MagnetoDbWire.Response response = wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/delete_item",
        "{" + MagnetoDbVectorsTest.KEY + ",\"return_values\":\"NONE\","
            + "\"returnValues\":\"ALL_OLD\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage())
        .isEqualTo("Unexpected properties were found for 'body': {\"returnValues\": \"ALL_OLD\"}");
  }

  @Test
  void keyOfWrongType_isValidationError() {
    MagnetoDbWire.Response response =
        wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/delete_item", "{\"key\":\"x\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage())
        .isEqualTo("Wrong 'key' type. Object is expected, but \"x\" found");
  }

  /**
   * Each original handler read its members one by one, required ones included, and refused
   * unknown members last; bad {@code expected} entries get parser.py's messages. Bodies and
   * messages write {@code `} for {@code "}, and {@code $KEY} for the sample item's key.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "get_item|{`foo`:1}|Required property 'key' wasn't found or it's value is null",
      "put_item|{`foo`:1}|Required property 'item' wasn't found or it's value is null",
      "update_item|{`foo`:1}|Required property 'key' wasn't found or it's value is null",
      "query|{`foo`:1}|Required property 'key_conditions' wasn't found or it's value is null",
      "batch_get_item|{`foo`:1}"
          + "|Required property 'request_items' wasn't found or it's value is null",
      "batch_get_item|{`request_items`:{`Thread`:{`select`:`COUNT`}}}"
          + "|Required property 'keys' wasn't found or it's value is null",
      "get_item|{`key`:{`ForumName`:{`X`:`y`}},`foo`:1}"
          + "|Unexpected properties were found for 'body': {`foo`: 1}",
      "put_item|{`item`:{`ForumName`:{`S`:`a`},`Subject`:{`S`:`b`}},`foo`:1,"
          + "`return_values`:`ALL_NEW`}|Return values type 'ALL_NEW' isn't allowed",
      "update_item|{$KEY,`foo`:1,`return_values`:`EVERYTHING`}"
          + "|Return values type 'EVERYTHING' isn't allowed",
      "query|{`key_conditions`:{`ForumName`:{`comparison_operator`:`NE`,`when`:1}},`foo`:1}"
          + "|IndexedCondition of type['NE'] is not allowed",
      "update_item|{`foo`:1,`expected`:{`x`:{`exists`:`no`}}}"
          + "|Wrong 'exists' type. Boolean is expected, but `no` found",
      "put_item|{`expected`:{`x`:{`exists`:`no`}}}"
          + "|Wrong 'exists' type. Boolean is expected, but `no` found",
      "delete_item|{$KEY,`expected`:{`x`:{`foo`:1}}}|Unsupported condition type found: `foo`",
      "delete_item|{$KEY,`expected`:{`x`:5}}|Wrong 'x' type. Object is expected, but 5 found",
      "delete_item|{$KEY,`expected`:{`x`:{`value`:`s`}}}"
          + "|Wrong 'value' type. Object is expected, but `s` found",
      "delete_item|{$KEY,`expected`:{`x`:{`exists`:null}}}"
          + "|Required property 'exists' wasn't found or it's value is null"})
  void bodyMistakes_areReportedInTheOriginalsOrder(String operation, String body,
      String message) {
    String path = operation.equals("batch_get_item") ? "/v1/data/p1/batch_get_item"
        : MagnetoDbVectorsTest.THREAD_P1 + "/" + operation;

    MagnetoDbWire.Response response = wire.post(path,
        body.replace("$KEY", MagnetoDbVectorsTest.KEY).replace('`', '"'));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("ValidationError");
    assertThat(response.errorMessage()).isEqualTo(message.replace('`', '"'));
    assertThat(wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/scan", "{}").json())
        .isEqualTo(JsonTrees.parse("{\"count\":1,\"items\":[" + MagnetoDbVectorsTest.ITEM
            + "],\"scanned_count\":1}"));
  }

  @Test
  void getItem_withEmptyAttributesToGet_readsTheWholeItem() {
    MagnetoDbWire.Response response = wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/get_item",
        "{" + MagnetoDbVectorsTest.KEY + ",\"attributes_to_get\":[]}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(JsonTrees.parse("{\"item\":" + MagnetoDbVectorsTest.ITEM + "}"));
  }

  @Test
  void tableOperations_answerInMagnetoDbShapes() {
    MagnetoDbWire.Response list = wire.get("/v1/data/p1/tables");
    MagnetoDbWire.Response describe = wire.get(MagnetoDbVectorsTest.THREAD_P1);
    MagnetoDbWire.Response again = wire.post("/v1/data/p1/tables", "{\"table_name\":\"Thread\","
        + "\"attribute_definitions\":[{\"attribute_name\":\"a\",\"attribute_type\":\"S\"}],"
        + "\"key_schema\":[{\"attribute_name\":\"a\",\"key_type\":\"HASH\"}]}");
    MagnetoDbWire.Response deleted = wire.delete(MagnetoDbVectorsTest.THREAD_P1);
    MagnetoDbWire.Response gone = wire.get(MagnetoDbVectorsTest.THREAD_P1);

    assertThat(list.json()).isEqualTo(JsonTrees.parse(
        "{\"tables\":[{\"href\":\"/v1/data/p1/tables/Thread\",\"rel\":\"self\"}]}"));
    assertThat(describe.body()).contains("\"table\":{", "\"item_count\":1",
        "\"key_schema\":[{\"attribute_name\":\"ForumName\",\"key_type\":\"HASH\"},"
            + "{\"attribute_name\":\"Subject\",\"key_type\":\"RANGE\"}]",
        "\"table_name\":\"Thread\"", "\"table_status\":\"ACTIVE\"");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorType()).isEqualTo("TableAlreadyExistsException");
    assertThat(again.errorMessage()).isEqualTo("Table Thread already exists");
    assertThat(deleted.body()).contains("\"table_description\":{", "\"table_status\":\"DELETING\"");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorType()).isEqualTo("TableNotExistsException");
  }

  @Test
  void scan_pagesThroughTheProjectsTable() {
    MagnetoDbWire.Response scan =
        wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/scan", "{\"limit\":1}");

    assertThat(scan.json()).isEqualTo(JsonTrees.parse("{\"count\":1,\"items\":["
        + MagnetoDbVectorsTest.ITEM + "],\"last_evaluated_key\":{\"ForumName\":{\"S\":"
        + "\"MagnetoDB\"},\"Subject\":{\"S\":\"How do I delete an item?\"}},"
        + "\"scanned_count\":1}"));
  }

  @Test
  void unknownRouteAndWrongMethod_areFaults() {
    MagnetoDbWire.Response unknown = wire.post(MagnetoDbVectorsTest.THREAD_P1 + "/drop", "{}");
    MagnetoDbWire.Response wrongMethod = wire.get(MagnetoDbVectorsTest.THREAD_P1 + "/delete_item");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("title")).isEqualTo(new Json.Str("Not Found"));
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorType()).isEqualTo("MethodNotAllowed");
  }

  @Test
  void percentEscapesInThePath_areDecodedSegmentBySegment() {
    MagnetoDbWire.Response escapedProject = wire.get("/v1/data/p%31/tables/Th%72ead");
    MagnetoDbWire.Response created = wire.post("/v1/data/p%201%2F%C3%A9/tables",
        "{\"table_name\":\"abc\",\"attribute_definitions\":[{\"attribute_name\":\"k\","
            + "\"attribute_type\":\"S\"}],\"key_schema\":[{\"attribute_name\":\"k\","
            + "\"key_type\":\"HASH\"}]}");
    MagnetoDbWire.Response listed = wire.get("/v1/data/p%201%2f%c3%a9/tables");

    assertThat(escapedProject.status()).as(escapedProject.body()).isEqualTo(200);
    assertThat(escapedProject.body()).contains("\"table_name\":\"Thread\"");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(listed.json()).isEqualTo(JsonTrees.parse(
        "{\"tables\":[{\"href\":\"/v1/data/p%201%2F%C3%A9/tables/abc\",\"rel\":\"self\"}]}"));
    assertThat(tombstone.dynamoDb().tableNames()).doesNotContain("abc");
  }

  @Test
  void percentEscapeOfBytesThatAreNotUtf8_isValidationError() {
    MagnetoDbWire.Response response = wire.post("/v1/data/p%C3%28/tables",
        "{\"table_name\":\"abc\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("ValidationError");
    assertThat(response.errorMessage())
        .isEqualTo("Request path is not valid percent-encoded UTF-8");
  }
}
