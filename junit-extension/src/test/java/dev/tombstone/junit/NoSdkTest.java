package dev.tombstone.junit;

import static dev.tombstone.junit.TombstoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the {@code no-sdk} surefire execution, whose classpath has no AWS SDK: the
 * extension must still load, start the emulator, inject it and provision declarations.
 */
@Tag("no-sdk")
class NoSdkTest {

  @TombstoneTest
  @DynamoDbTable(name = "users", partitionKey = "UserId")
  @DynamoDbItems(table = "users", value = "fixtures/users.json")
  @DynamoDbTable(name = "orders", partitionKey = "Id", timeToLiveAttribute = "expiresAt",
      globalSecondaryIndexes = @DynamoDbTable.GlobalIndex(name = "byStatus",
          partitionKey = "Status"))
  @S3Bucket(name = "uploads")
  static class WithoutTheSdk {
    @Injected URI endpoint;

    @Test
    void emulatorAndAssertionsWork(Tombstone tombstone) {
      assertThat(endpoint).isEqualTo(tombstone.endpoint());
      assertThat(tombstone.dynamoDb()).table("users").hasSize(2);
      assertThat(tombstone.s3()).hasBucket("uploads");
      assertThat(tombstone.dynamoDb().tableDefinition("orders").globalSecondaryIndexes())
          .singleElement().satisfies(index -> assertThat(index.name()).isEqualTo("byStatus"));
      assertThat(tombstone.dynamoDb().describeTimeToLive("orders").attributeName())
          .contains("expiresAt");
    }
  }

  @Test
  void theSdkIsReallyAbsent() {
    assertThat(catchThrowable(() -> Class.forName(Clients.DYNAMODB)))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void extensionWorksWithoutTheSdk() {
    Kit.run(WithoutTheSdk.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }
}
