package dev.tombstone.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.RecordedRequest;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Rules scoped to a table fire for requests that name the table by its ARN. */
class TableArnFaultsSdkTest {
  private static final String USERS_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/users";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void users() {
    tombstone.clearRequests();
    tombstone.dynamoDb().createTable("users", KeySchema.of(KeyAttribute.s("UserId")));
    for (int i = 1; i <= 3; i++) {
      tombstone.dynamoDb().putItem("users", Item.builder().put("UserId", "user00" + i).build());
    }
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("UserId", AttributeValue.fromS(id));
  }

  private List<Integer> statuses(String operation) {
    return tombstone.requests().stream().filter(r -> r.target().endsWith("." + operation))
        .map(RecordedRequest::status).toList();
  }

  @Test
  void putItem_byTableArn_firesTheRuleForThatTable() {
    FaultRule rule = tombstone.faults().dynamoDb("PutItem").table("users").times(1)
        .respond(Fault.THROTTLING_EXCEPTION);

    dynamo.putItem(b -> b.tableName(USERS_ARN).item(key("user009")));

    assertThat(statuses("PutItem")).containsExactly(400, 200);
    assertThat(tombstone.faults().rule(rule.id())).get()
        .satisfies(r -> assertThat(r.fired()).isEqualTo(1));
  }

  @Test
  void deleteItem_byTableArn_matchesTheRulesKey() {
    FaultRule rule = tombstone.faults().dynamoDb("DeleteItem").table("users").key("user002")
        .times(1).respond(Fault.THROTTLED);

    dynamo.deleteItem(b -> b.tableName(USERS_ARN).key(key("user002")));

    assertThat(statuses("DeleteItem")).containsExactly(400, 200);
    assertThat(tombstone.faults().rule(rule.id())).get()
        .satisfies(r -> assertThat(r.fired()).isEqualTo(1));
  }

  @Test
  void transactWriteItems_byTableArn_conflictsOnTheSelectedAction() {
    tombstone.faults().dynamoDb("TransactWriteItems").table("users").key("user002").times(1)
        .respond(Fault.TRANSACTION_CANCELED);
    List<TransactWriteItem> actions = List.of(
        TransactWriteItem.builder().delete(d -> d.tableName(USERS_ARN).key(key("user001"))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(USERS_ARN).key(key("user002"))).build());

    TransactionCanceledException thrown = catchThrowableOfType(
        TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(actions)));

    assertThat(thrown.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "TransactionConflict");
    assertThat(tombstone.dynamoDb().items("users")).hasSize(3);
  }
}
