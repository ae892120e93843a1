package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;

/**
 * A list index in a statement's path may carry a minus sign: {@code l[-0]} reads {@code l[0]},
 * and an index below 0 or above 2^31 - 1 is refused with its own text and the position of its
 * digits (floci's DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB 2026-09-17).
 * That ExecuteTransaction names the statement in this refusal is inferred from the same
 * capture, where every refused statement text is named.
 */
class PartiqlListIndexRangeSdkTest {
  static final String TABLE = "lists";
  static final Map<String, AttributeValue> STORED = Map.of(
      "pk", AttributeValue.fromS("x"),
      "l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b"))));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    SdkTables.stringHashKey(dynamo, TABLE, "pk");
    dynamo.putItem(b -> b.tableName(TABLE).item(STORED));
  }

  @Test
  void negativeIndex_isRefused_withThePositionOfItsDigits() {
    assertThat(refusal("SELECT l[-1] FROM lists WHERE pk = 'x'"))
        .isEqualTo("List index is not within the allowable range; index: [-1] at 1:11:1");
    assertThat(refusal("UPDATE lists REMOVE l[-2] WHERE pk = 'x'"))
        .isEqualTo("List index is not within the allowable range; index: [-2] at 1:24:1");
    assertThat(refusal("SELECT * FROM lists WHERE pk = 'x' AND l[-1] = 'b'"))
        .isEqualTo("List index is not within the allowable range; index: [-1] at 1:43:1");
    assertThat(stored()).isEqualTo(STORED);
  }

  @Test
  void minusZero_readsAsIndexZero() {
    List<Map<String, AttributeValue>> minusZero = select("SELECT l[-0] FROM lists WHERE pk = 'x'");

    // The attribute is named as the index reads, flat (floci's capture of DynamoDB).
    assertThat(minusZero).containsExactly(Map.of("l[0]", AttributeValue.fromS("a")))
        .isEqualTo(select("SELECT l[0] FROM lists WHERE pk = 'x'"));
  }

  @Test
  void indexAboveTheIntegerRange_isRefused_andTheLargestIndexReads() {
    assertThat(refusal("SELECT l[2147483648] FROM lists WHERE pk = 'x'"))
        .isEqualTo("List index is not within the allowable range; index: [2147483648] at 1:10:10");
    assertThat(refusal("UPDATE lists REMOVE l[2147483648] WHERE pk = 'x'"))
        .isEqualTo("List index is not within the allowable range; index: [2147483648] at 1:23:10");
    assertThat(select("SELECT l[2147483647] FROM lists WHERE pk = 'x'")).hasSize(1);
    assertThat(stored()).isEqualTo(STORED);
  }

  @Test
  void negativeIndex_inExecuteTransaction_namesTheStatement() {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.executeTransaction(b -> b.transactStatements(
            ParameterizedStatement.builder().statement("UPDATE lists SET n = 1 WHERE pk = 'y'")
                .build(),
            ParameterizedStatement.builder().statement("UPDATE lists REMOVE l[-1] WHERE pk = 'x'")
                .build())));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Validation failed in"
        + " TransactStatements[1]: List index is not within the allowable range; index: [-1]"
        + " at 1:24:1");
    assertThat(stored()).isEqualTo(STORED);
  }

  private List<Map<String, AttributeValue>> select(String statement) {
    return dynamo.executeStatement(b -> b.statement(statement)).items();
  }

  private String refusal(String statement) {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.executeStatement(b -> b.statement(statement)));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return error.awsErrorDetails().errorMessage();
  }

  private Map<String, AttributeValue> stored() {
    return dynamo.getItem(b -> b.tableName(TABLE)
        .key(Map.of("pk", AttributeValue.fromS("x"))).consistentRead(true)).item();
  }
}
