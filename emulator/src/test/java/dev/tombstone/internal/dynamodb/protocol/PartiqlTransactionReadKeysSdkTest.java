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
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The keys of an ExecuteTransaction of SELECTs: a key value of the wrong type cancels the
 * transaction with a {@code ValidationError} reason at that statement, and is reported before two
 * reads of one item are; each SELECT names the whole key, with {@code =} or a one-value
 * {@code IN}, and nothing else; an overlapping-conditions refusal names its statement (floci's
 * DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB 2026-09-17).
 */
class PartiqlTransactionReadKeysSdkTest {
  static final String TABLE = "reads";
  static final String ONE_ITEM = "SELECT * FROM reads WHERE pk = 'r' AND sk = '1'";
  static final String KEY_REQUIRED = "Validation failed in TransactStatements[0]: Select"
      + " statements within ExecuteTransaction must specify the primary key in the where clause.";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    SdkTables.stringKeys(dynamo, TABLE, "pk", "sk");
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("r"),
        "sk", AttributeValue.fromS("1"), "a", AttributeValue.fromS("x"))));
  }

  @Test
  void twoReadsOfOneItem_areRefused() {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> transaction(ONE_ITEM, "SELECT a FROM reads WHERE sk = '1' AND pk = 'r'"));

    assertThat(error).isNotInstanceOf(TransactionCanceledException.class);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void keyValueOfTheWrongType_cancels_beforeTwoReadsOfOneItemAreRefused() {
    TransactionCanceledException error = catchThrowableOfType(TransactionCanceledException.class,
        () -> transaction(ONE_ITEM, ONE_ITEM, "SELECT * FROM reads WHERE pk = 1 AND sk = '1'"));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please"
        + " refer cancellation reasons for specific reasons [None, None, ValidationError]");
    assertThat(error.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "None", "ValidationError");
    assertThat(error.cancellationReasons().get(0).message()).isNull();
    assertThat(error.cancellationReasons().get(2).message())
        .isEqualTo("The provided key element does not match the schema");
  }

  @Test
  void sortKeyValueOfTheWrongType_alone_cancels() {
    TransactionCanceledException error = catchThrowableOfType(TransactionCanceledException.class,
        () -> transaction("SELECT * FROM reads WHERE pk = 'r' AND sk = 1"));

    assertThat(error.cancellationReasons()).singleElement().satisfies(reason -> {
      assertThat(reason.code()).isEqualTo("ValidationError");
      assertThat(reason.message()).isEqualTo("The provided key element does not match the schema");
    });
  }

  @Test
  void readsOfTwoItems_answerOneEntryEach() {
    ExecuteTransactionResponse response =
        transaction(ONE_ITEM, "SELECT * FROM reads WHERE pk = 'r' AND sk = '2'");

    assertThat(response.responses()).hasSize(2);
    assertThat(response.responses().get(0).item().get("a").s()).isEqualTo("x");
    assertThat(response.responses().get(1).hasItem()).isFalse();
  }

  @Test
  void select_withMoreThanTheKey_orWithoutIt_isRefused_andARepeatedKeyEqualityReads() {
    String select = "SELECT * FROM reads WHERE ";
    for (String where : new String[] {"pk = 'r' AND sk = '1' AND a = 'x'",
        "pk = 'r' AND sk = '1' AND pk = 'other'", "pk = 'r'"}) {
      DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
          () -> transaction(select + where));
      assertThat(error.awsErrorDetails().errorMessage()).as(where).isEqualTo(KEY_REQUIRED);
    }

    ExecuteTransactionResponse response =
        transaction(select + "(sk = '1') AND pk = 'r' AND pk = 'r'");
    assertThat(response.responses()).singleElement()
        .satisfies(r -> assertThat(r.item().get("a").s()).isEqualTo("x"));
  }

  @Test
  void oneValueIn_onAKeyAttribute_readsAsAnEquality_inASelectButNotInExists() {
    String select = "SELECT a FROM reads WHERE ";
    assertThat(transaction(select + "pk IN ['r'] AND sk IN ['1']").responses()).singleElement()
        .satisfies(r -> assertThat(r.item().get("a").s()).isEqualTo("x"));
    assertThat(transaction(select + "(pk IN ['r']) AND pk = 'r' AND sk = '1'").responses())
        .singleElement().satisfies(r -> assertThat(r.item().get("a").s()).isEqualTo("x"));
    assertThat(dynamo.batchExecuteStatement(b -> b.statements(s -> s.statement(
        select + "pk IN ['r'] AND sk = '1'"))).responses()).singleElement()
        .satisfies(r -> assertThat(r.item().get("a").s()).isEqualTo("x"));

    assertThat(refusal(() -> transaction(select + "pk IN ['other'] AND pk = 'r' AND sk = '1'")))
        .isEqualTo(KEY_REQUIRED);
    assertThat(refusal(() -> transaction(
        "EXISTS(SELECT * FROM reads WHERE pk IN ['r'] AND sk = '1' AND a = 'x')",
        "UPDATE reads SET b = 1 WHERE pk = 'r' AND sk = '2'")))
        .isEqualTo("Validation failed in TransactStatements[0]: EXISTS() must contain a single"
            + " item read with additional condition");
  }

  @Test
  void overlappingConditions_nameTheStatement() {
    assertThat(refusal(() -> transaction(ONE_ITEM,
        "SELECT * FROM reads WHERE pk IN ['r', 'r'] AND sk = '1'")))
        .isEqualTo("Validation failed in TransactStatements[1]: Overlapping conditions with range"
            + " keys are not supported in where clause");
  }

  private static String refusal(Runnable request) {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class, request::run);
    assertThat(error).isNotInstanceOf(TransactionCanceledException.class);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return error.awsErrorDetails().errorMessage();
  }

  private ExecuteTransactionResponse transaction(String... statements) {
    return dynamo.executeTransaction(b -> b.transactStatements(Arrays.stream(statements)
        .map(s -> ParameterizedStatement.builder().statement(s).build()).toList()));
  }
}
