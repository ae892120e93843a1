package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutObjectRetention reads a {@code RetainUntilDate} written without an offset as UTC, as S3
 * does (versity/versitygw#855 reports S3 accepting {@code YYYY-MM-DDThh:mm:ss}); the SDKs always
 * send an offset, so these requests go out raw. Text that is no date stays MalformedXML.
 */
class SdkRetentionDateWithoutOffsetTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String BUCKET = "vault";
  static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final S3Client s3 = server.s3();
  final RawObjectRequests raw = new RawObjectRequests(server.tombstone());
  String version;

  @BeforeEach
  void lockedVersion() {
    s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
    version = s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"))
        .versionId();
  }

  HttpResponse<String> putRetention(String retainUntil) {
    String body = "<Retention><Mode>COMPLIANCE</Mode><RetainUntilDate>" + retainUntil
        + "</RetainUntilDate></Retention>";
    return raw.send("PUT", "/" + BUCKET + "/k?retention&versionId=" + version, body,
        "Content-MD5", md5(body));
  }

  @Test
  void aDateWithoutOffset_isUtc_andHoldsTheVersionUntilThen() {
    HttpResponse<String> response = putRetention("2026-01-02T12:00:00");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("k").versionId(version))
        .retention().retainUntilDate()).isEqualTo(Instant.parse("2026-01-02T12:00:00Z"));
    clock.advance(Duration.ofHours(35));
    S3Exception refused = catchThrowableOfType(S3Exception.class,
        () -> s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version)));
    assertThat(refused.statusCode()).isEqualTo(403);
    clock.advance(Duration.ofHours(1));
    s3.deleteObject(b -> b.bucket(BUCKET).key("k").versionId(version));
    assertThat(server.tombstone().s3().versions(BUCKET, "k")).isEmpty();
  }

  @Test
  void aDateWithoutOffset_butWithFractions_isUtcToo() {
    assertThat(putRetention("2026-01-02T12:00:00.250").statusCode()).isEqualTo(200);

    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("k").versionId(version))
        .retention().mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("k").versionId(version))
        .retention().retainUntilDate()).isEqualTo(Instant.parse("2026-01-02T12:00:00.250Z"));
  }

  @Test
  void textThatIsNoDate_isMalformedXml_andLocksNothing() {
    HttpResponse<String> response = putRetention("next tuesday");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RawObjectRequests.element(response.body(), "Code")).isEqualTo("MalformedXML");
    S3Exception none = catchThrowableOfType(S3Exception.class, () -> s3.getObjectRetention(
        b -> b.bucket(BUCKET).key("k").versionId(version)));
    assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchObjectLockConfiguration");
  }

  static String md5(String body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
          .digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
