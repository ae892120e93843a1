package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

@TombstoneTest
@DynamoDbTable(name = "orders", partitionKey = "CustomerId", sortKey = "OrderId",
    sortKeyType = dev.tombstone.dynamodb.AttributeType.N)
@DynamoDbItems(table = "orders", value = "fixtures/orders.json")
@S3Bucket(name = "docs")
class FixturesTest {

  @Test
  void plainArrayFixture_loadsEveryType(Tombstone tombstone) {
    Map<String, AttributeValue> key =
        Map.of("CustomerId", AttributeValue.s("c2"), "OrderId", AttributeValue.n("1"));

    var item = tombstone.dynamoDb().getItem("orders", key).orElseThrow();

    assertThat(tombstone.dynamoDb().items("orders")).hasSize(3);
    assertThat(item.get("Blob")).isEqualTo(AttributeValue.b("hello".getBytes()));
    assertThat(item.get("Sizes")).isEqualTo(AttributeValue.ns("1", "2.5"));
  }

  @Test
  @S3Objects(bucket = "docs", value = {"fixtures/invoice.json", "fixtures/s3"})
  void fileAndDirectoryFixtures_becomeObjects(Tombstone tombstone) {
    assertThat(tombstone.s3().keys("docs"))
        .containsExactlyInAnyOrder("invoice.json", "a.txt", "reports/q1.csv");
  }

  @Test
  void scanOutput_isReadWithItsItems() {
    var items = DynamoDbJson.items(Fixtures.text(FixturesTest.class, "/fixtures/users.json"));

    assertThat(items).hasSize(2);
    assertThat(items.get(0)).containsEntry("Age", AttributeValue.n("36"));
    assertThat(items.get(1)).containsEntry("Tags", AttributeValue.ss("admin", "ops"));
  }

  @Test
  void malformedDynamoDbJson_namesTheItemAndAttribute() {
    Throwable thrown = catchThrowable(() -> DynamoDbJson.items("[{\"A\":{\"S\":\"x\"}},"
        + " {\"B\": {\"X\": 1}}]"));

    assertThat(thrown).hasMessage("item 1: attribute B: unknown type X; expected one of S, N, B,"
        + " BOOL, NULL, SS, NS, BS, L, M");
  }

  @Test
  void json_readsEscapesNumbersAndReportsOffsets() {
    assertThat(Json.parse("{\"a\": [1.50, -2e3, true, null, \"\\u00e9\\n\"]}"))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(new BigDecimal("1.50"),
            new BigDecimal("-2e3"), true, null, "é\n")));
    assertThat(catchThrowable(() -> Json.parse("{\"a\" 1}")))
        .hasMessage("expected ':' at offset 5");
  }
}
