package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;

/** The response headers in which S3 tells what lifecycle rules will do, through the SDK v2. */
class SdkLifecycleHeadersTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  @BeforeEach
  void reset() {
    tombstone.clearRequests();
  }

  static LifecycleRule abortAfter(String id, String prefix, int days) {
    return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(prefix))
        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(days)).build();
  }

  @Test
  void createMultipartUploadAndListParts_reportWhenTheEarliestMatchingRuleAborts() {
    s3.createBucket(b -> b.bucket("uploads"));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("uploads").lifecycleConfiguration(c -> c.rules(
        abortAfter("slow", "m/", 5), abortAfter("fast", "m/", 2), abortAfter("other", "n/", 1))));

    CreateMultipartUploadResponse created =
        s3.createMultipartUpload(b -> b.bucket("uploads").key("m/x"));
    ListPartsResponse parts = s3.listParts(b -> b.bucket("uploads").key("m/x")
        .uploadId(created.uploadId()));
    CreateMultipartUploadResponse unmatched =
        s3.createMultipartUpload(b -> b.bucket("uploads").key("z/x"));

    // Initiated 10:00 Jan 1: two days later, rounded up to midnight UTC, is Jan 4.
    assertThat(created.abortDate()).isEqualTo("2026-01-04T00:00:00Z");
    assertThat(created.abortRuleId()).isEqualTo("fast");
    assertThat(parts.abortDate()).isEqualTo(created.abortDate());
    assertThat(parts.abortRuleId()).isEqualTo("fast");
    assertThat(unmatched.abortDate()).isNull();
    assertThat(unmatched.abortRuleId()).isNull();

    clock.set(Instant.parse("2026-01-04T00:00:00Z"));
    assertThat(tombstone.requests()).filteredOn(r -> r.target().startsWith("Lifecycle."))
        .extracting(r -> r.target() + " " + r.body() + " " + r.time())
        .containsExactly("Lifecycle.MULTIPART_UPLOAD_ABORTED rule fast 2026-01-04T00:00:00Z");
  }

  static LifecycleRule expireAfterOneDay(String id, String prefix) {
    return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(prefix)).expiration(e -> e.days(1)).build();
  }

  @Test
  void copyObjectAndCompleteMultipartUpload_reportTheExpiryInXAmzExpiration() {
    s3.createBucket(b -> b.bucket("exp"));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("exp")
        .lifecycleConfiguration(c -> c.rules(expireAfterOneDay("expire", "a/"))));
    s3.putObject(b -> b.bucket("exp").key("a/1"), RequestBody.fromString("one"));

    String copy = s3.copyObject(b -> b.sourceBucket("exp").sourceKey("a/1")
        .destinationBucket("exp").destinationKey("a/copy")).expiration();
    String copyOutside = s3.copyObject(b -> b.sourceBucket("exp").sourceKey("a/1")
        .destinationBucket("exp").destinationKey("b/copy")).expiration();
    String uploadId = s3.createMultipartUpload(b -> b.bucket("exp").key("a/mpu")).uploadId();
    String etag = s3.uploadPart(b -> b.bucket("exp").key("a/mpu").uploadId(uploadId)
        .partNumber(1), RequestBody.fromString("part")).eTag();
    String completed = s3.completeMultipartUpload(b -> b.bucket("exp").key("a/mpu")
        .uploadId(uploadId).multipartUpload(m -> m.parts(
            CompletedPart.builder().partNumber(1).eTag(etag).build()))).expiration();

    String expected = "expiry-date=\"Sat, 03 Jan 2026 00:00:00 GMT\", rule-id=\"expire\"";
    assertThat(copy).isEqualTo(expected);
    assertThat(copyOutside).isNull();
    assertThat(completed).isEqualTo(expected);
  }

  @Test
  void ruleIdInXAmzExpiration_isUrlEncoded() {
    s3.createBucket(b -> b.bucket("rid"));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("rid").lifecycleConfiguration(c -> c.rules(
        expireAfterOneDay("quo\"te", "q/"), expireAfterOneDay("my rule/1", "s/"),
        expireAfterOneDay("règle-ü", "u/"))));

    String quote = s3.putObject(b -> b.bucket("rid").key("q/k"), RequestBody.fromString("k"))
        .expiration();
    String head = s3.headObject(b -> b.bucket("rid").key("q/k")).expiration();
    s3.putObject(b -> b.bucket("rid").key("s/k"), RequestBody.fromString("k"));
    s3.putObject(b -> b.bucket("rid").key("u/k"), RequestBody.fromString("k"));

    String date = "expiry-date=\"Sat, 03 Jan 2026 00:00:00 GMT\", ";
    assertThat(quote).isEqualTo(date + "rule-id=\"quo%22te\"");
    assertThat(head).isEqualTo(quote);
    assertThat(s3.headObject(b -> b.bucket("rid").key("s/k")).expiration())
        .isEqualTo(date + "rule-id=\"my%20rule%2F1\"");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("rid").key("u/k")).response().expiration())
        .isEqualTo(date + "rule-id=\"r%C3%A8gle-%C3%BC\"");
  }
}
