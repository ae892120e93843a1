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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A write that asks for a retain-until date the emulator's clock has reached is refused as S3
 * refuses it (400 InvalidArgument), and stores nothing.
 */
class SdkPastRetainUntilDateTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String BUCKET = "vault";

  @RegisterExtension
  static final RunningTombstone server =
      RunningTombstone.perClass(b -> b.clock(ManualClock.startingAt(START)));

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  @BeforeEach
  void lockedBucket() {
    s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
  }

  static void assertInThePast(S3Exception thrown) {
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("The retain until date must be in the future!");
  }

  @Test
  void putObject_retainingUntilThePast_isInvalidArgument_andStoresNothing() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
            .objectLockRetainUntilDate(Instant.parse("2000-01-01T00:00:00Z")),
        RequestBody.fromString("x")));

    assertInThePast(thrown);
    assertThat(tombstone.s3().versions(BUCKET, "k")).isEmpty();
  }

  @Test
  void putObject_retainingUntilNow_isInvalidArgument() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").objectLockMode(ObjectLockMode.COMPLIANCE)
            .objectLockRetainUntilDate(START), RequestBody.fromString("x")));

    assertInThePast(thrown);
    assertThat(tombstone.s3().versions(BUCKET, "k")).isEmpty();
  }

  @Test
  void copyObject_retainingUntilThePast_isInvalidArgument_andStoresNothing() {
    s3.putObject(b -> b.bucket(BUCKET).key("source"), RequestBody.fromString("x"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(
        b -> b.sourceBucket(BUCKET).sourceKey("source").destinationBucket(BUCKET)
            .destinationKey("copy").objectLockMode(ObjectLockMode.GOVERNANCE)
            .objectLockRetainUntilDate(START.minus(Duration.ofDays(1)))));

    assertInThePast(thrown);
    assertThat(tombstone.s3().versions(BUCKET, "copy")).isEmpty();
  }

  @Test
  void errorDocument_namesTheHeaderAndItsValue() throws Exception {
    HttpRequest put = HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/" + BUCKET + "/k"))
        .header("x-amz-object-lock-mode", "GOVERNANCE")
        .header("x-amz-object-lock-retain-until-date", "2000-01-01T00:00:00Z")
        .header("Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==")
        .PUT(HttpRequest.BodyPublishers.ofString("hello"))
        .build();

    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(put, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<Code>InvalidArgument</Code>")
        .contains("<Message>The retain until date must be in the future!</Message>")
        .contains("<ArgumentName>x-amz-object-lock-retain-until-date</ArgumentName>")
        .contains("<ArgumentValue>2000-01-01T00:00:00Z</ArgumentValue>");
  }

  @Test
  void aDateOneSecondAhead_isAccepted() {
    Instant until = START.plus(Duration.ofSeconds(1));

    String version = s3.putObject(b -> b.bucket(BUCKET).key("k")
        .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until),
        RequestBody.fromString("x")).versionId();

    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("k").versionId(version))
        .retention().retainUntilDate()).isEqualTo(until);
  }
}
