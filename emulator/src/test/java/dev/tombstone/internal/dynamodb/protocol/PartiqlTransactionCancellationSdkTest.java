package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * ExecuteTransaction reports a missing table, and a statement that does not name one item by its
 * key, as that statement's cancellation reason, once every statement is checked; RETURNING and
 * index reads are refused only on a table that exists (floci's
 * DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB 2026-09-17).
 */
class PartiqlTransactionCancellationSdkTest {
  static final String TABLE = "cancels";
  static final String MISMATCH = "The provided key element does not match the schema";
  static final Map<String, AttributeValue> KEY =
      Map.of("pk", AttributeValue.fromS("k"), "sk", AttributeValue.fromS("1"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    SdkTables.stringKeys(dynamo, TABLE, "pk", "sk");
    dynamo.putItem(b -> b.tableName(TABLE).item(KEY));
  }

  @Test
  void writesToAMissingTable_areCancelled_beforeReturningIsRefused() {
    TransactionCanceledException error = cancelled(
        "UPDATE absent SET a = 1 WHERE pk = 'x' AND sk = '1' RETURNING ALL NEW *",
        "DELETE FROM absent WHERE pk = 'x' AND sk = '1'");

    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please"
        + " refer cancellation reasons for specific reasons [ResourceNotFound, ResourceNotFound]");
    assertThat(error.cancellationReasons()).extracting(CancellationReason::message)
        .containsExactly("Requested resource not found", "Requested resource not found");
  }

  @Test
  void indexReadOfAMissingTable_isCancelled() {
    TransactionCanceledException error = cancelled(
        "SELECT * FROM cancels WHERE pk = 'k' AND sk = '1'",
        "SELECT * FROM \"absent\".\"idx\" WHERE pk = 'x' AND sk = '1'");

    assertThat(error.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "ResourceNotFound");
    assertThat(error.cancellationReasons().get(0).message()).isNull();
  }

  @Test
  void returningAndIndexReads_onAnExistingTable_areRefused_overAMissingTable() {
    assertThat(refusal("UPDATE absent SET a = 1 WHERE pk = 'x' AND sk = '1'",
        "UPDATE cancels SET a = 1 WHERE pk = 'k' AND sk = '1' RETURNING ALL NEW *"))
        .isEqualTo("Validation failed in TransactStatements[1]: RETURNING clause is not"
            + " supported in ExecuteTransaction.");
    assertThat(refusal("SELECT * FROM absent WHERE pk = 'x' AND sk = '1'",
        "SELECT * FROM \"cancels\".\"idx\" WHERE pk = 'x' AND sk = '1'"))
        .isEqualTo("Validation failed in TransactStatements[1]: Reads on indices are not"
            + " supported within transactions.");
    assertThat(stored()).isEqualTo(KEY);
  }

  @Test
  void writesThatDoNotNameOneItem_areCancelled_eachWithItsReason() {
    String update = "UPDATE cancels SET a = 1 WHERE ";
    TransactionCanceledException error = cancelled(update + "pk = 'k'",
        update + "pk IN ['k'] AND sk = '1'", update + "pk = 'k' AND sk = '1' AND pk = 'other'",
        update + "pk = 'k' AND sk = 1", update + "pk = 'k' AND sk = '1'");

    assertThat(error.cancellationReasons()).extracting(CancellationReason::code).containsExactly(
        "ValidationError", "ValidationError", "ValidationError", "ValidationError", "None");
    assertThat(error.cancellationReasons().get(0).message()).isEqualTo(MISMATCH);
    assertThat(error.cancellationReasons().get(3).message()).isEqualTo(MISMATCH);
    assertThat(stored()).isEqualTo(KEY);
  }

  @Test
  void insertWithoutTheSortKey_andDeleteWithoutThePartitionKey_areCancelled() {
    TransactionCanceledException error = cancelled("INSERT INTO cancels VALUE {'pk':'new'}",
        "DELETE FROM cancels WHERE sk = '1'");

    assertThat(error.cancellationReasons()).extracting(CancellationReason::message)
        .containsExactly("One or more parameter values were invalid: Missing the key sk in the"
            + " item", MISMATCH);
    assertThat(stored()).isEqualTo(KEY);
  }

  private TransactionCanceledException cancelled(String... statements) {
    TransactionCanceledException error = catchThrowableOfType(TransactionCanceledException.class,
        () -> transaction(statements));
    assertThat(error.statusCode()).isEqualTo(400);
    return error;
  }

  private String refusal(String... statements) {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> transaction(statements));
    assertThat(error).isNotInstanceOf(TransactionCanceledException.class);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return error.awsErrorDetails().errorMessage();
  }

  private void transaction(String... statements) {
    dynamo.executeTransaction(b -> b.transactStatements(Arrays.stream(statements)
        .map(s -> ParameterizedStatement.builder().statement(s).build()).toList()));
  }

  private Map<String, AttributeValue> stored() {
    return dynamo.getItem(b -> b.tableName(TABLE).key(KEY).consistentRead(true)).item();
  }
}
