package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A TransactWriteItems action whose key does not fit the table's schema cancels the transaction
 * with a {@code ValidationError} reason at that action and {@code None} elsewhere, as
 * ScyllaDB's AWS-run test_transact.py (Put) and the AWS-run conformance suite's
 * transactWriteItems.test.ts (Update, Delete, ConditionCheck) observe; an empty key value stays
 * a top-level ValidationException.
 */
class TransactWriteValidationErrorSdkTest {
  private static final String MISMATCH =
      "One or more parameter values were invalid: Type mismatch for key p expected: S actual: N";
  private static final String KEY_MISMATCH = "The provided key element does not match the schema";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("txn").keySchema(key("p", KeyType.HASH))
        .attributeDefinitions(def("p", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.createTable(b -> b.tableName("txnB").keySchema(key("p", KeyType.HASH))
        .attributeDefinitions(def("p", ScalarAttributeType.B))
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

  static Stream<Arguments> keysNotFittingTheSchema() {
    return Stream.of("Update", "Delete", "ConditionCheck").flatMap(kind -> Stream.of(
        Arguments.of(kind, Map.of("p", n("5"))),
        Arguments.of(kind, Map.of("p", AttributeValue.fromL(List.of(s("x"))))),
        Arguments.of(kind, Map.of()),
        Arguments.of(kind, Map.of("q", s("x"))),
        Arguments.of(kind, Map.of("p", s("x"), "q", s("y")))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("keysNotFittingTheSchema")
  void aKeyNotFittingTheSchema_isCancelled_withTheSchemaMismatchReason(String kind,
      Map<String, AttributeValue> key) {
    dynamo.putItem(b -> b.tableName("txn").item(Map.of("p", s("kept"))));

    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(
            delete(Map.of("p", s("kept"))), action(kind, "txn", key), put(Map.of("p", s("new"))))));

    assertThat(e.getMessage()).startsWith("Transaction cancelled, please refer cancellation"
        + " reasons for specific reasons [None, ValidationError, None]");
    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "ValidationError", "None");
    assertThat(e.cancellationReasons().get(1).message()).isEqualTo(KEY_MISMATCH);
    assertThat(tombstone.dynamoDb().items("txn")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Put", "Update", "Delete", "ConditionCheck"})
  void anEmptyKeyValue_isATopLevelValidationException_worded_areNotValid(String kind) {
    AttributeValue emptyBinary = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]));

    String string = validationMessage(() -> dynamo.transactWriteItems(b -> b.transactItems(
        action(kind, "txn", Map.of("p", s(""))))));
    String binary = validationMessage(() -> dynamo.transactWriteItems(b -> b.transactItems(
        action(kind, "txnB", Map.of("p", emptyBinary)))));

    assertThat(string).isEqualTo("One or more parameter values are not valid. The AttributeValue"
        + " for a key attribute cannot contain an empty string value. Key: p");
    assertThat(binary).isEqualTo("One or more parameter values are not valid. The AttributeValue"
        + " for a key attribute cannot contain an empty binary value. Key: p");
  }

  @Test
  void aLaterActionsTopLevelRefusal_comesBeforeTheCancellation() {
    String emptyKey = validationMessage(() -> dynamo.transactWriteItems(b -> b.transactItems(
        action("Delete", "txn", Map.of("p", n("1"))), action("Delete", "txn", Map.of("p", s(""))))));
    Throwable missingTable = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(
            put(Map.of("p", n("1"))), action("Delete", "absent", Map.of("p", s("x"))))));

    assertThat(emptyKey).endsWith("cannot contain an empty string value. Key: p");
    assertThat(missingTable).hasMessageStartingWith("Requested resource not found");
  }

  private static TransactWriteItem action(String kind, String table,
      Map<String, AttributeValue> key) {
    return switch (kind) {
      case "Put" -> TransactWriteItem.builder().put(p -> p.tableName(table).item(key)).build();
      case "Update" -> TransactWriteItem.builder().update(u -> u.tableName(table).key(key)
          .updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", s("x"))))
          .build();
      case "Delete" -> TransactWriteItem.builder().delete(d -> d.tableName(table).key(key))
          .build();
      default -> TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key)
          .conditionExpression("attribute_not_exists(p)")).build();
    };
  }

  private static TransactWriteItem delete(Map<String, AttributeValue> key) {
    return action("Delete", "txn", key);
  }

  private static TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(p -> p.tableName("txn").item(item)).build();
  }

  private static AttributeValue n(String value) {
    return AttributeValue.builder().n(value).build();
  }
}
