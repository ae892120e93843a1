package dev.tombstone.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.RecordedRequest;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.faults.Fault;
import dev.tombstone.faults.FaultRule;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** DynamoDB faults as the SDK v2 meets them at its default retry settings. */
class DynamoDbFaultsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void users() {
    tombstone.clearRequests();
    tombstone.dynamoDb().createTable("users", KeySchema.of(KeyAttribute.s("UserId")));
    for (int i = 1; i <= 5; i++) {
      tombstone.dynamoDb().putItem("users", Item.builder().put("UserId", "user00" + i).build());
    }
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("UserId", AttributeValue.fromS(id));
  }

  private List<RecordedRequest> requests(String operation) {
    return tombstone.requests().stream()
        .filter(r -> r.target().endsWith("." + operation)).toList();
  }

  @Test
  void twoThrottledDeleteItems_thenSuccess_theSdkRetried() {
    FaultRule rule = tombstone.faults().dynamoDb("DeleteItem").table("users").times(2)
        .respond(Fault.THROTTLED);

    dynamo.deleteItem(b -> b.tableName("users").key(key("user003")));

    assertThat(tombstone.dynamoDb().getItem("users",
        Map.of("UserId", dev.tombstone.dynamodb.AttributeValue.s("user003")))).isEmpty();
    List<RecordedRequest> deletes = requests("DeleteItem");
    assertThat(deletes).extracting(RecordedRequest::status).containsExactly(400, 400, 200);
    assertThat(deletes).extracting(RecordedRequest::fault).containsExactly(
        rule.id() + " ProvisionedThroughputExceededException",
        rule.id() + " ProvisionedThroughputExceededException", "");
    assertThat(tombstone.faults().rule(rule.id())).get()
        .satisfies(r -> assertThat(r.fired()).isEqualTo(2))
        .satisfies(r -> assertThat(r.exhausted()).isTrue());
  }

  @Test
  void throttlingException_isRetried() {
    FaultRule rule = tombstone.faults().dynamoDb("DeleteItem").times(1)
        .respond(Fault.THROTTLING_EXCEPTION);

    dynamo.deleteItem(b -> b.tableName("users").key(key("user001")));

    assertThat(requests("DeleteItem")).extracting(RecordedRequest::toString).containsExactly(
        "POST / DynamoDB_20120810.DeleteItem -> 400 [fault " + rule.id()
            + " ThrottlingException] {\"TableName\":\"users\",\"Key\":{\"UserId\":{\"S\":\"user001\"}}}",
        "POST / DynamoDB_20120810.DeleteItem -> 200 {\"TableName\":\"users\",\"Key\":{\"UserId\":{\"S\":\"user001\"}}}");
  }

  @Test
  void internalServerError_isRetried() {
    tombstone.faults().dynamoDb("DeleteItem").times(1).respond(Fault.INTERNAL_SERVER_ERROR);

    dynamo.deleteItem(b -> b.tableName("users").key(key("user001")));

    assertThat(requests("DeleteItem")).extracting(RecordedRequest::status)
        .containsExactly(500, 200);
  }

  @Test
  void batchWriteItem_unprocessedItems_resubmittedUntilEmpty() {
    tombstone.faults().dynamoDb("BatchWriteItem").table("users").times(2)
        .respond(Fault.unprocessed(2));
    List<WriteRequest> pending = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      pending.add(WriteRequest.builder()
          .deleteRequest(DeleteRequest.builder().key(key("user00" + i)).build()).build());
    }
    List<Integer> unprocessedPerCall = new ArrayList<>();

    Map<String, List<WriteRequest>> items = Map.of("users", pending);
    while (!items.isEmpty()) {
      Map<String, List<WriteRequest>> request = items;
      BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
      items = response.unprocessedItems();
      unprocessedPerCall.add(items.values().stream().mapToInt(List::size).sum());
    }

    // The second call's two requests are all held back: the SDK retries that answer itself.
    assertThat(unprocessedPerCall).containsExactly(2, 0);
    assertThat(requests("BatchWriteItem")).extracting(RecordedRequest::status)
        .containsExactly(200, 400, 200);
    assertThat(tombstone.dynamoDb().items("users")).isEmpty();
  }

  @Test
  void batchGetItem_unprocessedKeys_resubmittedUntilEveryItemIsRead() {
    tombstone.faults().dynamoDb("BatchGetItem").table("users").times(2)
        .respond(Fault.unprocessed(2));
    Map<String, KeysAndAttributes> request = Map.of("users", KeysAndAttributes.builder()
        .keys(key("user001"), key("user002"), key("user003"), key("user004"), key("user005"))
        .projectionExpression("UserId").consistentRead(true).build());

    List<String> read = new ArrayList<>();
    List<Integer> unprocessedPerCall = new ArrayList<>();
    while (!request.isEmpty()) {
      Map<String, KeysAndAttributes> next = request;
      BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(next));
      response.responses().getOrDefault("users", List.of())
          .forEach(item -> read.add(item.get("UserId").s()));
      request = response.unprocessedKeys();
      unprocessedPerCall.add(request.values().stream().mapToInt(k -> k.keys().size()).sum());
      request.values().forEach(keys -> {
        assertThat(keys.projectionExpression()).isEqualTo("UserId");
        assertThat(keys.consistentRead()).isTrue();
      });
    }

    assertThat(unprocessedPerCall).containsExactly(2, 0);
    assertThat(requests("BatchGetItem")).extracting(RecordedRequest::status)
        .containsExactly(200, 400, 200);
    assertThat(read).containsExactlyInAnyOrder(
        "user001", "user002", "user003", "user004", "user005");
  }

  @Test
  void batchWriteItem_heldBackRequests_areNotApplied() {
    tombstone.faults().dynamoDb("BatchWriteItem").times(1).respond(Fault.unprocessed(1));

    BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of("users",
        List.of(delete("user001"), delete("user002")))));

    assertThat(response.unprocessedItems().get("users")).containsExactly(delete("user002"));
    assertThat(tombstone.dynamoDb().items("users")).extracting(i -> i.get("UserId").toString())
        .hasSize(4).noneMatch(id -> id.contains("user001"));
  }

  @Test
  void batchWriteItem_partialFault_theJournalShowsTheBodyTheClientSent() {
    FaultRule rule =
        tombstone.faults().dynamoDb("BatchWriteItem").times(1).respond(Fault.unprocessed(1));

    dynamo.batchWriteItem(b -> b.requestItems(Map.of("users",
        List.of(delete("user001"), delete("user002")))));

    assertThat(requests("BatchWriteItem")).singleElement().satisfies(r -> {
      assertThat(r.fault()).isEqualTo(rule.id() + " unprocessed 1");
      assertThat(r.body()).isEqualTo("{\"RequestItems\":{\"users\":["
          + "{\"DeleteRequest\":{\"Key\":{\"UserId\":{\"S\":\"user001\"}}}},"
          + "{\"DeleteRequest\":{\"Key\":{\"UserId\":{\"S\":\"user002\"}}}}]}}");
    });
  }

  @Test
  void batchGetItem_everyKeyHeldBack_isProvisionedThroughputExceeded_thenTheRetryReads() {
    tombstone.faults().dynamoDb("BatchGetItem").times(1).respond(Fault.unprocessed(2));

    BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of("users",
        KeysAndAttributes.builder().keys(key("user001"), key("user002")).build())));

    assertThat(requests("BatchGetItem")).extracting(RecordedRequest::status)
        .containsExactly(400, 200);
    assertThat(response.responses().get("users")).hasSize(2);
    assertThat(response.unprocessedKeys()).isEmpty();
  }

  @Test
  void partialBatch_whosePassedOnPartIsRefused_doesNotCountAsFired() {
    FaultRule rule = tombstone.faults().dynamoDb("BatchWriteItem").table("users").times(1)
        .respond(Fault.unprocessed(1));

    Throwable thrown = catchThrowable(() -> dynamo.batchWriteItem(b -> b.requestItems(
        Map.of("missing", List.of(delete("user001")), "users", List.of(delete("user002"))))));

    assertThat(thrown).isInstanceOf(ResourceNotFoundException.class);
    assertThat(requests("BatchWriteItem")).singleElement()
        .satisfies(r -> assertThat(r.faulted()).isFalse());
    assertThat(tombstone.faults().rule(rule.id())).get()
        .satisfies(r -> assertThat(r.fired()).isZero());
    assertThat(tombstone.dynamoDb().items("users")).hasSize(5);
  }

  private static WriteRequest delete(String id) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key(id)).build())
        .build();
  }

  @Test
  void transactWriteItems_cancelledByAConflict_changesNothing_andTheRetryWorks() {
    tombstone.faults().dynamoDb("TransactWriteItems").times(1).respond(Fault.TRANSACTION_CANCELED);
    List<TransactWriteItem> actions = List.of(
        TransactWriteItem.builder().delete(d -> d.tableName("users").key(key("user001"))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName("users").key(key("user002"))).build());

    TransactionCanceledException thrown = catchThrowableOfType(
        TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(actions)));

    assertThat(thrown.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("TransactionConflict", "None");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please"
        + " refer cancellation reasons for specific reasons [TransactionConflict, None]");
    assertThat(tombstone.dynamoDb().items("users")).hasSize(5);

    dynamo.transactWriteItems(b -> b.transactItems(actions));

    assertThat(tombstone.dynamoDb().items("users")).hasSize(3);
  }

  @Test
  void droppedConnectionAfterAConditionalDelete_theRetryFailsItsCondition() {
    tombstone.faults().dynamoDb("DeleteItem").key("user003").times(1).respond(Fault.DROP_AFTER);

    Throwable thrown = catchThrowable(() -> dynamo.deleteItem(b -> b.tableName("users")
        .key(key("user003")).conditionExpression("attribute_exists(UserId)")));

    assertThat(thrown).isInstanceOf(ConditionalCheckFailedException.class);
    assertThat(tombstone.dynamoDb().items("users")).hasSize(4);
    List<RecordedRequest> deletes = requests("DeleteItem");
    assertThat(deletes).extracting(RecordedRequest::status).containsExactly(200, 400);
    assertThat(deletes.get(0).fault()).endsWith("drop after");
  }

  @Test
  void droppedConnectionBefore_changesNothing_andTheRetrySucceeds() {
    FaultRule rule =
        tombstone.faults().dynamoDb("DeleteItem").times(1).respond(Fault.DROP_BEFORE);

    dynamo.deleteItem(b -> b.tableName("users").key(key("user003"))
        .conditionExpression("attribute_exists(UserId)"));

    List<RecordedRequest> deletes = requests("DeleteItem");
    assertThat(deletes).extracting(RecordedRequest::status)
        .containsExactly(RecordedRequest.NO_ANSWER, 200);
    assertThat(deletes.get(0).toString()).contains("-> no answer [fault " + rule.id() + " drop before]");
    assertThat(tombstone.dynamoDb().items("users")).hasSize(4);
  }

  @Test
  void latency_delaysTheNormalAnswer() {
    tombstone.faults().dynamoDb("DeleteItem").times(1).delay(Duration.ofMillis(300));

    long start = System.nanoTime();
    dynamo.deleteItem(b -> b.tableName("users").key(key("user001")));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(tookMillis).isGreaterThanOrEqualTo(300);
    assertThat(tombstone.dynamoDb().items("users")).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "42.0", "4.2E1", "420e-1"})
  void keyRule_matchesANumberPartitionKeyByValue(String written) {
    tombstone.dynamoDb().createTable("scores", KeySchema.of(KeyAttribute.n("Score")));
    FaultRule rule = tombstone.faults().dynamoDb("DeleteItem").key("42").times(1)
        .respond(Fault.THROTTLED);

    dynamo.deleteItem(b -> b.tableName("scores")
        .key(Map.of("Score", AttributeValue.fromN(written))));

    assertThat(requests("DeleteItem")).extracting(RecordedRequest::status)
        .containsExactly(400, 200);
    assertThat(tombstone.faults().rule(rule.id())).get()
        .satisfies(r -> assertThat(r.fired()).isEqualTo(1));
  }

  @Test
  void keyRule_doesNotFireForAnotherNumber_orAStringThatReadsTheSame() {
    tombstone.dynamoDb().createTable("scores", KeySchema.of(KeyAttribute.n("Score")));
    tombstone.faults().dynamoDb("DeleteItem").key("42").respond(Fault.THROTTLED);

    dynamo.deleteItem(b -> b.tableName("scores").key(Map.of("Score", AttributeValue.fromN("4.2"))));
    dynamo.deleteItem(b -> b.tableName("users").key(key("42.0")));

    assertThat(requests("DeleteItem")).extracting(RecordedRequest::status)
        .containsExactly(200, 200);
  }

  @Test
  void rulesForOtherTablesOrKeys_doNotFire() {
    tombstone.faults().dynamoDb("DeleteItem").table("orders").respond(Fault.THROTTLED);
    tombstone.faults().dynamoDb("DeleteItem").keyPrefix("admin-").respond(Fault.THROTTLED);

    dynamo.deleteItem(b -> b.tableName("users").key(key("user001")));

    assertThat(requests("DeleteItem")).singleElement()
        .satisfies(r -> assertThat(r.faulted()).isFalse());
    assertThat(tombstone.faults().rules()).extracting(FaultRule::fired).containsExactly(0, 0);
  }
}
