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
 * Every UpdateExpression vector ({@link UpdateVectors}) run in-process as a real UpdateItem
 * through {@link DynamoDbJsonProtocol#handle}: the production decoder, validation order,
 * compiler and store, without HTTP. Messages are compared byte for byte; the returned
 * attributes and the stored item afterwards as values (numbers canonical, sets unordered).
 * {@link UpdateVectorsOverHttpTest} replays a sample over HTTP.
 */
class UpdateVectorsTest {
  private static final String UPDATE_ITEM = DynamoDbJsonProtocol.PREFIX_2012 + "UpdateItem";
  private static final String PUT_ITEM = DynamoDbJsonProtocol.PREFIX_2012 + "PutItem";
  private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.s("k"));

  static List<UpdateVectors.Vector> vectors() throws IOException {
    return UpdateVectors.all();
  }

  @Test
  void everyVectorIsRead() throws IOException {
    assertThat(vectors()).hasSize(UpdateVectors.COUNT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(UpdateVectors.Vector v) throws IOException {
    DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable(UpdateVectors.TABLE, KeySchema.of(KeyAttribute.s("pk")));
    DynamoDbJsonProtocol protocol = new DynamoDbJsonProtocol(state);
    if (v.item() != null) {
      JsonResponse put = protocol.handle(PUT_ITEM, bytes(v.putItemBody()));
      assertThat(put.status()).as(text(put)).isEqualTo(200);
    }
    Optional<Item> before = state.getItem(UpdateVectors.TABLE, KEY);

    JsonResponse response = protocol.handle(UPDATE_ITEM, bytes(v.updateItemBody()));

    Json.Obj body = (Json.Obj) Json.parse(response.body());
    Optional<Item> after = state.getItem(UpdateVectors.TABLE, KEY);
    switch (v.expectedOutcome()) {
      case "success" -> {
        assertThat(response.status()).as(text(response)).isEqualTo(200);
        assertThat(UpdateVectors.values(body, "Attributes")).as("Attributes")
            .isEqualTo(v.expectedItem("attributes"));
        assertThat(after.map(Item::attributes).orElse(null)).as("stored")
            .isEqualTo(v.expectedItem("stored"));
      }
      case "ccf" -> {
        assertThat(response.status()).as(text(response)).isEqualTo(400);
        assertThat(Members.string(body, "__type")).isEqualTo(DynamoDbApiVectorsTest.CCF);
        assertThat(Members.string(body, "message")).isEqualTo("The conditional request failed");
        assertThat(UpdateVectors.values(body, "Item")).as("returned item")
            .isEqualTo(v.expectedItem("item"));
        assertThat(after).as("unchanged").isEqualTo(before);
      }
      case "validation" -> {
        assertThat(response.status()).as(text(response)).isEqualTo(400);
        assertThat(Members.string(body, "__type")).as(text(response))
            .isEqualTo(DynamoDbApiVectorsTest.VAL);
        assertThat(Members.string(body, "message")).isEqualTo(v.expectedMessage());
        assertThat(after).as("unchanged").isEqualTo(before);
      }
      default -> throw new AssertionError("unknown outcome " + v.expectedOutcome());
    }
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(JsonResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
