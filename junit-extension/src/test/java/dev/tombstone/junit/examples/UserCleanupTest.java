package dev.tombstone.junit.examples;

import static dev.tombstone.junit.TombstoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import dev.tombstone.junit.DynamoDbItems;
import dev.tombstone.junit.DynamoDbTable;
import dev.tombstone.junit.TombstoneTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@TombstoneTest
@DynamoDbTable(name = "users", partitionKey = "UserId")
@DynamoDbItems(table = "users", value = "fixtures/users.json")
class UserCleanupTest {

  @Test
  void deleteItem_removesTheUser(DynamoDbClient dynamo, Tombstone tombstone) {
    dynamo.deleteItem(b -> b.tableName("users")
        .key(Map.of("UserId", AttributeValue.fromS("user001"))));

    assertThat(tombstone.dynamoDb()).table("users")
        .doesNotContainKey("UserId", "user001")
        .containsKey("UserId", "user002")
        .hasSize(1);
  }

  @Test
  void conditionalDelete_failsWhenTheUserIsGone(DynamoDbClient dynamo) {
    Map<String, AttributeValue> key = Map.of("UserId", AttributeValue.fromS("user404"));

    Throwable thrown = catchThrowable(() -> dynamo.deleteItem(
        b -> b.tableName("users").key(key).conditionExpression("attribute_exists(UserId)")));

    assertThat(thrown).isInstanceOf(ConditionalCheckFailedException.class)
        .hasMessageContaining("The conditional request failed");
  }
}
