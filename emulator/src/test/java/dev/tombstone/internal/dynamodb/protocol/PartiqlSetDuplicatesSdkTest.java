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
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * A set with one member twice, in a statement's literal or in its parameters: a number set
 * literal lists its members as written and names its key, a literal inside ExecuteTransaction
 * names its statement, and a set that parameters bring does not (floci's
 * DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB 2026-09-17).
 */
class PartiqlSetDuplicatesSdkTest {
  static final String TABLE = "bags";
  static final String DUPLICATES =
      "One or more parameter values were invalid: Input collection [a, a] contains duplicates.";
  static final Map<String, AttributeValue> STORED = Map.of(
      "pk", AttributeValue.fromS("b1"),
      "n", AttributeValue.fromNs(List.of("1")));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    SdkTables.stringHashKey(dynamo, TABLE, "pk");
    dynamo.putItem(b -> b.tableName(TABLE).item(STORED));
  }

  @Test
  void numberSetLiteral_withOneNumberTwice_listsTheMembersAsWritten() {
    assertThat(refusal(() -> dynamo.executeStatement(b -> b.statement(
        "UPDATE bags SET n = set_add(n, <<2, 2.0>>) WHERE pk = 'b1'"))))
        .isEqualTo("One or more parameter values were invalid: Input collection [2, 2.0]"
            + " contains duplicates! under root");
    assertThat(stored()).isEqualTo(STORED);
  }

  @Test
  void setLiteral_withAMemberTwice_inExecuteTransaction_namesTheStatement() {
    assertThat(refusal(() -> dynamo.executeTransaction(b -> b.transactStatements(
        ParameterizedStatement.builder()
            .statement("INSERT INTO bags VALUE {'pk':'b2','x':[<<'a','a'>>]}").build()))))
        .isEqualTo("Validation failed in TransactStatements[0]: " + DUPLICATES);
    assertThat(dynamo.getItem(b -> b.tableName(TABLE)
        .key(Map.of("pk", AttributeValue.fromS("b2"))).consistentRead(true)).hasItem()).isFalse();
  }

  @Test
  void setParameter_withAMemberTwice_inExecuteTransaction_staysBare() {
    assertThat(refusal(() -> dynamo.executeTransaction(b -> b.transactStatements(
        ParameterizedStatement.builder()
            .statement("UPDATE bags SET y = ? WHERE pk = 'b1'")
            .parameters(AttributeValue.fromN("1")).build(),
        ParameterizedStatement.builder()
            .statement("INSERT INTO bags VALUE {'pk':'b2','x':?}")
            .parameters(AttributeValue.fromSs(List.of("a", "a"))).build()))))
        .isEqualTo(DUPLICATES);
    assertThat(stored()).isEqualTo(STORED);
  }

  private static String refusal(Runnable request) {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class, request::run);
    assertThat(error).isNotInstanceOf(ResourceNotFoundException.class);
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return error.awsErrorDetails().errorMessage();
  }

  private Map<String, AttributeValue> stored() {
    return dynamo.getItem(b -> b.tableName(TABLE)
        .key(Map.of("pk", AttributeValue.fromS("b1"))).consistentRead(true)).item();
  }
}
