package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** BatchExecuteStatement and ExecuteTransaction through the SDK v2 client. */
class PartiqlBatchAndTransactionSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void orders() {
    dynamo.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S)));
    for (String pk : List.of("o-1", "o-2", "o-3")) {
      dynamo.putItem(b -> b.tableName("Orders")
          .item(Map.of("pk", s(pk), "status", s(pk.equals("o-2") ? "SHIPPED" : "NEW"))));
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static BatchStatementRequest batch(String statement, AttributeValue... parameters) {
    return BatchStatementRequest.builder().statement(statement)
        .parameters(parameters.length == 0 ? null : List.of(parameters)).build();
  }

  private static ParameterizedStatement tx(String statement, AttributeValue... parameters) {
    return ParameterizedStatement.builder().statement(statement)
        .parameters(parameters.length == 0 ? null : List.of(parameters)).build();
  }

  private List<String> keys() {
    return dynamo.scan(b -> b.tableName("Orders")).items().stream()
        .map(i -> i.get("pk").s()).sorted().toList();
  }

  @Test
  void batchDelete_withConditions_reportsEachStatementsOwnOutcome() {
    BatchExecuteStatementResponse response = dynamo.batchExecuteStatement(b -> b
        .statements(
            batch("DELETE FROM Orders WHERE pk = ? AND status = 'NEW'", s("o-1")),
            BatchStatementRequest.builder()
                .statement("DELETE FROM Orders WHERE pk = 'o-2' AND status = 'NEW'")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build(),
            batch("DELETE FROM Orders WHERE status = 'NEW'"),
            batch("DELETE FROM Absent WHERE pk = 'o-3'"),
            batch("INSERT INTO Orders VALUE {'pk': 'o-3'}"),
            batch("DELETE FRM Orders"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    List<BatchStatementResponse> responses = response.responses();
    assertThat(responses.get(0).error()).isNull();
    assertThat(responses.get(0).tableName()).isEqualTo("Orders");
    assertThat(responses.get(1).error().code())
        .isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
    assertThat(responses.get(1).error().item()).containsEntry("status", s("SHIPPED"));
    assertThat(responses.get(2).error().code())
        .isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
    assertThat(responses.get(2).error().message())
        .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
    assertThat(responses.get(3).error().code())
        .isEqualTo(BatchStatementErrorCodeEnum.RESOURCE_NOT_FOUND);
    assertThat(responses.get(4).error().code())
        .isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
    assertThat(responses.get(5).error().message())
        .isEqualTo("Statement wasn't well formed, can't be processed: DELETE FRM Orders");
    assertThat(response.consumedCapacity()).singleElement()
        .satisfies(c -> assertThat(c.tableName()).isEqualTo("Orders"));
    assertThat(keys()).containsExactly("o-2", "o-3");
  }

  @Test
  void batchSelect_readsSingleItems() {
    BatchExecuteStatementResponse response = dynamo.batchExecuteStatement(b -> b.statements(
        batch("SELECT * FROM Orders WHERE pk = ?", s("o-1")),
        batch("SELECT * FROM Orders WHERE pk = 'o-9'"),
        batch("SELECT * FROM Orders WHERE status = 'NEW'")));

    assertThat(response.responses().get(0).item()).containsEntry("status", s("NEW"));
    assertThat(response.responses().get(1).hasItem()).isFalse();
    assertThat(response.responses().get(2).error().message())
        .isEqualTo("Select statements within BatchExecuteStatement must specify the primary key"
            + " in the where clause.");
  }

  @Test
  void batch_refusesMixedReadsAndWrites_duplicateKeys_andMoreThan25Statements() {
    DynamoDbException mixed = catchThrowableOfType(() -> dynamo.batchExecuteStatement(b -> b
        .statements(batch("SELECT * FROM Orders WHERE pk = 'o-1'"),
            batch("DELETE FROM Orders WHERE pk = 'o-2'"))), DynamoDbException.class);
    DynamoDbException duplicates = catchThrowableOfType(() -> dynamo.batchExecuteStatement(b -> b
        .statements(batch("DELETE FROM Orders WHERE pk = 'o-1'"),
            batch("DELETE FROM Orders WHERE pk = 'o-1'"))), DynamoDbException.class);
    DynamoDbException tooMany = catchThrowableOfType(() -> dynamo.batchExecuteStatement(b -> b
        .statements(Collections.nCopies(26, batch("DELETE FROM Orders WHERE pk = 'o-1'")))),
        DynamoDbException.class);

    assertThat(mixed.awsErrorDetails().errorMessage())
        .isEqualTo("Read and write requests together in the same batch is not supported.");
    assertThat(duplicates.awsErrorDetails().errorMessage())
        .isEqualTo("Provided list of item keys contains duplicates");
    assertThat(tooMany.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected:"
        + " Value at 'statements' failed to satisfy constraint: Member must have length less"
        + " than or equal to 25");
    assertThat(keys()).containsExactly("o-1", "o-2", "o-3");
  }

  @Test
  void transaction_deletesAtomically() {
    ExecuteTransactionResponse response = dynamo.executeTransaction(b -> b
        .transactStatements(tx("DELETE FROM Orders WHERE pk = ?", s("o-1")),
            tx("UPDATE Orders SET status = 'DONE' WHERE pk = 'o-2'"),
            tx("INSERT INTO Orders VALUE {'pk': 'o-4'}"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(response.consumedCapacity()).hasSize(1);
    assertThat(keys()).containsExactly("o-2", "o-3", "o-4");
  }

  @Test
  void writeTransaction_answersAnEmptyResponsesList() {
    ExecuteTransactionResponse response = dynamo.executeTransaction(b -> b
        .transactStatements(tx("INSERT INTO Orders VALUE {'pk': 'o-4'}"),
            tx("INSERT INTO Orders VALUE {'pk': 'o-5'}"),
            tx("UPDATE Orders SET status = 'DONE' WHERE pk = 'o-1'")));

    // The SDK tells a list sent empty from one left out; AWS sends "Responses": [].
    assertThat(response.hasResponses()).isTrue();
    assertThat(response.responses()).isEmpty();
    assertThat(keys()).containsExactly("o-1", "o-2", "o-3", "o-4", "o-5");
  }

  @Test
  void transactionAndBatch_acceptATrailingSemicolon() {
    ExecuteTransactionResponse response = dynamo.executeTransaction(b -> b
        .transactStatements(tx("DELETE FROM Orders WHERE pk = 'o-1';")));
    BatchExecuteStatementResponse batch = dynamo.batchExecuteStatement(b -> b
        .statements(batch("DELETE FROM Orders /* shipped */ WHERE pk = 'o-2';")));

    assertThat(response.responses()).isEmpty();
    assertThat(batch.responses()).extracting(BatchStatementResponse::error).containsOnlyNulls();
    assertThat(keys()).containsExactly("o-3");
  }

  @Test
  void transaction_isCancelled_whenAConditionFails_andChangesNothing() {
    TransactionCanceledException thrown = catchThrowableOfType(
        () -> dynamo.executeTransaction(b -> b.transactStatements(
            tx("DELETE FROM Orders WHERE pk = 'o-1'"),
            tx("DELETE FROM Orders WHERE pk = 'o-2' AND status = 'NEW'"),
            tx("INSERT INTO Orders VALUE {'pk': 'o-3'}"))),
        TransactionCanceledException.class);

    assertThat(thrown.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "ConditionalCheckFailed", "ValidationError");
    assertThat(thrown.cancellationReasons().get(2).message())
        .isEqualTo("Duplicate primary key exists in table");
    assertThat(keys()).containsExactly("o-1", "o-2", "o-3");
  }

  @Test
  void existsCheck_letsTheTransactionWrite_whenItsItemMeetsTheCondition() {
    ExecuteTransactionResponse response = dynamo.executeTransaction(b -> b.transactStatements(
        tx("EXISTS(SELECT * FROM Orders WHERE pk = ? AND status = 'NEW')", s("o-1")),
        tx("DELETE FROM Orders WHERE pk = 'o-2'")));

    assertThat(response.responses()).isEmpty();
    assertThat(keys()).containsExactly("o-1", "o-3");
  }

  /** As TransactWriteItems' ConditionCheck: a false check, or a missing item, cancels it all. */
  @Test
  void existsCheck_cancelsTheTransaction_whenTheConditionFails_orTheItemIsMissing() {
    TransactionCanceledException failed = catchThrowableOfType(
        () -> dynamo.executeTransaction(b -> b.transactStatements(
            ParameterizedStatement.builder()
                .statement("EXISTS(SELECT * FROM Orders WHERE pk = 'o-2' AND status = 'NEW')")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build(),
            tx("DELETE FROM Orders WHERE pk = 'o-1'"))),
        TransactionCanceledException.class);
    TransactionCanceledException missing = catchThrowableOfType(
        () -> dynamo.executeTransaction(b -> b.transactStatements(
            tx("DELETE FROM Orders WHERE pk = 'o-1'"),
            tx("EXISTS(SELECT * FROM Orders WHERE pk = 'o-9' AND status IS MISSING)"))),
        TransactionCanceledException.class);

    assertThat(failed.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("ConditionalCheckFailed", "None");
    assertThat(failed.cancellationReasons().get(0).message())
        .isEqualTo("The conditional request failed");
    assertThat(failed.cancellationReasons().get(0).item()).containsEntry("status", s("SHIPPED"));
    assertThat(missing.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "ConditionalCheckFailed");
    assertThat(keys()).containsExactly("o-1", "o-2", "o-3");
  }

  @Test
  void exists_needsTheWholeKeyAndACondition_andAWriteTransaction() {
    DynamoDbException noCondition = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(tx("DELETE FROM Orders WHERE pk = 'o-2'"),
            tx("EXISTS(SELECT * FROM Orders WHERE pk = 'o-1')"))), DynamoDbException.class);
    DynamoDbException noKey = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(tx("EXISTS(SELECT * FROM Orders WHERE status = 'NEW')"))),
        DynamoDbException.class);
    DynamoDbException withRead = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(tx("EXISTS(SELECT * FROM Orders WHERE pk = 'o-1' AND status = 'NEW')"),
            tx("SELECT * FROM Orders WHERE pk = 'o-2'"))), DynamoDbException.class);
    DynamoDbException statement = catchThrowableOfType(() -> dynamo.executeStatement(b -> b
        .statement("EXISTS(SELECT * FROM Orders WHERE pk = 'o-1' AND status = 'NEW')")),
        DynamoDbException.class);
    BatchExecuteStatementResponse batch = dynamo.batchExecuteStatement(b -> b.statements(
        batch("EXISTS(SELECT * FROM Orders WHERE pk = 'o-1' AND status = 'NEW')")));

    assertThat(noCondition.awsErrorDetails().errorMessage()).isEqualTo("Validation failed in"
        + " TransactStatements[1]: EXISTS() must contain a single item read with additional"
        + " condition");
    assertThat(noKey.awsErrorDetails().errorMessage())
        .startsWith("Validation failed in TransactStatements[0]: EXISTS() must contain");
    assertThat(withRead.awsErrorDetails().errorMessage()).isEqualTo("ExecuteTransaction API does"
        + " not support both read and write operations in the same request.");
    assertThat(statement.awsErrorDetails().errorMessage())
        .isEqualTo("EXISTS can only be used in ExecuteTransaction write requests.");
    assertThat(batch.responses().get(0).error().code())
        .isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
    assertThat(batch.responses().get(0).error().message())
        .isEqualTo("EXISTS can only be used in ExecuteTransaction write requests.");
    assertThat(keys()).containsExactly("o-1", "o-2", "o-3");
  }

  @Test
  void transaction_withTheSameToken_runsOnce_andRefusesOtherStatements() {
    dynamo.executeTransaction(b -> b.clientRequestToken("token-1")
        .transactStatements(tx("UPDATE Orders SET n = 1 WHERE pk = 'o-1'")));
    dynamo.executeTransaction(b -> b.clientRequestToken("token-1")
        .transactStatements(tx("UPDATE Orders SET n = 1 WHERE pk = 'o-1'")));

    Throwable thrown = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .clientRequestToken("token-1")
        .transactStatements(tx("DELETE FROM Orders WHERE pk = 'o-1'"))),
        IdempotentParameterMismatchException.class);

    assertThat(thrown).isNotNull();
    assertThat(keys()).containsExactly("o-1", "o-2", "o-3");
  }

  @Test
  void transactionRead_returnsItemsInOrder() {
    ExecuteTransactionResponse response = dynamo.executeTransaction(b -> b.transactStatements(
        tx("SELECT status FROM Orders WHERE pk = 'o-2'"),
        tx("SELECT * FROM Orders WHERE pk = 'o-9'")));

    assertThat(response.responses().get(0).item()).isEqualTo(Map.of("status", s("SHIPPED")));
    assertThat(response.responses().get(1).hasItem()).isFalse();
  }

  @Test
  void transactionRead_needsTheWholeKeyAlone_andNoIndex() {
    dynamo.updateTable(b -> b.tableName("Orders")
        .attributeDefinitions(d -> d.attributeName("status").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byStatus")
            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)))));

    DynamoDbException index = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(tx("SELECT * FROM Orders WHERE pk = 'o-1'"),
            tx("SELECT * FROM \"Orders\".\"byStatus\" WHERE status = 'NEW'"))),
        DynamoDbException.class);
    DynamoDbException filtered = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(tx("SELECT * FROM Orders WHERE pk = 'o-1' AND status = 'NEW'"))),
        DynamoDbException.class);
    DynamoDbException scan = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(tx("SELECT * FROM Orders WHERE pk = 'o-1'"),
            tx("SELECT * FROM Orders"))), DynamoDbException.class);
    BatchExecuteStatementResponse batch = dynamo.batchExecuteStatement(b -> b.statements(
        batch("SELECT * FROM Orders WHERE pk = 'o-1' AND status = 'NEW'")));

    assertThat(index.awsErrorDetails().errorMessage()).isEqualTo("Validation failed in"
        + " TransactStatements[1]: Reads on indices are not supported within transactions.");
    assertThat(filtered.awsErrorDetails().errorMessage()).isEqualTo("Validation failed in"
        + " TransactStatements[0]: Select statements within ExecuteTransaction must specify the"
        + " primary key in the where clause.");
    assertThat(scan.awsErrorDetails().errorMessage())
        .startsWith("Validation failed in TransactStatements[1]: Select statements");
    assertThat(batch.responses().get(0).error().message())
        .isEqualTo("Select statements within BatchExecuteStatement must specify the primary key"
            + " in the where clause.");
  }

  /**
   * A missing table cancels the transaction with a {@code ResourceNotFound} reason at its
   * statement (floci's DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB
   * 2026-09-17); until session 23 it was a top-level ResourceNotFoundException.
   */
  @Test
  void transaction_onAMissingTable_isCancelled_withAResourceNotFoundReason() {
    TransactionCanceledException thrown = catchThrowableOfType(() -> dynamo.executeTransaction(
        b -> b.transactStatements(tx("DELETE FROM Orders WHERE pk = 'o-1'"),
            tx("DELETE FROM Absent WHERE pk = 'o-1'"))), TransactionCanceledException.class);

    assertThat(thrown.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "ResourceNotFound");
    assertThat(thrown.cancellationReasons().get(1).message())
        .isEqualTo("Requested resource not found");
    assertThat(keys()).containsExactly("o-1", "o-2", "o-3");
  }

  @Test
  void transaction_refusesReturningAndMixedStatements() {
    DynamoDbException returning = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(tx("DELETE FROM Orders WHERE pk = 'o-1' RETURNING ALL OLD *"))),
        DynamoDbException.class);
    DynamoDbException mixed = catchThrowableOfType(() -> dynamo.executeTransaction(b -> b
        .transactStatements(tx("SELECT * FROM Orders WHERE pk = 'o-1'"),
            tx("DELETE FROM Orders WHERE pk = 'o-2'"))), DynamoDbException.class);

    assertThat(returning.awsErrorDetails().errorMessage()).isEqualTo("Validation failed in"
        + " TransactStatements[0]: RETURNING clause is not supported in ExecuteTransaction.");
    assertThat(mixed.awsErrorDetails().errorMessage()).isEqualTo("ExecuteTransaction API does"
        + " not support both read and write operations in the same request.");
    assertThat(keys()).containsExactly("o-1", "o-2", "o-3");
  }
}
