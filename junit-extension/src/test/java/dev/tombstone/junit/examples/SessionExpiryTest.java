package dev.tombstone.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.junit.DynamoDbTable;
import dev.tombstone.junit.TombstoneTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@TombstoneTest(manualClock = "2026-01-01T00:00:00Z")
@DynamoDbTable(name = "sessions", partitionKey = "id")
class SessionExpiryTest {
  static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("s-1"));

  @Test
  void sessionIsDeletedOnceItsTtlPasses(DynamoDbClient dynamo, ManualClock clock) {
    dynamo.updateTimeToLive(b -> b.tableName("sessions")
        .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
    long inOneHour = clock.now().plus(Duration.ofHours(1)).getEpochSecond();
    dynamo.putItem(b -> b.tableName("sessions").item(Map.of(
        "id", AttributeValue.fromS("s-1"),
        "expiresAt", AttributeValue.fromN(Long.toString(inOneHour)))));

    clock.advance(Duration.ofMinutes(59));
    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(KEY)).hasItem()).isTrue();

    clock.advance(Duration.ofMinutes(2));   // expiry has run when advance returns
    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(KEY)).hasItem()).isFalse();
  }

  @Test
  void everyTestStartsAtTheDeclaredInstant(ManualClock clock) {
    assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    clock.advance(Duration.ofDays(30));
  }
}
