package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/** UpdateTimeToLive, DescribeTimeToLive and the TTL sweep, through the SDK v2. */
class TimeToLiveProtocolTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  ManualClock clock;
  Tombstone tombstone;
  DynamoDbClient dynamo;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    tombstone = Tombstone.builder().clock(clock).start();
    dynamo = SdkClients.dynamoDb(tombstone.endpoint());
    dynamo.createTable(b -> b.tableName("sessions").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
  }

  @AfterEach
  void stop() {
    dynamo.close();
    tombstone.close();
  }

  void enable(String attribute) {
    dynamo.updateTimeToLive(b -> b.tableName("sessions")
        .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
  }

  Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  @Test
  void itemWithTtlInOneHour_isGoneAfterTheClockMovesTwoHours() {
    enable("expiresAt");
    long inOneHour = START.plus(Duration.ofHours(1)).getEpochSecond();
    dynamo.putItem(b -> b.tableName("sessions").item(Map.of(
        "id", AttributeValue.fromS("s-1"), "expiresAt", AttributeValue.fromN("" + inOneHour))));
    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(key("s-1"))).hasItem()).isTrue();

    clock.advance(Duration.ofHours(2));

    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(key("s-1")).consistentRead(true))
        .hasItem()).isFalse();
    assertThat(dynamo.scan(b -> b.tableName("sessions")).count()).isZero();
    assertThat(tombstone.dynamoDb().expiredItems("sessions")).hasSize(1);
  }

  @Test
  void expiredItem_leavesQueryAndItsGlobalIndex() {
    dynamo.createTable(b -> b.tableName("carts").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("user").keyType(KeyType.HASH),
            k -> k.attributeName("cart").keyType(KeyType.RANGE))
        .attributeDefinitions(
            a -> a.attributeName("user").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("cart").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byStatus")
            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    dynamo.updateTimeToLive(b -> b.tableName("carts")
        .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
    long inOneHour = START.plus(Duration.ofHours(1)).getEpochSecond();
    long inOneDay = START.plus(Duration.ofDays(1)).getEpochSecond();
    putCart("c-1", inOneHour);
    putCart("c-2", inOneDay);
    assertThat(cartsOfAlice()).containsExactly("c-1", "c-2");
    assertThat(abandonedCarts()).containsExactlyInAnyOrder("c-1", "c-2");

    clock.advance(Duration.ofHours(2));

    assertThat(cartsOfAlice()).containsExactly("c-2");
    assertThat(abandonedCarts()).containsExactly("c-2");
  }

  private void putCart(String cart, long expiresAt) {
    dynamo.putItem(b -> b.tableName("carts").item(Map.of(
        "user", AttributeValue.fromS("alice"), "cart", AttributeValue.fromS(cart),
        "status", AttributeValue.fromS("ABANDONED"),
        "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
  }

  private List<String> cartsOfAlice() {
    return dynamo.query(b -> b.tableName("carts").keyConditionExpression("#u = :u")
            .expressionAttributeNames(Map.of("#u", "user"))
            .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("alice"))))
        .items().stream().map(item -> item.get("cart").s()).toList();
  }

  private List<String> abandonedCarts() {
    return dynamo.query(b -> b.tableName("carts").indexName("byStatus")
            .keyConditionExpression("#s = :s")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("ABANDONED"))))
        .items().stream().map(item -> item.get("cart").s()).toList();
  }

  @Test
  void updateTimeToLive_answersTheSpecification_andDescribeShowsIt() {
    DescribeTimeToLiveResponse before =
        dynamo.describeTimeToLive(b -> b.tableName("sessions"));

    UpdateTimeToLiveResponse update = dynamo.updateTimeToLive(b -> b.tableName("sessions")
        .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
    DescribeTimeToLiveResponse after = dynamo.describeTimeToLive(b -> b.tableName("sessions"));

    assertThat(before.timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);
    assertThat(before.timeToLiveDescription().attributeName()).isNull();
    assertThat(update.timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
    assertThat(update.timeToLiveSpecification().enabled()).isTrue();
    assertThat(after.timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(after.timeToLiveDescription().attributeName()).isEqualTo("expiresAt");
  }

  @Test
  void updateTimeToLive_refusesWhatDynamoDbRefuses() {
    enable("expiresAt");

    assertThat(validationMessage(() -> enable("expiresAt")))
        .isEqualTo("TimeToLive is already enabled");
    assertThat(validationMessage(() -> enable("other"))).isEqualTo(
        "TimeToLive is active on a different AttributeName: current AttributeName is expiresAt");
    assertThat(validationMessage(() -> disable("expiresAt")))
        .isEqualTo("Time to live has been modified multiple times within a fixed interval");
    clock.advance(Duration.ofHours(1));
    disable("expiresAt");
    clock.advance(Duration.ofHours(1));
    assertThat(validationMessage(() -> disable("expiresAt")))
        .isEqualTo("TimeToLive is already disabled");
    assertThat(validationMessage(() -> dynamo.updateTimeToLive(b -> b.tableName("sessions")
        .timeToLiveSpecification(s -> s.attributeName("").enabled(true)))))
        .isEqualTo("1 validation error detected: Value '' at"
            + " 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 1");
    assertThat(validationMessage(() -> dynamo.updateTimeToLive(b -> b.tableName("sessions")
        .timeToLiveSpecification(s -> s.attributeName("x".repeat(256)).enabled(true)))))
        .startsWith("1 validation error detected: Value '" + "x".repeat(256) + "' at"
            + " 'timeToLiveSpecification.attributeName' failed to satisfy constraint:");
    assertThat(validationMessage(() -> dynamo.updateTimeToLive(b -> b.tableName("sessions"))))
        .isEqualTo("1 validation error detected: Value null at 'timeToLiveSpecification'"
            + " failed to satisfy constraint: Member must not be null");
  }

  @Test
  void anEmptySpecification_namesTheAttributeBeforeTheFlag() {
    // AWS's order as the ack-api-quirks catalogue recorded it in 2026 (DDB-TABLE-457).
    assertThat(validationMessage(() -> dynamo.updateTimeToLive(b -> b.tableName("sessions")
        .timeToLiveSpecification(s -> { }))))
        .isEqualTo("2 validation errors detected: Value null at"
            + " 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must"
            + " not be null; Value null at 'timeToLiveSpecification.enabled' failed to satisfy"
            + " constraint: Member must not be null");
  }

  @Test
  void timeToLiveOfAMissingTable_isResourceNotFound() {
    ResourceNotFoundException thrown = catchThrowableOfType(
        () -> dynamo.describeTimeToLive(b -> b.tableName("nope")),
        ResourceNotFoundException.class);

    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Table: nope not found");
  }

  void disable(String attribute) {
    dynamo.updateTimeToLive(b -> b.tableName("sessions")
        .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(false)));
  }
}
