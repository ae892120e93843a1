package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The vectors V86–V93 of dynamodb-api.md §8.9: MagnetoDB's delete_item over raw HTTP. */
class MagnetoDbVectorsTest {
  static final String THREAD_P1 = "/v1/data/p1/tables/Thread";
  static final String KEY = "\"key\":{\"ForumName\":{\"S\":\"MagnetoDB\"},\"Subject\":{\"S\":"
      + "\"How do I delete an item?\"}}";
  static final String EXPECTED = "\"expected\":{\"Subject\":{\"value\":{\"S\":\"How do I delete"
      + " an item?\"}},\"Replies\":{\"exists\":false}}";
  static final String ITEM = "{\"LastPostDateTime\":{\"S\":\"201303190422\"},\"ForumName\":"
      + "{\"S\":\"MagnetoDB\"},\"Message\":{\"S\":\"I want to delete item.\"},\"Subject\":"
      + "{\"S\":\"How do I delete an item?\"},\"LastPostedBy\":{\"S\":\"fred@example.com\"}}";
  static final String DELETED = "{\"attributes\":" + ITEM + "}";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  @BeforeEach
  void fixture() {
    createThread(wire, "p1");
  }

  /** Creates table Thread in {@code project} and puts the documented item into it. */
  static void createThread(MagnetoDbWire wire, String project) {
    MagnetoDbWire.Response created = wire.post("/v1/data/" + project + "/tables",
        "{\"table_name\":\"Thread\",\"attribute_definitions\":[{\"attribute_name\":\"ForumName\","
            + "\"attribute_type\":\"S\"},{\"attribute_name\":\"Subject\",\"attribute_type\":\"S\"}],"
            + "\"key_schema\":[{\"attribute_name\":\"ForumName\",\"key_type\":\"HASH\"},"
            + "{\"attribute_name\":\"Subject\",\"key_type\":\"RANGE\"}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    MagnetoDbWire.Response put = wire.post("/v1/data/" + project + "/tables/Thread/put_item",
        "{\"item\":" + ITEM + "}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  /**
   * One vector.
   *
   * @param body the exact answer compared as JSON, or null to compare the fault's type and
   *     message
   * @param message the exact message, or a prefix when it ends with "…"
   * @param itemRemains whether Thread's item must still be there afterwards
   */
  record Vector(String id, String path, String request, int status, String body, String type,
      String message, boolean itemRemains) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Vector> vectors() {
    String delete = THREAD_P1 + "/delete_item";
    return Stream.of(
        new Vector("V86", delete, "{" + KEY + "," + EXPECTED + ",\"return_values\":\"ALL_OLD\"}",
            200, DELETED, null, null, false),
        new Vector("V87", delete, "{" + KEY + "," + EXPECTED + ",\"returnValues\":\"ALL_OLD\"}",
            200, DELETED, null, null, false),
        new Vector("V88", delete, "{\"foo\":\"bar\"}", 400, null, "ValidationError",
            "Required property 'key' wasn't found or it's value is null", true),
        new Vector("V88c", delete, "{" + KEY + ",\"foo\":1,\"return_values\":\"ALL_NEW\"}",
            400, null, "ValidationError", "Return values type 'ALL_NEW' isn't allowed", true),
        new Vector("V88d", delete, "{" + KEY + ",\"foo\":\"bar\"}", 400, null,
            "ValidationError", "Unexpected properties were found for 'body': {\"foo\": \"bar\"}",
            true),
        new Vector("V88b", delete, "{}", 400, null, "ValidationError",
            "Required property 'key' wasn't found or it's value is null", true),
        new Vector("V89", delete, "{" + KEY + ",\"expected\":{\"Replies\":{\"exists\":true}}}",
            400, null, "ConditionalCheckFailedException", "The conditional request failed", true),
        new Vector("V90", "/v1/data/p2/tables/Thread/delete_item", "{" + KEY + "}", 404, null,
            "TableNotExistsException", "Table 'Thread' does not exist", true),
        new Vector("V91", delete, "{" + KEY + ",\"return_values\":\"ALL_NEW\"}", 400, null,
            "ValidationError", "Return values type 'ALL_NEW' isn't allowed", true),
        new Vector("V92", delete, "{" + KEY + ",\"expected\":{\"Subject\":{\"exists\":true,"
            + "\"value\":{\"S\":\"x\"}}}}", 400, null, "ValidationError",
            "Can't recognize attribute expected condition format:…", true),
        new Vector("V93", delete, "{\"key\":{\"ForumName\":{\"S\":\"MagnetoDB\"},\"Subject\":"
            + "{\"S\":\"missing\"}}}", 200, "{}", null, null, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(Vector vector) {
    MagnetoDbWire.Response response = wire.post(vector.path(), vector.request());

    assertThat(response.status()).as(response.body()).isEqualTo(vector.status());
    if (vector.body() != null) {
      assertThat(response.json()).isEqualTo(JsonTrees.parse(vector.body()));
    } else {
      assertThat(response.json().members()).containsOnlyKeys("code", "title", "explanation",
          "error");
      assertThat(response.errorType()).isEqualTo(vector.type());
      if (vector.message().endsWith("…")) {
        assertThat(response.errorMessage())
            .startsWith(vector.message().substring(0, vector.message().length() - 1));
      } else {
        assertThat(response.errorMessage()).isEqualTo(vector.message());
      }
    }
    MagnetoDbWire.Response get = wire.post(THREAD_P1 + "/get_item", "{" + KEY + "}");
    assertThat(get.json().has("item")).isEqualTo(vector.itemRemains());
  }
}
