package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * CreateTable's {@code Tags}, through the SDK v2: stored as TagResource stores them, or refused
 * with nothing created (ScyllaDB's AWS-run test_tag.py and a recorded AWS catalogue).
 */
class CreateTableTagsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void tagsGivenAtCreation_areListed() {
    String arn = create("tagged", List.of(tag("team", "billing"), tag("env", "")))
        .tableDescription().tableArn();

    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(tag("team", "billing"), tag("env", ""));
  }

  @Test
  void fiftyTags_areAccepted_fiftyOne_areRefusedAndNoTableIsCreated() {
    String arn = create("fifty", tags(50)).tableDescription().tableArn();
    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).hasSize(50);

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> create("fiftyone", tags(51)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Number of Tags exceed the current limit for the provided ResourceArn");
    assertThat(tombstone.dynamoDb().hasTable("fiftyone")).isFalse();
  }

  @Test
  void aTagTagResourceRefuses_refusesTheCreation() {
    DynamoDbException reserved = catchThrowableOfType(DynamoDbException.class,
        () -> create("reserved", List.of(tag("aws:x", "v"))));
    DynamoDbException characters = catchThrowableOfType(DynamoDbException.class,
        () -> create("characters", List.of(tag("ok", "#!"))));

    assertThat(reserved.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(characters.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
  }

  @Test
  void aKeyTooLong_isNamed_notAModelConstraint() {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> create("longkey", List.of(tag("ok", "v"), tag("k".repeat(129), "v"))));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The Tag Key provided is invalid, Key: " + "k".repeat(129));
    assertThat(tombstone.dynamoDb().hasTable("longkey")).isFalse();
  }

  @Test
  void aKeyGivenTwice_isRefused() {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> create("dup", List.of(tag("dup", "1"), tag("dup", "2"))));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Duplicate Tag Keys provided as input: Duplicate Tag Key found dup");
    assertThat(tombstone.dynamoDb().hasTable("dup")).isFalse();
  }

  @Test
  void anEmptyTagList_createsAnUntaggedTable() {
    String arn = create("untagged", List.of()).tableDescription().tableArn();

    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();
  }

  @Test
  void aTableRestoredFromABackup_hasNoTags() {
    create("source", List.of(tag("team", "billing")));
    String backup = dynamo.createBackup(b -> b.tableName("source").backupName("before"))
        .backupDetails().backupArn();

    String arn = dynamo.restoreTableFromBackup(b -> b.backupArn(backup)
        .targetTableName("restored")).tableDescription().tableArn();

    assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();
  }

  private CreateTableResponse create(String name, List<Tag> tags) {
    return dynamo.createTable(b -> b.tableName(name).keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).tags(tags));
  }

  private static List<Tag> tags(int count) {
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tags.add(tag("k" + i, "v" + i));
    }
    return tags;
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
