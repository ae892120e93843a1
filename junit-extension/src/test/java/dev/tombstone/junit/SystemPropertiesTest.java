package dev.tombstone.junit;

import static dev.tombstone.junit.TombstoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

class SystemPropertiesTest {

  /** Code under test that builds its own clients, as a Lambda handler or a Spring bean does. */
  static final class AccountCloser {
    String close(String userId) {
      try (DynamoDbClient dynamo = DynamoDbClient.create(); S3Client s3 = S3Client.create()) {
        dynamo.deleteItem(b -> b.tableName("users")
            .key(Map.of("UserId", AttributeValue.fromS(userId))));
        s3.putObject(b -> b.bucket("audit").key("closed/" + userId), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket("uploads").key(userId + "/avatar.png"));
        return dynamo.serviceClientConfiguration().region().id();
      }
    }
  }

  @TombstoneTest(sdkSystemProperties = true, region = "eu-central-1")
  @DynamoDbTable(name = "users", partitionKey = "UserId")
  @S3Bucket(name = "audit")
  @S3Bucket(name = "uploads", versioning = S3Bucket.Versioning.ENABLED)
  static class HandlerWithItsOwnClients {
    @Test
    void handlerReachesTheEmulator(Tombstone tombstone) {
      tombstone.dynamoDb().putItem("users",
          dev.tombstone.dynamodb.Item.builder().put("UserId", "u1").build());
      tombstone.s3().putObject("uploads", "u1/avatar.png", "png");

      String region = new AccountCloser().close("u1");

      assertThat(region).isEqualTo("eu-central-1");
      assertThat(tombstone.dynamoDb()).table("users").isEmpty();
      assertThat(tombstone.s3()).containsObject("audit", "closed/u1")
          .hasDeleteMarker("uploads", "u1/avatar.png");
    }
  }

  @Test
  @ResourceLock(Resources.SYSTEM_PROPERTIES)
  void clientsBuiltByTheCodeUnderTest_reachTheEmulator_andPropertiesAreRestored() {
    System.setProperty("aws.region", "ap-south-1");
    System.clearProperty("aws.endpointUrl");
    try {
      Kit.run(HandlerWithItsOwnClients.class).testEvents()
          .assertStatistics(s -> s.succeeded(1).failed(0));

      assertThat(System.getProperty("aws.region")).isEqualTo("ap-south-1");
      assertThat(System.getProperty("aws.endpointUrl")).isNull();
      assertThat(System.getProperty("aws.accessKeyId")).isNull();
    } finally {
      System.clearProperty("aws.region");
    }
  }

  @TombstoneTest(sdkSystemProperties = true)
  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(Resources.SYSTEM_PROPERTIES)
  static class LockedParallel {
    @Test
    void one(Tombstone tombstone) {
      assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(tombstone.endpoint().toString());
    }

    @Test
    void two(Tombstone tombstone) {
      assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(tombstone.endpoint().toString());
    }
  }

  @Test
  @ResourceLock(Resources.SYSTEM_PROPERTIES)
  void concurrentTestsHoldingTheLock_eachSeeTheirOwnEmulator() {
    Kit.run(LockedParallel.class, Map.of("junit.jupiter.execution.parallel.enabled", "true"))
        .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }
}
