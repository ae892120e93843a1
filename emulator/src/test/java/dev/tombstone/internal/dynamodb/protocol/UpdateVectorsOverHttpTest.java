package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fourth UpdateExpression vector replayed over HTTP (the setup item put with PutItem, the
 * item read back with GetItem), so the wire path answers what {@link UpdateVectorsTest} checks
 * in-process.
 */
class UpdateVectorsOverHttpTest {
  static Tombstone tombstone;
  static Wire wire;

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
    tombstone.dynamoDb().createTable(UpdateVectors.TABLE, KeySchema.of(KeyAttribute.s("pk")));
    wire = new Wire(tombstone.endpoint());
  }

  @AfterAll
  static void stop() {
    tombstone.close();
  }

  static List<UpdateVectors.Vector> sample() throws IOException {
    List<UpdateVectors.Vector> all = UpdateVectors.all();
    List<UpdateVectors.Vector> sample = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 4) {
      sample.add(all.get(i));
    }
    return sample;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sample")
  void vector(UpdateVectors.Vector v) throws IOException {
    wire.post("DynamoDB_20120810.DeleteItem",
        "{\"TableName\":\"uetab\",\"Key\":" + UpdateVectors.KEY + "}");
    if (v.item() != null) {
      Wire.Response put = wire.post("DynamoDB_20120810.PutItem", v.putItemBody());
      assertThat(put.status()).as(put.body()).isEqualTo(200);
    }
    String before = storedItem();

    Wire.Response response = wire.post("DynamoDB_20120810.UpdateItem", v.updateItemBody());

    Json.Obj body = (Json.Obj) Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
    switch (v.expectedOutcome()) {
      case "success" -> {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(UpdateVectors.values(body, "Attributes")).isEqualTo(v.expectedItem("attributes"));
        Json.Obj stored = (Json.Obj) Json.parse(storedItem().getBytes(StandardCharsets.UTF_8));
        assertThat(UpdateVectors.values(stored, "Item")).isEqualTo(v.expectedItem("stored"));
      }
      case "ccf" -> {
        ErrorBody error = ErrorBody.parse(response.body());
        assertThat(error.type()).as(response.body()).isEqualTo(DynamoDbApiVectorsTest.CCF);
        assertThat(UpdateVectors.values(body, "Item")).isEqualTo(v.expectedItem("item"));
        assertThat(storedItem()).as("unchanged").isEqualTo(before);
      }
      case "validation" -> {
        ErrorBody error = ErrorBody.parse(response.body());
        assertThat(response.status()).isEqualTo(400);
        assertThat(error.type()).as(response.body()).isEqualTo(DynamoDbApiVectorsTest.VAL);
        assertThat(error.message()).isEqualTo(v.expectedMessage());
        assertThat(storedItem()).as("unchanged").isEqualTo(before);
      }
      default -> throw new AssertionError("unknown outcome " + v.expectedOutcome());
    }
  }

  private static String storedItem() {
    return wire.post("DynamoDB_20120810.GetItem", "{\"TableName\":\"uetab\",\"Key\":"
        + UpdateVectors.KEY + ",\"ConsistentRead\":true}").body();
  }
}
