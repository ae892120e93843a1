package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DescribeTable checks an empty {@code TableName} by the table name rules, not by the ARN's
 * minimum length as the item operations do (ack-api-quirks catalogue, DDB-TABLE-457, AWS 2026).
 */
class DescribeTableNameSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void anEmptyName_breaksTheLengthThenThePattern() {
    assertThat(validationMessage(() -> dynamo.describeTable(b -> b.tableName(""))))
        .isEqualTo("2 validation errors detected: Value '' at 'tableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 3; Value '' at"
            + " 'tableName' failed to satisfy constraint: Member must satisfy regular expression"
            + " pattern: [a-zA-Z0-9_.-]+");
  }

  @Test
  void anItemOperation_keepsTheArnsMinimumLength() {
    assertThat(validationMessage(() -> dynamo.getItem(b -> b.tableName("")
        .key(Map.of("id", AttributeValue.fromS("x"))))))
        .isEqualTo("1 validation error detected: Value '' at 'tableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
  }
}
