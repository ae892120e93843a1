package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A WHERE clause, or an operand of AND, OR or NOT, that is a path or a value where a condition
 * belongs is refused with the texts of DynamoDB's PartiQL front end (its message constants, which
 * DynamoDB Local 3.3.1 carries and answers), after the parameter count and before the table and
 * the key terms. Found by the differential check (DifferentialReadsCheck): Tombstone answered the
 * expression compiler's {@code Syntax error; token: "<EOF>", near: "#p0"}, naming its own
 * placeholders, or the missing key equality.
 */
class PartiqlConditionShapeSdkTest {
  private static final String WHERE =
      "WHERE clause must contain an expression that resolves to a boolean";
  private static final String AND_OR = "The arguments to AND/OR must be Expressions";
  private static final String NOT = "The argument to NOT must be a Type or Expression";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    SdkTables.stringKeys(dynamo, "shapes", "pk", "sk");
    dynamo.putItem(b -> b.tableName("shapes").item(Map.of("pk", AttributeValue.fromS("a"),
        "sk", AttributeValue.fromS("1"), "c", AttributeValue.fromS("x"))));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM shapes WHERE c|" + WHERE,
      "SELECT * FROM shapes WHERE 1|" + WHERE,
      "SELECT * FROM shapes WHERE (c)|" + WHERE,
      "SELECT * FROM shapes WHERE pk = 'a' AND sk|" + AND_OR,
      "SELECT * FROM shapes WHERE sk OR pk = 'a'|" + AND_OR,
      "SELECT * FROM shapes WHERE pk = 'a' AND m.x|" + AND_OR,
      "SELECT * FROM shapes WHERE pk = 'a' AND [1]|" + AND_OR,
      "SELECT * FROM shapes WHERE NOT c|" + NOT,
      "SELECT * FROM shapes WHERE pk = 'a' AND sk = '1' AND NOT (c)|" + NOT,
      "DELETE FROM shapes WHERE pk|" + WHERE,
      "DELETE FROM shapes WHERE pk = 'a' AND sk|" + AND_OR,
      "DELETE FROM nothere WHERE pk|" + WHERE,
      "UPDATE shapes SET c = 'y' WHERE pk = 'a' AND sk = '1' AND c|" + AND_OR})
  void aPathOrValueWhereAConditionBelongs_isRefused(String statement, String message) {
    DynamoDbException thrown = catchThrowableOfType(
        () -> dynamo.executeStatement(b -> b.statement(statement)), DynamoDbException.class);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
    assertThat(dynamo.getItem(b -> b.tableName("shapes").key(Map.of("pk",
        AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1")))).item())
        .containsEntry("c", AttributeValue.fromS("x"));
  }

  /**
   * MISSING outside IS is refused once the whole statement has parsed: a syntax error after it
   * comes first, as DynamoDB Local 3.3.1 answers (found by the differential check; Tombstone
   * refused MISSING as soon as it read it).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DELETE FROM shapes WHERE pk = 'a' AND sk = '1' AND size(missing) = 1 RETURNING ALL OLD|"
          + "Statement wasn't well formed, can't be processed: DELETE FROM shapes WHERE pk = 'a'"
          + " AND sk = '1' AND size(missing) = 1 RETURNING ALL OLD",
      "SELECT * FROM shapes WHERE missing = 1 c|"
          + "Statement wasn't well formed, can't be processed: Unexpected token after expression",
      "SELECT * FROM shapes WHERE pk = 'a' AND (missing = 1 OR c = 'x')|"
          + "MISSING must be compared using IS operator"})
  void missingOutsideIs_isRefusedAfterTheSyntax(String statement, String message) {
    DynamoDbException thrown = catchThrowableOfType(
        () -> dynamo.executeStatement(b -> b.statement(statement)), DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @Test
  void aParameterStandingAsATerm_isRefused() {
    DynamoDbException thrown = catchThrowableOfType(() -> dynamo.executeStatement(b -> b
        .statement("SELECT * FROM shapes WHERE pk = 'a' AND ?")
        .parameters(AttributeValue.fromBool(true))), DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(AND_OR);
  }

  @Test
  void theParameterCount_isCheckedFirst() {
    DynamoDbException thrown = catchThrowableOfType(() -> dynamo.executeStatement(b -> b
        .statement("SELECT * FROM shapes WHERE ?")), DynamoDbException.class);

    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Number of parameters in request and statement don't match.");
  }

  @Test
  void inBatchExecuteStatement_theStatementsErrorCarriesTheText() {
    List<BatchStatementResponse> responses = dynamo.batchExecuteStatement(b -> b.statements(
        s -> s.statement("DELETE FROM shapes WHERE pk = 'a' AND sk"),
        s -> s.statement("DELETE FROM shapes WHERE pk = 'b' AND sk = '2'"))).responses();

    assertThat(responses.get(0).error().codeAsString()).isEqualTo("ValidationError");
    assertThat(responses.get(0).error().message()).isEqualTo(AND_OR);
    assertThat(responses.get(1).error()).isNull();
  }
}
