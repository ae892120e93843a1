package dev.tombstone.junit;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.s3.S3State;

/**
 * Entry point of the AssertJ assertions on emulator state (needs {@code assertj-core} on the
 * test classpath).
 *
 * <pre>{@code
 * import static dev.tombstone.junit.TombstoneAssertions.assertThat;
 *
 * assertThat(tombstone.dynamoDb()).table("users").doesNotContainKey("UserId", "u1");
 * assertThat(tombstone.s3()).hasDeleteMarker("uploads", "a.txt").hasVersions("uploads", "a.txt", 2);
 * }</pre>
 */
public final class TombstoneAssertions {
  private TombstoneAssertions() {}

  /** Assertions on the DynamoDB tables and items of an emulator. */
  public static DynamoDbStateAssert assertThat(DynamoDbState actual) {
    return new DynamoDbStateAssert(actual);
  }

  /** Assertions on the S3 buckets, objects, versions and delete markers of an emulator. */
  public static S3StateAssert assertThat(S3State actual) {
    return new S3StateAssert(actual);
  }
}
