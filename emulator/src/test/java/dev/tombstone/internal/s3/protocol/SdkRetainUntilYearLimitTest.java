package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Retain-until dates stay within four-digit years, the only ones the AWS SDKs read back: an
 * explicit date after 9999 is refused (400 InvalidArgument) and stores nothing, and a default
 * rule that would reach past 9999 retains until the end of 9999.
 */
class SdkRetainUntilYearLimitTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");
  static final String BUCKET = "vault";
  static final String UNREADABLE = "The retain until date must be provided in ISO 8601 format";

  static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  @BeforeEach
  void lockedBucket() {
    s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
  }

  static void assertUnreadable(S3Exception thrown) {
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(UNREADABLE);
  }

  @Test
  void putObject_retainingPastTheYear9999_isInvalidArgument_andStoresNothing() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").objectLockMode(ObjectLockMode.COMPLIANCE)
            .objectLockRetainUntilDate(YEAR_10000), RequestBody.fromString("x")));

    assertUnreadable(thrown);
    assertThat(tombstone.s3().versions(BUCKET, "k")).isEmpty();
  }

  @Test
  void copyObject_andCreateMultipartUpload_retainingPastTheYear9999_areInvalidArgument() {
    s3.putObject(b -> b.bucket(BUCKET).key("source"), RequestBody.fromString("x"));

    S3Exception copy = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(
        b -> b.sourceBucket(BUCKET).sourceKey("source").destinationBucket(BUCKET)
            .destinationKey("copy").objectLockMode(ObjectLockMode.GOVERNANCE)
            .objectLockRetainUntilDate(YEAR_10000)));
    S3Exception upload = catchThrowableOfType(S3Exception.class, () ->
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big")
            .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(YEAR_10000)));

    assertUnreadable(copy);
    assertUnreadable(upload);
    assertThat(tombstone.s3().versions(BUCKET, "copy")).isEmpty();
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void putObjectRetention_pastTheYear9999_isInvalidArgument_andChangesNothing() {
    Instant until = Instant.parse("2026-02-01T00:00:00Z");
    s3.putObject(b -> b.bucket(BUCKET).key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
        .objectLockRetainUntilDate(until), RequestBody.fromString("x"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObjectRetention(
        b -> b.bucket(BUCKET).key("k").retention(r -> r
            .mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(YEAR_10000))));

    assertUnreadable(thrown);
    var retention = s3.getObjectRetention(b -> b.bucket(BUCKET).key("k")).retention();
    assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
    assertThat(retention.retainUntilDate()).isEqualTo(until);
  }

  @Test
  void theLastSecondOf9999_isAccepted() {
    Instant last = Instant.parse("9999-12-31T23:59:59Z");

    s3.putObject(b -> b.bucket(BUCKET).key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
        .objectLockRetainUntilDate(last), RequestBody.fromString("x"));

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("k")).objectLockRetainUntilDate())
        .isEqualTo(last);
  }

  @Test
  void errorDocument_namesTheHeaderAndTheValueSent() throws Exception {
    HttpRequest put = HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/" + BUCKET + "/k"))
        .header("x-amz-object-lock-mode", "COMPLIANCE")
        .header("x-amz-object-lock-retain-until-date", "+999999999-01-01T00:00:00Z")
        .header("Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==")
        .PUT(HttpRequest.BodyPublishers.ofString("hello"))
        .build();

    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(put, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<Code>InvalidArgument</Code>")
        .contains("<Message>" + UNREADABLE + "</Message>")
        .contains("<ArgumentName>x-amz-object-lock-retain-until-date</ArgumentName>")
        .contains("<ArgumentValue>+999999999-01-01T00:00:00Z</ArgumentValue>");
    assertThat(tombstone.s3().versions(BUCKET, "k")).isEmpty();
  }

  @Test
  void aDefaultRuleReachingPastTheYear9999_retainsUntilTheEndOf9999() {
    s3.putObjectLockConfiguration(b -> b.bucket(BUCKET).objectLockConfiguration(c -> c
        .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d
            .mode(ObjectLockRetentionMode.COMPLIANCE).years(100)))));
    clock.set(Instant.parse("9950-01-01T00:00:00Z"));

    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));

    Instant endOf9999 = Instant.parse("9999-12-31T23:59:59.999Z");
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("k")).objectLockRetainUntilDate())
        .isEqualTo(endOf9999);
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("k")).retention()
        .retainUntilDate()).isEqualTo(endOf9999);
  }
}
