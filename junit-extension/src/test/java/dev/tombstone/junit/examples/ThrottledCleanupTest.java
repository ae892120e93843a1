package dev.tombstone.junit.examples;

import static dev.tombstone.junit.TombstoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.RecordedRequest;
import dev.tombstone.Tombstone;
import dev.tombstone.junit.DynamoDbFault;
import dev.tombstone.junit.DynamoDbTable;
import dev.tombstone.junit.S3Bucket;
import dev.tombstone.junit.S3Fault;
import dev.tombstone.junit.TombstoneTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

@TombstoneTest
@DynamoDbTable(name = "users", partitionKey = "UserId")
@S3Bucket(name = "uploads")
class ThrottledCleanupTest {

  @Test
  @DynamoDbFault(operation = "DeleteItem", table = "users", times = 2,
      error = "ProvisionedThroughputExceededException")
  void deleteItem_survivesTwoThrottles(DynamoDbClient dynamo, Tombstone tombstone) {
    Map<String, AttributeValue> key = Map.of("UserId", AttributeValue.fromS("user001"));
    dynamo.putItem(b -> b.tableName("users").item(key));

    dynamo.deleteItem(b -> b.tableName("users").key(key));   // the SDK retries by itself

    assertThat(tombstone.dynamoDb()).table("users").isEmpty();
    assertThat(tombstone.requests()).filteredOn(r -> r.target().endsWith("DeleteItem"))
        .extracting(RecordedRequest::status).containsExactly(400, 400, 200);
  }

  @Test
  @S3Fault(operation = "DeleteObject", bucket = "uploads", times = 1, error = "SlowDown")
  void deleteObject_survivesSlowDown(S3Client s3, Tombstone tombstone) {
    s3.putObject(b -> b.bucket("uploads").key("a.txt"), RequestBody.fromString("x"));

    s3.deleteObject(b -> b.bucket("uploads").key("a.txt"));

    assertThat(tombstone.s3()).doesNotContainObject("uploads", "a.txt");
    assertThat(tombstone.faults().rules()).singleElement()
        .satisfies(rule -> assertThat(rule.fired()).isEqualTo(1));
  }
}
