package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of condition-expressions.md §11 replayed as a real DeleteItem over HTTP: the
 * setup item is put with PutItem, the vector's members are sent with table {@code cetab} and
 * key {@code pk = "k"}, and the outcome and the item afterwards are checked ({@link
 * ConditionVectors}). {@link ConditionVectorsTest} runs the same vectors in-process.
 */
class ConditionVectorsOverHttpTest {
  static final String KEY = ConditionVectors.KEY;

  static Tombstone tombstone;
  static Wire wire;

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
    tombstone.dynamoDb().createTable("cetab", KeySchema.of(KeyAttribute.s("pk")));
    wire = new Wire(tombstone.endpoint());
  }

  @AfterAll
  static void stop() {
    tombstone.close();
  }

  static List<ConditionVectors.Vector> vectors() throws IOException {
    return ConditionVectors.all();
  }

  @Test
  void allVectorsAreReplayed() throws IOException {
    assertThat(vectors()).hasSize(ConditionVectors.COUNT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(ConditionVectors.Vector v) throws IOException {
    wire.post("DynamoDB_20120810.DeleteItem", "{\"TableName\":\"cetab\",\"Key\":" + KEY + "}");
    if (v.item() != null) {
      Wire.Response put = wire.post("DynamoDB_20120810.PutItem", v.putItemBody());
      assertThat(put.status()).as(put.body()).isEqualTo(200);
    }
    String before = storedItem();

    Wire.Response response = wire.post("DynamoDB_20120810.DeleteItem", v.deleteItemBody());

    String outcome = v.expectedOutcome();
    String message = v.expectedMessage();
    switch (outcome) {
      case "success" -> {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(storedItem()).as("deleted").isEqualTo("{}");
      }
      case "ccf" -> {
        ErrorBody error = ErrorBody.parse(response.body());
        assertThat(response.status()).isEqualTo(400);
        assertThat(error.type()).as(response.body()).isEqualTo(DynamoDbApiVectorsTest.CCF);
        assertThat(error.message()).isEqualTo("The conditional request failed");
        Json.Obj body = (Json.Obj) Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(body.get("Item")).isEqualTo(v.outcome().get("item"));
        assertThat(body.has("ConsumedCapacity")).isFalse();
        assertThat(storedItem()).as("unchanged").isEqualTo(before);
      }
      case "validation" -> {
        ErrorBody error = ErrorBody.parse(response.body());
        assertThat(error.type()).as(response.body()).isEqualTo(DynamoDbApiVectorsTest.VAL);
        assertThat(error.message()).isEqualTo(message);
        assertThat(storedItem()).as("unchanged").isEqualTo(before);
      }
      case "notFound" -> {
        ErrorBody error = ErrorBody.parse(response.body());
        assertThat(error.type()).isEqualTo(DynamoDbApiVectorsTest.RNF);
        assertThat(error.message()).isEqualTo(message);
      }
      default -> throw new AssertionError("unknown outcome " + outcome);
    }
  }

  private static String storedItem() {
    return wire.post("DynamoDB_20120810.GetItem",
        "{\"TableName\":\"cetab\",\"Key\":" + KEY + ",\"ConsistentRead\":true}").body();
  }
}
