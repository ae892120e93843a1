package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The PartiQL grammar as AWS ran the 2026 conformance suite (tests/tier2/partiql/grammar,
 * fromFirstUpdate, whereFunctions; tests/tier3/error-messages/partiqlGrammar): the forms
 * DynamoDB accepts beyond the basics, and the texts of the statements it refuses.
 */
class PartiqlGrammarSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("Things").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S)));
    dynamo.createTable(b -> b.tableName("Numbers").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.N)));
    dynamo.putItem(b -> b.tableName("Things").item(Map.of("pk", s("a"), "n", n("1"),
        "b", s("bee"), "flag", AttributeValue.fromBool(true))));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
    return dynamo.executeStatement(b -> {
      b.statement(statement);
      if (parameters.length > 0) {
        b.parameters(parameters);
      }
    });
  }

  private DynamoDbException refusal(String statement) {
    return catchThrowableOfType(() -> execute(statement), DynamoDbException.class);
  }

  private Map<String, AttributeValue> thing(String pk) {
    return dynamo.getItem(b -> b.tableName("Things").key(Map.of("pk", s(pk)))).item();
  }

  // ── The FROM-first UPDATE (tests/tier2/partiql/fromFirstUpdate.test.ts) ──

  @Test
  void fromFirstUpdate_setsAndRemoves_inAnyCase_withParametersAndReturning() {
    execute("FROM \"Things\" WHERE pk = 'a' SET c = 1");
    execute("from Things where pk = ? set d = ? remove b", s("a"), n("2"));

    ExecuteStatementResponse returned =
        execute("FROM Things WHERE pk = 'a' AND n = 1 SET e = 3 RETURNING ALL NEW *");

    assertThat(returned.items()).containsExactly(Map.of("pk", s("a"), "n", n("1"),
        "flag", AttributeValue.fromBool(true), "c", n("1"), "d", n("2"), "e", n("3")));
  }

  @Test
  void fromFirstUpdate_ofAMissingItemOrAFalseCondition_failsTheConditionalCheck() {
    Throwable absent = catchThrowableOfType(
        () -> execute("FROM Things WHERE pk = 'nope' SET c = 1"),
        ConditionalCheckFailedException.class);
    Throwable condition = catchThrowableOfType(
        () -> execute("FROM Things WHERE pk = 'a' AND n = 2 SET c = 1"),
        ConditionalCheckFailedException.class);

    assertThat(absent).isNotNull();
    assertThat(condition).isNotNull();
    assertThat(thing("nope")).isEmpty();
    assertThat(thing("a")).doesNotContainKey("c");
  }

  @Test
  void fromFirstUpdate_runsInTransactionsAndBatches() {
    dynamo.executeTransaction(b -> b.transactStatements(
        t -> t.statement("FROM Things WHERE pk = 'a' SET c = 1")));
    BatchStatementResponse batch = dynamo.batchExecuteStatement(b -> b.statements(
        t -> t.statement("FROM Things WHERE pk = 'a' SET d = 2"))).responses().get(0);

    assertThat(batch.error()).isNull();
    assertThat(thing("a")).containsEntry("c", n("1")).containsEntry("d", n("2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"FROM Things SET c = 1", "FROM Things REMOVE b",
      "FROM Things WHERE n = 1 SET c = 1"})
  void fromFirstUpdate_withoutTheKey_isRefused(String statement) {
    assertThat(refusal(statement).awsErrorDetails().errorMessage())
        .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
    assertThat(thing("a")).doesNotContainKey("c").containsKey("b");
  }

  @Test
  void fromFirstUpdate_onAMissingTable_isResourceNotFound() {
    ResourceNotFoundException thrown = catchThrowableOfType(
        () -> execute("FROM Absent WHERE pk = 'x' SET c = 1"), ResourceNotFoundException.class);

    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
  }

  // ── Number literals (tests/tier2/partiql/grammar.test.ts) ──

  @Test
  void numberWithoutALeadingDigit_isStoredAndMatched() {
    execute("INSERT INTO Numbers VALUE {'pk': .7325e1}");
    execute("INSERT INTO Numbers VALUE {'pk': -7.3}");

    assertThat(execute("SELECT pk FROM Numbers WHERE pk = .7325E1").items())
        .containsExactly(Map.of("pk", n("7.325")));
    assertThat(execute("SELECT pk FROM Numbers WHERE pk = -.73e1").items())
        .containsExactly(Map.of("pk", n("-7.3")));
  }

  // ── IS with a type name (tests/tier2/partiql/whereFunctions.test.ts) ──

  @Test
  void isBoolAndIsString_filterOnTheAttributesType() {
    String where = "SELECT pk FROM Things WHERE pk = 'a' AND ";

    assertThat(execute(where + "flag IS BOOL").items()).hasSize(1);
    assertThat(execute(where + "b IS STRING").items()).hasSize(1);
    assertThat(execute(where + "b IS BOOL").items()).isEmpty();
    assertThat(execute(where + "gone IS NOT STRING AND n IS NOT BOOL").items()).hasSize(1);
  }

  @Test
  void isWithAnUnservedTypeName_isAnUnsupportedOperation_andChangesNothing() {
    assertThat(refusal("x IS INT4").awsErrorDetails().errorMessage())
        .isEqualTo("Unsupported operation: IsType");
    assertThat(refusal("UPDATE Things SET c = 1 WHERE pk = 'a' AND n IS DOUBLE PRECISION")
        .awsErrorDetails().errorMessage()).isEqualTo("Unsupported operation: IsType");
    assertThat(thing("a")).doesNotContainKey("c");
  }

  // ── A condition function compared with true (tests/tier2/partiql/whereFunctions.test.ts) ──

  @Test
  void conditionFunction_comparedWithTrue_filtersAsTheFunction() {
    String where = "SELECT pk FROM Things WHERE pk = 'a' AND ";

    assertThat(execute(where + "attribute_exists(b) = true").items()).hasSize(1);
    assertThat(execute(where + "attribute_exists(nope) = true").items()).isEmpty();
  }

  // ── Function texts (tests/tier3/error-messages/partiqlFunctions.test.ts) ──

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM Things WHERE pk = 'a' AND attribute_exists()|Incorrect number of operands"
          + " for operator or function; operator or function: attribute_exists, number of"
          + " operands: 0",
      "SELECT * FROM Things WHERE pk = 'a' AND EXISTS(b)|Unrecognized function: exists at"
          + " 1:41:6",
      "SELECT * FROM Things WHERE pk = 'a' AND\\n set_add(b, <<'x'>>) = b"
          + "|Unrecognized function: set_add at 2:2:7"})
  void functionRefusals_getAwsTexts(String statement, String message) {
    assertThat(refusal(statement.replace("\\n", "\n")).awsErrorDetails().errorMessage())
        .isEqualTo(message);
  }

  // ── Number literal messages (tests/tier3/error-messages/partiqlGrammar.test.ts) ──

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "INSERT INTO Numbers VALUE {'pk': 970007, 'l': [1, 1e126]}|Number overflow. Attempting to"
          + " store a number with magnitude larger than supported range under root[1]",
      "UPDATE Numbers SET a = 1e-131 WHERE pk = 970005|Number underflow. Attempting to store a"
          + " number with magnitude smaller than supported range under root"})
  void numberLiteralRefusals_getAwsTexts_andWriteNothing(String statement, String message) {
    assertThat(refusal(statement).awsErrorDetails().errorMessage()).isEqualTo(message);
    assertThat(dynamo.scan(b -> b.tableName("Numbers")).count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM Numbers WHERE pk = 1e2147483648",
      "INSERT INTO Numbers VALUE {'pk': 1.5e-2147483647}"})
  void exponentOutside32Bits_isMalformed_withNothingAfterTheColon(String statement) {
    assertThat(refusal(statement).awsErrorDetails().errorMessage())
        .isEqualTo("Statement wasn't well formed, can't be processed: ");
    assertThat(dynamo.scan(b -> b.tableName("Numbers")).count()).isZero();
  }

  // ── Syntax error details (tests/tier3/error-messages/partiqlGrammar.test.ts) ──

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DELETE FROM Things WHERE pk = 'a' foo|Statement wasn't well formed, can't be processed:"
          + " Unexpected token after expression",
      "SELECT * FROM Things WHERE|Statement wasn't well formed, can't be processed: Unexpected"
          + " term",
      "SELECT * FROM Absent WHERE|Statement wasn't well formed, can't be processed: Unexpected"
          + " term",
      "UPDATE Things SET c = 1 WHERE pk = 'a' OR|Statement wasn't well formed, can't be"
          + " processed: Missing right-hand side expression of infix operator",
      "DELETE FROM|Statement wasn't well formed, can't be processed: Expected identifier for"
          + " simple path",
      "DELETE FROM Things t WHERE pk = 'a'|Aliasing is not supported",
      "UPDATE Things AS t SET c = 1 WHERE pk = 'a'|Aliasing is not supported"})
  void syntaxErrors_getAwsDetails_andChangeNothing(String statement, String message) {
    DynamoDbException thrown = refusal(statement);

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
    assertThat(thing("a")).doesNotContainKey("c");
  }

  @Test
  void syntaxError_inATransaction_namesTheStatement_butNotInABatch() {
    DynamoDbException transaction = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(t -> t.statement("SELECT * FROM Things WHERE pk = 'a'"),
            t -> t.statement("SELECT * FROM Things WHERE"))), DynamoDbException.class);
    BatchStatementResponse batch = dynamo.batchExecuteStatement(b -> b.statements(
        t -> t.statement("SELECT * FROM Things WHERE"))).responses().get(0);

    assertThat(transaction.awsErrorDetails().errorMessage()).isEqualTo("Validation failed in"
        + " TransactStatements[1]: Statement wasn't well formed, can't be processed:"
        + " Unexpected term");
    assertThat(batch.error().codeAsString()).isEqualTo("ValidationError");
    assertThat(batch.error().message())
        .isEqualTo("Statement wasn't well formed, can't be processed: Unexpected term");
  }
}
