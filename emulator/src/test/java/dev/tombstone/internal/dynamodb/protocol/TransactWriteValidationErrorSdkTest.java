package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A TransactWriteItems Put whose item has a key attribute of the wrong type cancels the
 * transaction with a {@code ValidationError} reason at that action and {@code None} elsewhere,
 * as ScyllaDB's AWS-run test_transact.py observes.
 */
class TransactWriteValidationErrorSdkTest {
  private static final String MISMATCH =
      "One or more parameter values were invalid: Type mismatch for key p expected: S actual: N";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("txn").keySchema(key("p", KeyType.HASH))
        .attributeDefinitions(def("p", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void onlyTheFirstMistypedPut_isReported_andNoConditionIsEvaluated() {
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(
            put(Map.of("p", n("7"))),
            put(Map.of("p", n("8"))),
            TransactWriteItem.builder().put(p -> p.tableName("txn").item(Map.of("p", s("x")))
                .conditionExpression("attribute_exists(p)")).build())));

    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("ValidationError", "None", "None");
    assertThat(e.cancellationReasons().get(0).message()).isEqualTo(MISMATCH);
    assertThat(e.cancellationReasons().get(1).message()).isNull();
    assertThat(e.cancellationReasons().get(2).message()).isNull();
    assertThat(tombstone.dynamoDb().items("txn")).isEmpty();
  }

  @Test
  void aSingleMistypedPut_isCancelled_notAValidationException() {
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(Map.of("p", n("7"))))));

    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("ValidationError");
    assertThat(e.cancellationReasons().get(0).message()).isEqualTo(MISMATCH);
  }

  @Test
  void aMistypedPutAfterAGoodOne_leavesTheGoodOneUnwritten() {
    catchThrowableOfType(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(
            put(Map.of("p", s("ok"))), put(Map.of("p", n("1"))))));

    assertThat(tombstone.dynamoDb().items("txn")).isEmpty();
  }

  private static TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(p -> p.tableName("txn").item(item)).build();
  }

  private static AttributeValue n(String value) {
    return AttributeValue.builder().n(value).build();
  }
}
