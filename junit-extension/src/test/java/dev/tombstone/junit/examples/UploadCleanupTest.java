package dev.tombstone.junit.examples;

import static dev.tombstone.junit.TombstoneAssertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.junit.S3Bucket;
import dev.tombstone.junit.S3Objects;
import dev.tombstone.junit.TombstoneTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

@TombstoneTest
@S3Bucket(name = "uploads", versioning = S3Bucket.Versioning.ENABLED)
@S3Objects(bucket = "uploads", value = "fixtures/s3", prefix = "incoming/")
class UploadCleanupTest {

  @Test
  void deleteObject_leavesADeleteMarker(S3Client s3, Tombstone tombstone) {
    s3.deleteObject(b -> b.bucket("uploads").key("incoming/a.txt"));

    assertThat(tombstone.s3())
        .hasDeleteMarker("uploads", "incoming/a.txt")
        .hasVersions("uploads", "incoming/a.txt", 2)
        .hasContent("uploads", "incoming/reports/q1.csv", "q1 figures\n");
  }

  @Test
  void deletingEveryVersion_leavesNothing(S3Client s3, Tombstone tombstone) {
    String versionId = tombstone.s3().versions("uploads", "incoming/a.txt").get(0).versionId();

    s3.deleteObject(b -> b.bucket("uploads").key("incoming/a.txt").versionId(versionId));

    assertThat(tombstone.s3()).hasNoVersions("uploads", "incoming/a.txt");
  }
}
