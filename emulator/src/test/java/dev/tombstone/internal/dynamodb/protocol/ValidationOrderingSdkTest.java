package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Which of several validation errors AWS reports, and in what order, as
 * paritysuite/dynamodb-conformance tests/tier3/validation-ordering (batchOperations, updateItem,
 * query; us-east-1 and eu-west-2, 2026-10-09) shows it, and dynalite's AWS-derived tests where
 * that suite has no case.
 */
class ValidationOrderingSdkTest {
  static final String RCC = "Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy"
      + " constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("users").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S)));
  }

  @Test
  void batchGetItem_listsTheMalformedTableNameBeforeTheEnum() {
    String message = validationMessage(() -> dynamo.batchGetItem(b -> b
        .returnConsumedCapacity("BOGUS")
        .requestItems(Map.of("bad!name", KeysAndAttributes.builder()
            .keys(Map.of("pk", AttributeValue.fromS("a"))).build()))));

    assertThat(message).startsWith("2 validation errors detected: Value '{\"bad!name\":")
        .endsWith("; " + RCC);
  }

  @Test
  void batchWriteItem_reportsTheEnumAloneOverAMalformedTableName() {
    WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder()
        .item(Map.of("pk", AttributeValue.fromS("x"))).build()).build();

    assertThat(validationMessage(() -> dynamo.batchWriteItem(b -> b.returnConsumedCapacity("BOGUS")
        .requestItems(Map.of("bad!name", List.of(put))))))
        .isEqualTo("1 validation error detected: " + RCC);
  }

  @Test
  void batchWriteItem_listsAMissingRequestItemsAfterTheEnums() {
    // dynalite test/batchWriteItem.js, 'should return ValidationException for missing
    // RequestItems': the null is a member check like the enums, not one of the map's problems.
    assertThat(validationMessage(() -> dynamo.batchWriteItem(b -> b.returnConsumedCapacity("BOGUS")
        .returnItemCollectionMetrics("BOGUS"))))
        .isEqualTo("3 validation errors detected: " + RCC + "; Value 'BOGUS' at"
            + " 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy"
            + " enum value set: [SIZE, NONE]; Value null at 'requestItems' failed to satisfy"
            + " constraint: Member must not be null");
  }

  @Test
  void updateItem_listsConditionalOperatorBeforeTheMissingKey() {
    String message = validationMessage(() -> dynamo.updateItem(b -> b.tableName("users")
        .attributeUpdates(Map.of("x", AttributeValueUpdate.builder().action(AttributeAction.PUT)
            .value(AttributeValue.fromS("1")).build()))
        .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build(),
            "b", ExpectedAttributeValue.builder().exists(false).build()))
        .conditionalOperator("XOR")));

    assertThat(message).isEqualTo("2 validation errors detected: Value 'XOR' at"
        + " 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value"
        + " set: [OR, AND]; Value null at 'key' failed to satisfy constraint: Member must not be"
        + " null");
  }

  @Test
  void query_reportsAnUnknownConditionalOperatorBareAndAlone() {
    Condition isNull = Condition.builder().comparisonOperator(ComparisonOperator.NULL).build();

    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("users")
        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
            .attributeValueList(AttributeValue.fromS("a")).build()))
        .queryFilter(Map.of("b", isNull, "c", isNull))
        .conditionalOperator("XOR").select("BOGUS"))))
        .isEqualTo("Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]");
  }

  @Test
  void query_namesLimitWithACapitalL() {
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("users")
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a"))).limit(0))))
        .isEqualTo("1 validation error detected: Value '0' at 'Limit' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1");
  }
}
