package dev.tombstone.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.junit.DynamoDbTable;
import dev.tombstone.junit.TombstoneTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A stream consumer tells a TTL expiry from a user's delete by the record's userIdentity. */
@TombstoneTest(manualClock = "2026-01-01T00:00:00Z")
@DynamoDbTable(name = "sessions", partitionKey = "id", timeToLiveAttribute = "expiresAt",
    stream = DynamoDbTable.Stream.OLD_IMAGE)
class ExpiryStreamTest {

  @Test
  void expiryAndUserDeleteAreTwoKindsOfRemove(DynamoDbClient dynamo,
      DynamoDbStreamsClient streams, ManualClock clock) {
    String streamArn = dynamo.describeTable(b -> b.tableName("sessions")).table()
        .latestStreamArn();
    long inOneHour = clock.now().plus(Duration.ofHours(1)).getEpochSecond();
    dynamo.putItem(b -> b.tableName("sessions").item(Map.of(
        "id", AttributeValue.fromS("expiring"),
        "expiresAt", AttributeValue.fromN(Long.toString(inOneHour)))));
    dynamo.putItem(b -> b.tableName("sessions").item(Map.of(
        "id", AttributeValue.fromS("logged-out"))));

    dynamo.deleteItem(b -> b.tableName("sessions")
        .key(Map.of("id", AttributeValue.fromS("logged-out"))));
    clock.advance(Duration.ofHours(2));   // the TTL sweep has run when advance returns

    List<Record> removes = records(streams, streamArn).stream()
        .filter(r -> r.eventName() == OperationType.REMOVE)
        .toList();
    assertThat(removes).hasSize(2);
    assertThat(removes.get(0).dynamodb().keys().get("id").s()).isEqualTo("logged-out");
    assertThat(removes.get(0).userIdentity()).isNull();
    assertThat(removes.get(1).dynamodb().oldImage().get("id").s()).isEqualTo("expiring");
    assertThat(removes.get(1).userIdentity().type()).isEqualTo("Service");
    assertThat(removes.get(1).userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
  }

  private static List<Record> records(DynamoDbStreamsClient streams, String streamArn) {
    String shardId = streams.describeStream(b -> b.streamArn(streamArn))
        .streamDescription().shards().get(0).shardId();
    String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    return streams.getRecords(b -> b.shardIterator(iterator)).records();
  }
}
