package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.DynamoDbJson;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
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
    assertThat(items.get(0).attributes()).containsEntry("Age", AttributeValue.n("36"));
    assertThat(items.get(1).attributes()).containsEntry("Tags", AttributeValue.ss("admin", "ops"));
  }

  @Test
  void malformedDynamoDbJson_namesTheItemAndAttribute() {
    Throwable thrown = catchThrowable(() -> DynamoDbJson.items("[{\"A\":{\"S\":\"x\"}},"
        + " {\"B\": {\"SS\": []}}]"));

    assertThat(thrown).hasMessage("item 1: attribute B: One or more parameter values were invalid:"
        + " An string set  may not be empty");
  }

  @Test
  void fixtureNotInScanShape_isRefusedWithTheExpectedShape() {
    assertThat(catchThrowable(() -> DynamoDbJson.items("{\"Count\": 0}")))
        .hasMessage("expected {\"Items\": [...]} (the output of aws dynamodb scan) or an array of"
            + " items");
  }
}
