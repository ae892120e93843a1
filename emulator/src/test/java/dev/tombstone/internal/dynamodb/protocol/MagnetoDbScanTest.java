package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MagnetoDB's scan with {@code scan_filter}, {@code select} and segments, over raw HTTP. */
class MagnetoDbScanTest {
  static final String SCAN = "/v1/data/p1/tables/Forum/scan";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  /**
   * Table Forum of project p1 (hash key Name) with five forums: Threads 1 to 5, a Tags set on
   * the even ones, Category "Core" below 4 and "KVaaS" from 4.
   */
  @BeforeEach
  void fixture() {
    wire.createTable("p1", "{\"table_name\":"
        + "\"Forum\",\"attribute_definitions\":[{\"attribute_name\":\"Name\","
        + "\"attribute_type\":\"S\"}],\"key_schema\":[{\"attribute_name\":\"Name\","
        + "\"key_type\":\"HASH\"}]}");
    for (int i = 1; i <= 5; i++) {
      String tags = i % 2 == 0 ? ",\"Tags\":{\"SS\":[\"even\",\"t" + i + "\"]}" : "";
      MagnetoDbWire.Response put = wire.post("/v1/data/p1/tables/Forum/put_item",
          "{\"item\":{\"Name\":{\"S\":\"f" + i + "\"},\"Threads\":{\"N\":\"" + i + "\"},"
              + "\"Category\":{\"S\":\"" + (i < 4 ? "Core" : "KVaaS") + "\"}" + tags + "}}");
      assertThat(put.status()).as(put.body()).isEqualTo(200);
    }
  }

