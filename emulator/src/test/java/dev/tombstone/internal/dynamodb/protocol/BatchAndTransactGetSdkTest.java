package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.n;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** BatchGetItem and TransactGetItems through the SDK v2 client at default settings. */
class BatchAndTransactGetSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    for (String table : List.of("users", "orders")) {
      dynamo.createTable(b -> b.tableName(table).keySchema(key("id", KeyType.HASH))
          .attributeDefinitions(def("id", ScalarAttributeType.S))
          .billingMode(BillingMode.PAY_PER_REQUEST));
      for (int i = 0; i < 5; i++) {
        int v = i;
        dynamo.putItem(b -> b.tableName(table).item(Map.of("id", s(table + v), "v", n(v),
            "m", AttributeValue.fromM(Map.of("x", n(v))))));
      }
    }
  }

  @Test
  void batchGetItem_readsAcrossTables_withPerTableProjection_andNoUnprocessedKeys() {
    BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(
        "users", KeysAndAttributes.builder().keys(id("users0"), id("users3"), id("nobody"))
            .projectionExpression("id, m.x").consistentRead(true).build(),
        "orders", KeysAndAttributes.builder().keys(id("orders1")).build()))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(response.responses().get("users")).containsExactlyInAnyOrder(
        Map.of("id", s("users0"), "m", AttributeValue.fromM(Map.of("x", n(0)))),
        Map.of("id", s("users3"), "m", AttributeValue.fromM(Map.of("x", n(3)))));
    assertThat(response.responses().get("orders")).hasSize(1);
    assertThat(response.unprocessedKeys()).isEmpty();
    assertThat(response.consumedCapacity()).hasSize(2);
  }

  @Test
  void batchGetItem_refusesDuplicatesAndMoreThan100Keys() {
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of("users",
        KeysAndAttributes.builder().keys(id("users0"), id("users0")).build())))))
        .isEqualTo("Provided list of item keys contains duplicates");
    List<Map<String, AttributeValue>> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(id("k" + i));
    }
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of(
        "users", KeysAndAttributes.builder().keys(many).build(),
        "orders", KeysAndAttributes.builder().keys(many).build())))))
        .isEqualTo("Too many items requested for the BatchGetItem call");
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of("users",
        KeysAndAttributes.builder().keys(id("users0")).projectionExpression("id.x").build())))))
        .isEqualTo("Key attributes must be scalars; list random access '[]' and map lookup '.'"
            + " are not allowed: Key: id");
  }

  @Test
  void batchGetItem_constraintMessages_renderTheValueAsDynamoDbDoes() {
    List<Map<String, AttributeValue>> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(id("k" + i));
    }

    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of("ab",
        KeysAndAttributes.builder().keys(id("a")).build())))))
        .isEqualTo("1 validation error detected: Value '{\"ab\":{\"Keys\":[{\"id\":{\"S\":"
            + "\"a\"}}]}}' at 'requestItems'"
            + " failed to satisfy constraint: Map keys must satisfy constraint: [Member must"
            + " have length less than or equal to 255, Member must have length greater than or"
            + " equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of("users",
        KeysAndAttributes.builder().keys(tooMany).build())))))
        .isEqualTo("1 validation error detected: Value at 'RequestItems.users.member.Keys'"
            + " failed to satisfy constraint: Member must have length less than or equal to 100");
    List<TransactWriteItem> writes = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      String key = "w" + i;
      writes.add(TransactWriteItem.builder().put(p -> p.tableName("users")
          .item(Map.of("id", s(key)))).build());
    }
    assertThat(validationMessage(() -> dynamo.transactWriteItems(b -> b.transactItems(writes))))
        .matches("1 validation error detected: Value '\\[.*]' at 'transactItems' failed to"
            + " satisfy constraint: Member must have length less than or equal to 100");
  }

  @Test
  void emptyTransactItems_isRenderedAsAnEmptyList() {
    // paritysuite/dynamodb-conformance 2026 transactWriteItems and dynalite
    // test/transactWriteItem.js, 'should return ValidationException for empty TransactItems'.
    String expected = "1 validation error detected: Value '[]' at 'transactItems' failed to"
        + " satisfy constraint: Member must have length greater than or equal to 1";

    assertThat(validationMessage(() -> dynamo.transactWriteItems(b -> b.transactItems(List.of()))))
        .isEqualTo(expected);
    assertThat(validationMessage(() -> dynamo.transactGetItems(b -> b.transactItems(List.of()))))
        .isEqualTo(expected);
  }

  @Test
  void batchGetItem_refusesExpressionOnOneTableAndAttributesToGetOnAnother() {
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of(
        "users", KeysAndAttributes.builder().keys(id("users0")).projectionExpression("id")
            .build(),
        "orders", KeysAndAttributes.builder().keys(id("orders0")).attributesToGet("id")
            .build())))))
        .isEqualTo("Can not use both expression and non-expression parameters in the same"
            + " request: Non-expression parameters: {AttributesToGet} Expression parameters:"
            + " {ProjectionExpression}");
  }

  @Test
  void transactGetItems_returnsItemsInRequestOrder_emptyWhereMissing() {
    TransactGetItemsResponse response = dynamo.transactGetItems(b -> b.transactItems(
        TransactGetItem.builder().get(g -> g.tableName("orders").key(id("orders2"))).build(),
        TransactGetItem.builder().get(g -> g.tableName("users").key(id("nobody"))).build(),
        TransactGetItem.builder().get(g -> g.tableName("users").key(id("users4"))
            .projectionExpression("#v").expressionAttributeNames(Map.of("#v", "v"))).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(response.responses()).hasSize(3);
    assertThat(response.responses().get(0).item()).containsEntry("id", s("orders2"));
    assertThat(response.responses().get(1).hasItem()).isFalse();
    assertThat(response.responses().get(2).item()).isEqualTo(Map.of("v", n(4)));
    assertThat(response.consumedCapacity()).extracting(c -> c.capacityUnits())
        .containsExactlyInAnyOrder(2.0, 4.0);
  }

  @Test
  void transactGetItems_refusesTwoReadsOfOneItem() {
    assertThat(validationMessage(() -> dynamo.transactGetItems(b -> b.transactItems(
        TransactGetItem.builder().get(g -> g.tableName("users").key(id("users1"))).build(),
        TransactGetItem.builder().get(g -> g.tableName("users").key(id("users1"))).build()))))
        .isEqualTo("Transaction request cannot include multiple operations on one item");
  }

  static Stream<Map<String, AttributeValue>> keysNotFittingTheSchema() {
    return Stream.of(Map.of(), Map.of("id", n(1)), Map.of("v", s("users1")),
        Map.of("id", s("users1"), "v", n(1)));
  }

  // AWS cancels the read (transactGetItems.test.ts of the AWS-run conformance suite, Key: {}).
  @ParameterizedTest
  @MethodSource("keysNotFittingTheSchema")
  void transactGetItems_keyNotFittingTheSchema_cancelsWithAValidationErrorReason(
      Map<String, AttributeValue> key) {
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
        () -> dynamo.transactGetItems(b -> b.transactItems(
            TransactGetItem.builder().get(g -> g.tableName("users").key(id("users1"))).build(),
            TransactGetItem.builder().get(g -> g.tableName("orders").key(key)).build())));

    assertThat(e.getMessage()).startsWith("Transaction cancelled, please refer cancellation"
        + " reasons for specific reasons [None, ValidationError]");
    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "ValidationError");
    assertThat(e.cancellationReasons().get(1).message())
        .isEqualTo("The provided key element does not match the schema");
  }

  private static Map<String, AttributeValue> id(String id) {
    return Map.of("id", s(id));
  }
}
