package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of condition-expressions.md §11 run in-process as a real DeleteItem through
 * {@link DynamoDbJsonProtocol#handle}: the production decoder, validation order, compiler and
 * store, without HTTP. {@link ConditionVectorsOverHttpTest} replays the same vectors over HTTP.
 */
class ConditionVectorsTest {
  private static final String DELETE_ITEM = DynamoDbJsonProtocol.PREFIX_2012 + "DeleteItem";
  private static final String PUT_ITEM = DynamoDbJsonProtocol.PREFIX_2012 + "PutItem";
  private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.s("k"));

  static List<ConditionVectors.Vector> vectors() throws IOException {
    return ConditionVectors.all();
  }

  @Test
  void everyVectorOfTheSpecIsTranscribed() throws IOException {
    assertThat(vectors()).hasSize(ConditionVectors.COUNT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(ConditionVectors.Vector v) throws IOException {
    DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable(ConditionVectors.TABLE, KeySchema.of(KeyAttribute.s("pk")));
    DynamoDbJsonProtocol protocol = new DynamoDbJsonProtocol(state);
    if (v.item() != null) {
      JsonResponse put = protocol.handle(PUT_ITEM, bytes(v.putItemBody()));
      assertThat(put.status()).as(text(put)).isEqualTo(200);
    }
    Optional<Item> before = state.getItem(ConditionVectors.TABLE, KEY);

    JsonResponse response = protocol.handle(DELETE_ITEM, bytes(v.deleteItemBody()));

    Json.Obj body = (Json.Obj) Json.parse(response.body());
    String outcome = v.expectedOutcome();
    switch (outcome) {
      case "success" -> {
        assertThat(response.status()).as(text(response)).isEqualTo(200);
        assertThat(body.has("Attributes")).as(text(response)).isFalse();
        assertThat(state.getItem(ConditionVectors.TABLE, KEY)).as("deleted").isEmpty();
      }
      case "ccf" -> {
        assertThat(response.status()).as(text(response)).isEqualTo(400);
        assertThat(Members.string(body, "__type")).isEqualTo(DynamoDbApiVectorsTest.CCF);
        assertThat(Members.string(body, "message")).isEqualTo("The conditional request failed");
        assertThat(body.get("Item")).as("returned item").isEqualTo(v.outcome().get("item"));
        assertThat(state.getItem(ConditionVectors.TABLE, KEY)).as("unchanged").isEqualTo(before);
      }
      case "validation" -> {
        assertThat(response.status()).as(text(response)).isEqualTo(400);
        assertThat(Members.string(body, "__type")).as(text(response))
            .isEqualTo(DynamoDbApiVectorsTest.VAL);
        assertThat(Members.string(body, "message")).isEqualTo(v.expectedMessage());
        assertThat(state.getItem(ConditionVectors.TABLE, KEY)).as("unchanged").isEqualTo(before);
      }
      case "notFound" -> {
        assertThat(response.status()).as(text(response)).isEqualTo(400);
        assertThat(Members.string(body, "__type")).isEqualTo(DynamoDbApiVectorsTest.RNF);
        assertThat(Members.string(body, "message")).isEqualTo(v.expectedMessage());
        assertThat(state.getItem(ConditionVectors.TABLE, KEY)).as("unchanged").isEqualTo(before);
      }
      default -> throw new AssertionError("unknown outcome " + outcome);
    }
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(JsonResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