  /** The sorted names a scan with {@code filter} returns. */
  private List<String> names(String filter) {
    MagnetoDbWire.Response response = wire.post(SCAN, "{\"scan_filter\":" + filter + "}");
    assertThat(response.status()).as(filter + " -> " + response.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    for (Json item : ((Json.Arr) response.json().get("items")).elements()) {
      names.add(((Json.Str) ((Json.Obj) ((Json.Obj) item).get("Name")).get("S")).value());
    }
    assertThat(response.json().get("count")).isEqualTo(JsonTrees.parse(
        Integer.toString(names.size())));
    assertThat(response.json().get("scanned_count")).isEqualTo(JsonTrees.parse("5"));
    return names.stream().sorted().toList();
  }

  private static String condition(String attribute, String operator, String... values) {
    return "{\"" + attribute + "\":{\"comparison_operator\":\"" + operator + "\""
        + (values.length == 0 ? "" : ",\"attribute_value_list\":[" + String.join(",", values)
        + "]") + "}}";
  }

  @Test
  void everyOperator_filtersAsDynamoDbsScanFilter() {
    assertThat(names(condition("Threads", "EQ", "{\"N\":\"2\"}"))).containsExactly("f2");
    assertThat(names(condition("Threads", "NE", "{\"N\":\"2\"}")))
        .containsExactly("f1", "f3", "f4", "f5");
    assertThat(names(condition("Threads", "LT", "{\"N\":\"3\"}"))).containsExactly("f1", "f2");
    assertThat(names(condition("Threads", "LE", "{\"N\":\"3\"}")))
        .containsExactly("f1", "f2", "f3");
    assertThat(names(condition("Threads", "GT", "{\"N\":\"3\"}"))).containsExactly("f4", "f5");
    assertThat(names(condition("Threads", "GE", "{\"N\":\"3\"}")))
        .containsExactly("f3", "f4", "f5");
    assertThat(names(condition("Tags", "NOT_NULL"))).containsExactly("f2", "f4");
    assertThat(names(condition("Tags", "NULL"))).containsExactly("f1", "f3", "f5");
    assertThat(names(condition("Tags", "CONTAINS", "{\"S\":\"t4\"}"))).containsExactly("f4");
    assertThat(names(condition("Tags", "NOT_CONTAINS", "{\"S\":\"t4\"}"))).containsExactly("f2");
    assertThat(names(condition("Category", "BEGINS_WITH", "{\"S\":\"KV\"}")))
        .containsExactly("f4", "f5");
    assertThat(names(condition("Threads", "IN", "{\"N\":\"1\"}", "{\"N\":\"5\"}")))
        .containsExactly("f1", "f5");
    assertThat(names(condition("Threads", "BETWEEN", "{\"N\":\"2\"}", "{\"N\":\"4\"}")))
        .containsExactly("f2", "f3", "f4");
    assertThat(names(condition("Tags", "EQ", "{\"SS\":[\"t2\",\"even\"]}")))
        .containsExactly("f2");
  }

  @Test
  void severalConditions_areAllAnded_andAnEmptyFilterKeepsEverything() {
    assertThat(names("{\"Threads\":{\"comparison_operator\":\"GE\",\"attribute_value_list\":"
        + "[{\"N\":\"2\"}]},\"Category\":{\"comparison_operator\":\"EQ\","
        + "\"attribute_value_list\":[{\"S\":\"Core\"}]}}")).containsExactly("f2", "f3");
    assertThat(names("{}")).hasSize(5);
  }

  @Test
  void selectCount_answersTheCountWithoutItems() {
    MagnetoDbWire.Response response = wire.post(SCAN, "{\"select\":\"COUNT\",\"scan_filter\":"
        + condition("Tags", "NOT_NULL") + "}");

    assertThat(response.json()).isEqualTo(JsonTrees.parse(
        "{\"count\":2,\"scanned_count\":5}"));
  }

  @Test
  void segments_splitTheTableBetweenThem() {
    List<String> all = new ArrayList<>();
    for (int segment = 0; segment < 3; segment++) {
      MagnetoDbWire.Response response = wire.post(SCAN, "{\"total_segments\":3,\"segment\":"
          + segment + ",\"attributes_to_get\":[\"Name\"]}");
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      for (Json item : ((Json.Arr) response.json().get("items")).elements()) {
        all.add(((Json.Str) ((Json.Obj) ((Json.Obj) item).get("Name")).get("S")).value());
      }
    }
    MagnetoDbWire.Response asStrings = wire.post(SCAN,
        "{\"total_segments\":\"1\",\"segment\":\"0\"}");

    assertThat(all).containsExactlyInAnyOrder("f1", "f2", "f3", "f4", "f5");
    assertThat(asStrings.json().get("count")).isEqualTo(JsonTrees.parse("5"));
  }

  @Test
  void badConditions_getMagnetoDbsMessages() {
    assertRefused("{\"scan_filter\":[1]}",
        "Wrong 'scan_filter' type. Object is expected, but [1] found");
    assertRefused("{\"scan_filter\":{\"Threads\":\"EQ\"}}",
        "Wrong 'Threads' type. Object is expected, but \"EQ\" found");
    assertRefused("{\"scan_filter\":{\"Threads\":{}}}",
        "Required property 'comparison_operator' wasn't found or it's value is null");
    assertRefused("{\"scan_filter\":" + condition("Threads", "LIKE", "{\"N\":\"1\"}") + "}",
        "ScanCondition of type['LIKE'] is not allowed");
    assertRefused("{\"scan_filter\":" + condition("Threads", "EQ") + "}",
        "ScanCondition of type['EQ'] requires exactly 1 arguments, but 0 found");
    assertRefused("{\"scan_filter\":" + condition("Tags", "NULL", "{\"S\":\"x\"}") + "}",
        "ScanCondition of type['NULL'] requires exactly 0 arguments, but 1 found");
    assertRefused("{\"scan_filter\":" + condition("Threads", "IN") + "}",
        "ScanCondition of type['IN'] requires from 1 to 9223372036854775807 arguments"
            + " provided, but 0 found");
    assertRefused("{\"scan_filter\":" + condition("Tags", "CONTAINS", "{\"SS\":[\"x\"]}") + "}",
        "ScanCondition of type['CONTAINS'] allows only primitive arguments");
    assertRefused("{\"scan_filter\":" + condition("Threads", "BETWEEN", "{\"N\":\"1\"}") + "}",
        "BETWEEN condition type requires exactly 2 arguments, but 1 given");
    assertRefused("{\"scan_filter\":" + condition("Threads", "BETWEEN", "{\"N\":\"1\"}",
        "{\"S\":\"2\"}") + "}",
        "BETWEEN condition type requires arguments of the same type, but different types given");
    assertRefused("{\"scan_filter\":" + condition("Threads", "BEGINS_WITH", "{\"N\":\"1\"}")
        + "}", "BEGINS_WITH condition type is not allowed for argument of the N type");
    assertRefused("{\"scan_filter\":{\"Threads\":{\"comparison_operator\":\"NULL\",\"x\":1}}}",
        "Unexpected properties were found for 'Threads': {\"x\": 1}");
  }

  @Test
  void badSegmentsAndSelect_getMagnetoDbsMessages_orDynamoDbsWhereMagnetoDbHadNone() {
    assertRefused("{\"total_segments\":0}",
        "'total_segments' property value[0] is less then min_value[1].");
    assertRefused("{\"total_segments\":4097}",
        "'total_segments' property value[4097] is more then max_value[4096].");
    assertRefused("{\"total_segments\":2,\"segment\":3}",
        "'segment' property value[3] is more then max_value[2].");
    assertRefused("{\"segment\":-1}", "'segment' property value[-1] is less then min_value[0].");
    assertRefused("{\"total_segments\":\"two\"}",
        "Wrong 'total_segments' type. Integer is expected, but \"two\" found");
    assertRefused("{\"total_segments\":2,\"segment\":2}",
        "The Segment parameter is zero-based and must be less than parameter TotalSegments:"
            + " Segment: 2 is not less than TotalSegments: 2");
    assertRefused("{\"select\":\"SOME\"}", "Select type 'SOME' isn't allowed");
    assertRefused("{\"select\":\"COUNT\",\"attributes_to_get\":[\"Name\"]}",
        "Attribute list is only expected with select_type 'SPECIFIC_ATTRIBUTES'");
    assertRefused("{\"consistent_read\":true}",
        "Unexpected properties were found for 'body': {\"consistent_read\": true}");
  }

  @Test
  void unknownMembers_areRefusedAfterTheMembersScanReads() {
    assertRefused("{\"foo\":1,\"scan_filter\":" + condition("Threads", "EQ") + "}",
        "ScanCondition of type['EQ'] requires exactly 1 arguments, but 0 found");
  }

  private void assertRefused(String body, String message) {
    MagnetoDbWire.Response response = wire.post(SCAN, body);

    assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
    assertThat(response.errorType()).as(body).isEqualTo("ValidationError");
    assertThat(response.errorMessage()).as(body).isEqualTo(message);
  }
}
