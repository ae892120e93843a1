package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Where Scan checks the Segment/TotalSegments pairing: after AttributesToGet, the ScanFilter
 * values and the start key, before the expressions (dynalite's AWS-derived test/scan.js).
 */
class ScanValidationOrderSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  private static final AttributeValue EMPTY = AttributeValue.builder().build();

  private String message(ScanRequest request) {
    return validationMessage(() -> dynamo.scan(request));
  }

  private static Condition eq(AttributeValue... values) {
    return Condition.builder().comparisonOperator(ComparisonOperator.EQ)
        .attributeValueList(values).build();
  }

  @Test
  void duplicateAttributesToGet_comesBeforeFilterStartKeyAndSegments() {
    assertThat(message(ScanRequest.builder().tableName("abc").segment(1)
        .scanFilter(Map.of("a", eq(EMPTY, AttributeValue.fromS(""))))
        .exclusiveStartKey(Map.of("a", EMPTY))
        .attributesToGet("a", "a").build()))
        .isEqualTo("One or more parameter values were invalid: Duplicate value in attribute"
            + " name: a");
  }

  @Test
  void scanFilterValue_comesBeforeItsArgumentCountTheStartKeyAndSegments() {
    assertThat(message(ScanRequest.builder().tableName("abc").segment(1)
        .exclusiveStartKey(Map.of("a", EMPTY))
        .scanFilter(Map.of("a", eq(EMPTY, AttributeValue.fromS("")))).build()))
        .isEqualTo("Supplied AttributeValue is empty, must contain exactly one of the supported"
            + " datatypes");
  }

  @Test
  void scanFilterWithoutValues_isAWrongArgumentCount() {
    assertThat(message(ScanRequest.builder().tableName("abc").segment(1)
        .exclusiveStartKey(Map.of("a", EMPTY))
        .scanFilter(Map.of("a", Condition.builder()
            .comparisonOperator(ComparisonOperator.EQ).build())).build()))
        .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s)"
            + " for the EQ ComparisonOperator");
  }

  @Test
  void startKey_comesBeforeSegments() {
    assertThat(message(ScanRequest.builder().tableName("abc").segment(1)
        .exclusiveStartKey(Map.of("a", EMPTY))
        .scanFilter(Map.of("a", eq(AttributeValue.fromSs(List.of("a"))))).build()))
        .isEqualTo("The provided starting key is invalid: Supplied AttributeValue is empty,"
            + " must contain exactly one of the supported datatypes");
  }

  @Test
  void segments_comeBeforeTheExpressions() {
    assertThat(message(ScanRequest.builder().tableName("abc").segment(1)
        .filterExpression("").expressionAttributeNames(Map.of()).build()))
        .isEqualTo("The TotalSegments parameter is required but was not present in the request"
            + " when Segment parameter is present");
    assertThat(message(ScanRequest.builder().tableName("abc").totalSegments(1)
        .filterExpression("").expressionAttributeNames(Map.of()).build()))
        .isEqualTo("The Segment parameter is required but was not present in the request when"
            + " parameter TotalSegments is present");
  }
}
