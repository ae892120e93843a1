package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.Versioning;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** @S3Bucket(objectLock = true): a bucket whose versions can be locked against deletes. */
class ObjectLockDeclarationTest {

  @TombstoneTest
  @S3Bucket(name = "vault", versioning = S3Bucket.Versioning.ENABLED, objectLock = true)
  static class Declared {
    @Test
    void aLockedVersionCannotBeDeleted(S3Client s3, Tombstone tombstone) {
      assertThat(s3.getObjectLockConfiguration(b -> b.bucket("vault"))
          .objectLockConfiguration().objectLockEnabled()).isEqualTo(ObjectLockEnabled.ENABLED);
      assertThat(tombstone.s3().versioning("vault")).isEqualTo(Versioning.ENABLED);
      String versionId = s3.putObject(b -> b.bucket("vault").key("a.txt")
          .objectLockMode(ObjectLockMode.GOVERNANCE)
          .objectLockRetainUntilDate(Instant.now().plus(1, ChronoUnit.DAYS)),
          RequestBody.fromString("kept")).versionId();

      S3Exception refused = catchThrowableOfType(S3Exception.class, () -> s3.deleteObject(
          b -> b.bucket("vault").key("a.txt").versionId(versionId)));

      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }
  }

  @Test
  void objectLock_createsTheBucketWithIt() {
    Kit.run(Declared.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @TombstoneTest
  @S3Bucket(name = "vault", objectLock = true)
  static class LockWithoutVersioning {
    @Test
    void test() {}
  }

  @Test
  void objectLockWithoutEnabledVersioning_isAConfigurationError() {
    assertThat(Kit.onlyFailure(Kit.run(LockWithoutVersioning.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @S3Bucket(name = \"vault\") on "
            + LockWithoutVersioning.class.getName() + ": objectLock = true with versioning ="
            + " UNVERSIONED; S3 turns versioning on for a bucket created with Object Lock and"
            + " refuses to suspend it (InvalidBucketState), so declare versioning ="
            + " S3Bucket.Versioning.ENABLED");
  }

  @TombstoneTest
  @S3Bucket(name = "vault", versioning = S3Bucket.Versioning.ENABLED, objectLock = true)
  static class MethodRedeclaresWithoutLock {
    @Test
    @S3Bucket(name = "vault", versioning = S3Bucket.Versioning.ENABLED)
    void test() {}
  }

  @Test
  void redeclaredWithoutTheLock_failsNamingTheDifference() throws Exception {
    assertThat(Kit.onlyFailure(Kit.run(MethodRedeclaresWithoutLock.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @S3Bucket(name = \"vault\") on "
            + MethodRedeclaresWithoutLock.class.getDeclaredMethod("test")
            + " conflicts with the declaration on " + MethodRedeclaresWithoutLock.class.getName()
            + ": objectLock false instead of true. A test has one bucket of a name; declare it"
            + " the same way in both places, or give the two different names");
  }

  @TombstoneTest(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class KeptBucketDeclaredOtherwise {
    @Test
    @Order(1)
    @S3Bucket(name = "vault", versioning = S3Bucket.Versioning.ENABLED, objectLock = true)
    void first() {}

    @Test
    @Order(2)
    @S3Bucket(name = "vault", versioning = S3Bucket.Versioning.ENABLED, objectLock = true)
    void same() {}

    @Test
    @Order(3)
    @S3Bucket(name = "vault", versioning = S3Bucket.Versioning.ENABLED)
    void withoutTheLock() {}
  }

  @Test
  void keptBucketWithTheLock_isRefusedWhenDeclaredWithout() throws Exception {
    EngineExecutionResults results = Kit.run(KeptBucketDeclaredOtherwise.class);

    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(1));
    assertThat(Kit.onlyFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Tombstone: @S3Bucket(name = \"vault\") on "
            + KeptBucketDeclaredOtherwise.class.getDeclaredMethod("withoutTheLock") + " failed:"
            + " IllegalStateException: bucket vault already exists with Object Lock enabled"
            + " instead of disabled; it is left from an earlier test (resetBeforeEach = false"
            + " keeps buckets), so declare the bucket the same way in every test or delete it"
            + " after the test that changes it");
  }
}
