package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vectors V79–V85 of dynamodb-api.md §8.8: DeleteItem of API 2011-12-05 over raw HTTP,
 * on the same store as the 2012-08-10 API.
 */
class Legacy2011VectorsTest {
  static final String DI_2011 = "DynamoDB_20111205.DeleteItem";
  static final String CCF_2011 =
      "com.amazonaws.dynamodb.v20111205#ConditionalCheckFailedException";
  static final String VAL = "com.amazon.coral.validate#ValidationException";
  static final String V79 = "{\"TableName\":\"comp-table\",\"Key\":{\"HashKeyElement\":{\"S\":"
      + "\"Mingus\"},\"RangeKeyElement\":{\"N\":\"200\"}},\"Expected\":{\"status\":{\"Value\":"
      + "{\"S\":\"shopping\"}}},\"ReturnValues\":\"ALL_OLD\"}";
  static final String MINGUS_DELETED = "{\"Attributes\":{\"friends\":{\"SS\":[\"Dooley\",\"Ben\","
      + "\"Daisy\"]},\"status\":{\"S\":\"shopping\"},\"time\":{\"N\":\"200\"},\"user\":{\"S\":"
      + "\"Mingus\"}},\"ConsumedCapacityUnits\":1}";
  static final Map<String, AttributeValue> MINGUS = Map.of("user", s("Mingus"), "time", n("200"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void fixtures() {
    Fixtures.create(tombstone.dynamoDb());
  }

  /**
   * One vector.
   *
   * @param before requests sent first, or null
   * @param body the exact body compared as JSON (objects as maps), or null to compare type and
   *     message
   */
  record Vector(String id, Consumer<Wire> before, String request, int status, String body,
      String type, String message, Consumer<DynamoDbState> then) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Vector> vectors() {
    return Stream.of(
        new Vector("V79", null, V79, 200, MINGUS_DELETED, null, null,
            state -> assertThat(state.getItem(Fixtures.T2, MINGUS)).isEmpty()),
        new Vector("V80", w -> w.post(DI_2011, V79), V79, 400,
            "{\"__type\":\"" + CCF_2011 + "\",\"message\":\"The conditional request failed\"}",
            null, null, null),
        new Vector("V81", null, "{\"TableName\":\"comp-table\",\"Key\":{\"HashKeyElement\":"
            + "{\"S\":\"Nobody\"},\"RangeKeyElement\":{\"N\":\"1\"}}}", 200,
            "{\"ConsumedCapacityUnits\":1}", null, null,
            state -> assertThat(state.getItem(Fixtures.T2, MINGUS)).isPresent()),
        new Vector("V82", null, "{\"TableName\":\"comp-table\",\"Key\":{\"HashKeyElement\":"
            + "{\"S\":\"Mingus\"},\"RangeKeyElement\":{\"N\":\"200\"}},\"Expected\":{\"status\":"
            + "{\"Exists\":true}}}", 400, null, VAL,
            "One or more parameter values were invalid: Value must be provided when Exists is"
                + " true for Attribute: status",
            state -> assertThat(state.getItem(Fixtures.T2, MINGUS)).isPresent()),
        new Vector("V83", null, "{\"TableName\":\"comp-table\",\"Key\":{\"HashKeyElement\":"
            + "{\"S\":\"Mingus\"},\"RangeKeyElement\":{\"N\":\"200\"}},\"Expected\":{\"nickname\":"
            + "{\"Exists\":false}}}", 200, "{\"ConsumedCapacityUnits\":1}", null, null,
            state -> assertThat(state.getItem(Fixtures.T2, MINGUS)).isEmpty()),
        new Vector("V84", null, "{\"TableName\":\"comp-table\",\"Key\":{\"HashKeyElement\":"
            + "{\"S\":\"Mingus\"}}}", 400, null, VAL,
            "The provided key element does not match the schema",
            state -> assertThat(state.getItem(Fixtures.T2, MINGUS)).isPresent()),
        new Vector("V85", Legacy2011VectorsTest::putParkerThrough2012,
            "{\"TableName\":\"comp-table\",\"Key\":{\"HashKeyElement\":{\"S\":\"Parker\"},"
                + "\"RangeKeyElement\":{\"N\":\"300\"}},\"Expected\":{\"status\":{\"Value\":"
                + "{\"S\":\"idle\"}}},\"ReturnValues\":\"ALL_OLD\"}", 200,
            "{\"Attributes\":{\"user\":{\"S\":\"Parker\"},\"time\":{\"N\":\"300\"},\"status\":"
                + "{\"S\":\"idle\"}},\"ConsumedCapacityUnits\":1}", null, null,
            state -> assertThat(state.getItem(Fixtures.T2,
                Map.of("user", s("Parker"), "time", n("300")))).isEmpty()));
  }

  private static void putParkerThrough2012(Wire w) {
    Wire.Response put = w.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"comp-table\","
        + "\"Item\":{\"user\":{\"S\":\"Parker\"},\"time\":{\"N\":\"300\"},\"status\":{\"S\":"
        + "\"idle\"}}}");
    assertThat(put.status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(Vector vector) {
    if (vector.before() != null) {
      vector.before().accept(wire);
    }

    Wire.Response response = wire.post(DI_2011, vector.request());

    assertThat(response.status()).as(response.body()).isEqualTo(vector.status());
    if (vector.body() != null) {
      assertThat(JsonTrees.parse(response.body())).isEqualTo(JsonTrees.parse(vector.body()));
    } else {
      assertThat(ErrorBody.parse(response.body()))
          .isEqualTo(new ErrorBody(vector.type(), vector.message()));
    }
    if (vector.then() != null) {
      vector.then().accept(tombstone.dynamoDb());
    }
  }
}
