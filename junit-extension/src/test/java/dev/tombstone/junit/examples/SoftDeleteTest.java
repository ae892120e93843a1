package dev.tombstone.junit.examples;

import static dev.tombstone.junit.TombstoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import dev.tombstone.junit.DynamoDbItems;
import dev.tombstone.junit.TombstoneTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The soft-delete pattern: mark an item deleted with UpdateItem {@code SET deletedAt = :now}
 * guarded by {@code attribute_exists}, then undo it with {@code REMOVE}; once with the SDK v2
 * sync client and once with the enhanced client, whose updateItem writes the expressions itself.
 */
@TombstoneTest
@dev.tombstone.junit.DynamoDbTable(name = "users", partitionKey = "UserId")
@DynamoDbItems(table = "users", value = "fixtures/users.json")
class SoftDeleteTest {
  private static final Map<String, AttributeValue> ADA =
      Map.of("UserId", AttributeValue.fromS("user001"));

  /** A user as the enhanced client maps it. */
  @DynamoDbBean
  public static class User {
    private String userId;
    private String name;
    private String deletedAt;

    @DynamoDbPartitionKey
    @software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute("UserId")
    public String getUserId() {
      return userId;
    }

    public void setUserId(String userId) {
      this.userId = userId;
    }

    @software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute("Name")
    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getDeletedAt() {
      return deletedAt;
    }

    public void setDeletedAt(String deletedAt) {
      this.deletedAt = deletedAt;
    }
  }

  @Test
  void syncClient_softDeleteThenRestore(DynamoDbClient dynamo, Tombstone tombstone) {
    dynamo.updateItem(b -> b.tableName("users").key(ADA)
        .updateExpression("SET deletedAt = :now")
        .conditionExpression("attribute_exists(UserId)")
        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("2026-12-03T12:00:00Z"))));

    assertThat(tombstone.dynamoDb()).table("users").item("UserId", "user001")
        .hasAttribute("deletedAt", "2026-12-03T12:00:00Z").hasAttribute("Name", "Ada");

    dynamo.updateItem(b -> b.tableName("users").key(ADA).updateExpression("REMOVE deletedAt"));

    assertThat(tombstone.dynamoDb()).table("users").item("UserId", "user001")
        .doesNotHaveAttribute("deletedAt").hasAttribute("Name", "Ada");
  }

  @Test
  void syncClient_softDeleteOfAMissingUser_failsAndCreatesNothing(DynamoDbClient dynamo,
      Tombstone tombstone) {
    Throwable thrown = catchThrowable(() -> dynamo.updateItem(b -> b.tableName("users")
        .key(Map.of("UserId", AttributeValue.fromS("user404")))
        .updateExpression("SET deletedAt = :now")
        .conditionExpression("attribute_exists(UserId)")
        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS("now")))));

    assertThat(thrown).isInstanceOf(ConditionalCheckFailedException.class);
    assertThat(tombstone.dynamoDb()).table("users").doesNotContainKey("UserId", "user404")
        .hasSize(2);
  }

  @Test
  void enhancedClient_softDeleteThenRestore(DynamoDbEnhancedClient enhanced,
      Tombstone tombstone) {
    DynamoDbTable<User> users = enhanced.table("users", TableSchema.fromBean(User.class));
    User ada = users.getItem(Key.builder().partitionValue("user001").build());
    ada.setDeletedAt("2026-12-03T12:00:00Z");

    User updated = users.updateItem(r -> r.item(ada).conditionExpression(
        Expression.builder().expression("attribute_exists(UserId)").build()));

    assertThat(updated.getDeletedAt()).isEqualTo("2026-12-03T12:00:00Z");
    assertThat(tombstone.dynamoDb()).table("users").item("UserId", "user001")
        .hasAttribute("deletedAt", "2026-12-03T12:00:00Z");

    ada.setDeletedAt(null);
    users.updateItem(ada);

    assertThat(tombstone.dynamoDb()).table("users").item("UserId", "user001")
        .doesNotHaveAttribute("deletedAt").hasAttribute("Name", "Ada");
  }

  @Test
  void enhancedClient_softDeleteOfAMissingUser_fails(DynamoDbEnhancedClient enhanced) {
    DynamoDbTable<User> users = enhanced.table("users", TableSchema.fromBean(User.class));
    User ghost = new User();
    ghost.setUserId("user404");
    ghost.setDeletedAt("now");

    Throwable thrown = catchThrowable(() -> users.updateItem(r -> r.item(ghost)
        .ignoreNulls(true)
        .conditionExpression(Expression.builder().expression("attribute_exists(UserId)").build())));

    assertThat(thrown).isInstanceOf(ConditionalCheckFailedException.class);
  }
}
