package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.LegacyExpressionMixSdkTest.eq;
import static dev.tombstone.internal.dynamodb.protocol.LegacyExpressionMixSdkTest.expected;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The legacy {@code ConditionalOperator} joins the conditions of an {@code Expected}, {@code
 * QueryFilter} or {@code ScanFilter} map: DynamoDB refuses it without one, or with a map of
 * fewer than two conditions, and writes nothing.
 */
class ConditionalOperatorSdkTest {
  private static final String WITHOUT =
      "ConditionalOperator cannot be used without Filter or Expected";
  private static final String TWO_OR_MORE =
      "ConditionalOperator can only be used when Filter or Expected has two or more elements";
  /** PutItem, UpdateItem and DeleteItem report these inside the envelope (AWS, 2026-10). */
  private static final String ENVELOPE = "1 validation error detected: ";
  private static final Map<String, AttributeValue> KEY = Map.of("pk", s("k"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("cop").keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.putItem(b -> b.tableName("cop").item(Map.of("pk", s("k"), "a", s("x"))));
  }

  @Test
  void putItem_withOneExpectedCondition_isRefusedAndWritesNothing() {
    String refused = validationMessage(() -> dynamo.putItem(b -> b.tableName("cop").item(KEY)
        .expected(Map.of("a", expected("x"))).conditionalOperator("AND")));

    assertThat(refused).isEqualTo(ENVELOPE + TWO_OR_MORE);
    assertThat(stored()).containsEntry("a", s("x"));
  }

  @Test
  void putItem_withAnEmptyExpected_isRefusedAsWithoutExpected() {
    String refused = validationMessage(() -> dynamo.putItem(b -> b.tableName("cop")
        .item(Map.of("pk", s("new"))).expected(Map.of()).conditionalOperator("AND")));

    assertThat(refused).isEqualTo(ENVELOPE + WITHOUT);
    assertThat(dynamo.getItem(b -> b.tableName("cop").key(Map.of("pk", s("new")))).hasItem())
        .isFalse();
  }

  @Test
  void deleteItem_withOneExpectedCondition_isRefusedAndDeletesNothing() {
    String refused = validationMessage(() -> dynamo.deleteItem(b -> b.tableName("cop").key(KEY)
        .expected(Map.of("a", expected("x"))).conditionalOperator("OR")));

    assertThat(refused).isEqualTo(ENVELOPE + TWO_OR_MORE);
    assertThat(stored()).containsEntry("a", s("x"));
  }

  @Test
  void deleteItem_withOneInvalidExpectedEntry_reportsTheEntryBeforeTheCount() {
    // DynamoDB (Local) validates the Expected entries before it counts them.
    String refused = validationMessage(() -> dynamo.deleteItem(b -> b.tableName("cop").key(KEY)
        .expected(Map.of("a", ExpectedAttributeValue.builder().exists(true).build()))
        .conditionalOperator("OR")));

    assertThat(refused).isEqualTo(ENVELOPE + "One or more parameter values were invalid: Value"
        + " must be provided when Exists is true for Attribute: a");
    assertThat(stored()).containsEntry("a", s("x"));
  }

  @Test
  void updateItem_withOneExpectedCondition_isRefusedAndUpdatesNothing() {
    String refused = validationMessage(() -> dynamo.updateItem(b -> b.tableName("cop").key(KEY)
        .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().value(s("v"))
            .action(AttributeAction.PUT).build()))
        .expected(Map.of("a", expected("x"))).conditionalOperator("AND")));

    assertThat(refused).isEqualTo(ENVELOPE + TWO_OR_MORE);
    assertThat(stored()).containsEntry("a", s("x"));
  }

  @Test
  void putItem_withTwoExpectedConditions_isEvaluated() {
    dynamo.putItem(b -> b.tableName("cop").item(Map.of("pk", s("k"), "a", s("y")))
        .expected(Map.of("a", expected("nope"), "pk", expected("k")))
        .conditionalOperator("OR"));

    assertThat(stored()).containsEntry("a", s("y"));
  }

  @Test
  void scan_withOneOrNoScanFilterCondition_isRefused() {
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("cop")
        .scanFilter(Map.of("a", eq("x"))).conditionalOperator("AND"))))
        .isEqualTo(TWO_OR_MORE);
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("cop")
        .scanFilter(Map.of()).conditionalOperator("AND"))))
        .isEqualTo(WITHOUT);
  }

  @Test
  void query_withOneQueryFilterCondition_isRefused() {
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("cop")
        .keyConditions(Map.of("pk", eq("k"))).queryFilter(Map.of("a", eq("x")))
        .conditionalOperator("AND"))))
        .isEqualTo(TWO_OR_MORE);
  }

  @Test
  void query_withOnlyAConditionalOperator_reportsItBeforeTheMissingKeyCondition() {
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("cop")
        .conditionalOperator("AND")))).isEqualTo(WITHOUT);
  }

  @Test
  void putItem2011_hasNoConditionalOperator_soOneExpectedEntryStillApplies() {
    // The 2011-12-05 model has no ConditionalOperator: the member is ignored like any other
    // unknown one, and its Expected entries are always ANDed.
    Wire.Response response = wire.post("DynamoDB_20111205.PutItem", "{\"TableName\":\"cop\","
        + "\"Item\":{\"pk\":{\"S\":\"k\"},\"a\":{\"S\":\"y\"}},\"ConditionalOperator\":\"AND\","
        + "\"Expected\":{\"a\":{\"Value\":{\"S\":\"x\"}}}}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(stored()).containsEntry("a", s("y"));
  }

  private Map<String, AttributeValue> stored() {
    return dynamo.getItem(b -> b.tableName("cop").key(KEY).consistentRead(true)).item();
  }
}
