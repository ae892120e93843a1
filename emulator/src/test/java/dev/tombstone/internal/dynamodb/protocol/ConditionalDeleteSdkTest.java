package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Conditional deletes, puts, filters and projections through the SDK v2 client. */
class ConditionalDeleteSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void compareYourself() {
    dynamo.createTable(b -> b.tableName("compare-yourself").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("UserId").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("UserId").attributeType(ScalarAttributeType.S)));
    for (String user : List.of("user001", "user002", "user003")) {
      dynamo.putItem(b -> b.tableName("compare-yourself").item(Map.of(
          "UserId", AttributeValue.fromS(user),
          "profile", AttributeValue.fromM(Map.of(
              "age", AttributeValue.fromN(user.equals("user001") ? "31" : "45"),
              "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("admin"))))))));
    }
  }

  static Map<String, AttributeValue> user(String id) {
    return Map.of("UserId", AttributeValue.fromS(id));
  }

  @Test
  void flowA_deletingUser003Twice_succeedsThenFailsTheCondition() {
    dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user003"))
        .conditionExpression("attribute_exists(UserId)"));
    assertThat(dynamo.scan(b -> b.tableName("compare-yourself")).items())
        .extracting(i -> i.get("UserId").s()).containsExactly("user001", "user002");

    ConditionalCheckFailedException second = catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user003"))
            .conditionExpression("attribute_exists(UserId)")));

    assertThat(second.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
    assertThat(second.statusCode()).isEqualTo(400);
  }

  @Test
  void withoutACondition_deletingAMissingUserSucceeds() {
    dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user003")));
    dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user003")));

    assertThat(dynamo.scan(b -> b.tableName("compare-yourself")).count()).isEqualTo(2);
  }

  @Test
  void returnValuesAllOld_returnsTheDeletedItem_whenTheConditionHolds() {
    Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName("compare-yourself")
        .key(user("user001")).conditionExpression("profile.age < :limit")
        .expressionAttributeValues(Map.of(":limit", AttributeValue.fromN("40")))
        .returnValues(ReturnValue.ALL_OLD)).attributes();

    assertThat(old.get("profile").m().get("age").n()).isEqualTo("31");
  }

  @Test
  void returnValuesOnConditionCheckFailure_exposesTheCurrentItem() {
    ConditionalCheckFailedException failed = catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user002"))
            .conditionExpression("contains(#p.tags, :t)")
            .expressionAttributeNames(Map.of("#p", "profile"))
            .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("owner")))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

    assertThat(failed.item()).containsEntry("UserId", AttributeValue.fromS("user002"));
    assertThat(failed.item().get("profile").m()).containsKey("tags");
    assertThat(dynamo.getItem(b -> b.tableName("compare-yourself").key(user("user002"))).item())
        .isNotEmpty();
  }

  @Test
  void nestedPathConditions_matchListElementsAndMapKeys() {
    dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user002"))
        .conditionExpression("profile.tags[0] = :admin AND size(profile.tags) = :one"
            + " AND NOT attribute_exists(profile.tags[1])")
        .expressionAttributeValues(Map.of(":admin", AttributeValue.fromS("admin"),
            ":one", AttributeValue.fromN("1"))));

    assertThat(dynamo.getItem(b -> b.tableName("compare-yourself").key(user("user002"))).hasItem())
        .isFalse();
  }

  @Test
  void legacyExpected_existsValueAndComparisonOperators() {
    ConditionalCheckFailedException failed = catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user001"))
            .expected(Map.of("UserId", ExpectedAttributeValue.builder().exists(false).build()))));
    assertThat(failed).isNotNull();

    dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user001"))
        .expected(Map.of("UserId", ExpectedAttributeValue.builder()
            .value(AttributeValue.fromS("user001")).build())));
    dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user002"))
        .conditionalOperator(ConditionalOperator.OR)
        .expected(Map.of(
            "missing", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_NULL)
                .build(),
            "UserId", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH)
                .attributeValueList(AttributeValue.fromS("user")).build())));

    assertThat(dynamo.scan(b -> b.tableName("compare-yourself")).items())
        .extracting(i -> i.get("UserId").s()).containsExactly("user003");
  }

  @Test
  void validationErrors_carryDynamoDbsExactMessages() {
    DynamoDbException syntax = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user001"))
            .conditionExpression("attribute_exists(UserId) AND")));
    DynamoDbException reserved = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user001"))
            .conditionExpression("status = :s")
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("x")))));
    DynamoDbException mixed = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.deleteItem(b -> b.tableName("compare-yourself").key(user("user001"))
            .conditionExpression("attribute_exists(UserId)")
            .expected(Map.of("UserId", ExpectedAttributeValue.builder().exists(false).build()))));

    assertThat(syntax.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(syntax.awsErrorDetails().errorMessage()).isEqualTo(
        "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    assertThat(reserved.awsErrorDetails().errorMessage()).isEqualTo("Invalid ConditionExpression:"
        + " Attribute name is a reserved keyword; reserved keyword: status");
    assertThat(mixed.awsErrorDetails().errorMessage()).isEqualTo("Can not use both expression and"
        + " non-expression parameters in the same request: Non-expression parameters: {Expected}"
        + " Expression parameters: {ConditionExpression}");
    assertThat(dynamo.scan(b -> b.tableName("compare-yourself")).count()).isEqualTo(3);
  }

  @Test
  void conditionalPut_refusesToOverwrite() {
    ConditionalCheckFailedException failed = catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () -> dynamo.putItem(b -> b.tableName("compare-yourself").item(user("user001"))
            .conditionExpression("attribute_not_exists(UserId)")));

    assertThat(failed).isNotNull();
    assertThat(dynamo.getItem(b -> b.tableName("compare-yourself").key(user("user001"))).item())
        .containsKey("profile");
  }

  @Test
  void scanFilterAndProjection_shareThePlaceholders() {
    List<Map<String, AttributeValue>> items = dynamo.scan(b -> b.tableName("compare-yourself")
        .filterExpression("#p.age > :min").projectionExpression("UserId, #p.age")
        .expressionAttributeNames(Map.of("#p", "profile"))
        .expressionAttributeValues(Map.of(":min", AttributeValue.fromN("40")))).items();

    assertThat(items).containsExactly(
        Map.of("UserId", AttributeValue.fromS("user002"),
            "profile", AttributeValue.fromM(Map.of("age", AttributeValue.fromN("45")))),
        Map.of("UserId", AttributeValue.fromS("user003"),
            "profile", AttributeValue.fromM(Map.of("age", AttributeValue.fromN("45")))));
  }

  @Test
  void getItemProjection_returnsOnlyTheRequestedPaths() {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("compare-yourself")
        .key(user("user001")).projectionExpression("profile.tags[0]")).item();

    assertThat(item).isEqualTo(Map.of("profile", AttributeValue.fromM(Map.of(
        "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("admin")))))));
  }

  @Test
  void transactWriteItems_appliesNothingWhenOneConditionFails() {
    TransactionCanceledException canceled = catchThrowableOfType(
        TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(
            t -> t.delete(d -> d.tableName("compare-yourself").key(user("user001"))),
            t -> t.conditionCheck(c -> c.tableName("compare-yourself").key(user("nobody"))
                .conditionExpression("attribute_exists(UserId)")))));

    assertThat(canceled.cancellationReasons()).extracting(r -> r.code())
        .containsExactly("None", "ConditionalCheckFailed");
    assertThat(dynamo.scan(b -> b.tableName("compare-yourself")).count()).isEqualTo(3);
  }

  @Test
  void updateItem_legacyAttributeUpdateWithoutAction_isAPut() {
    dynamo.updateItem(b -> b.tableName("compare-yourself").key(user("user001"))
        .attributeUpdates(Map.of("x", AttributeValueUpdate.builder()
            .value(AttributeValue.fromS("y")).build())));

    assertThat(dynamo.getItem(b -> b.tableName("compare-yourself").key(user("user001")))
        .item().get("x")).isEqualTo(AttributeValue.fromS("y"));
  }
}
