package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * SSE-KMS and DSSE-KMS objects have ETags that are not an MD5 digest of their data (S3's Object
 * reference): an opaque 32-hex value, new for every write and the same on every read of it.
 */
class SdkKmsETagTest {
  private static final String BUCKET = "sealed";
  private static final String BODY = "the same bytes";
  private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

  static final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T10:00:00Z"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private String putKms(String key, String body) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key)
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY_ID),
        RequestBody.fromString(body)).eTag();
  }

  private HeadObjectResponse head(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key));
  }

  private static byte[] md5(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("MD5").digest(bytes);
  }

  private static String quotedMd5(String body) throws Exception {
    return '"' + HexFormat.of().formatHex(md5(body.getBytes(StandardCharsets.UTF_8))) + '"';
  }

  @Test
  void aKmsPut_getsAnOpaqueETag_thatEveryReadAndListingRepeats() throws Exception {
    String first = putKms("a", BODY);
    String second = putKms("b", BODY);
    String dsse = s3.putObject(b -> b.bucket(BUCKET).key("c")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS_DSSE), RequestBody.fromString(BODY))
        .eTag();
    String plain = s3.putObject(b -> b.bucket(BUCKET).key("d"), RequestBody.fromString(BODY))
        .eTag();

    assertThat(first).matches("\"[0-9a-f]{32}\"").isNotEqualTo(quotedMd5(BODY));
    assertThat(second).matches("\"[0-9a-f]{32}\"").isNotEqualTo(first);
    assertThat(dsse).matches("\"[0-9a-f]{32}\"").isNotEqualTo(quotedMd5(BODY));
    assertThat(plain).isEqualTo(quotedMd5(BODY));
    assertThat(head("a").eTag()).isEqualTo(first);
    assertThat(s3.getObject(b -> b.bucket(BUCKET).key("a")).response().eTag()).isEqualTo(first);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("a")).contents())
        .singleElement().satisfies(o -> assertThat(o.eTag()).isEqualTo(first));
    assertThat(s3.listObjectVersions(b -> b.bucket(BUCKET).prefix("a")).versions())
        .singleElement().satisfies(v -> assertThat(v.eTag()).isEqualTo(first));
  }

  @Test
  void conditionsCompareWithTheOpaqueETag() {
    String etag = putKms("k", BODY);

    String read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k").ifMatch(etag))
        .asUtf8String();
    S3Exception stale = catchThrowableOfType(() -> s3.headObject(b -> b.bucket(BUCKET).key("k")
        .ifNoneMatch(etag)), S3Exception.class);
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k").destinationBucket(BUCKET)
        .destinationKey("copy").copySourceIfMatch(etag));
    String overwritten = s3.putObject(b -> b.bucket(BUCKET).key("k").ifMatch(etag),
        RequestBody.fromString("new")).eTag();

    assertThat(read).isEqualTo(BODY);
    assertThat(stale.statusCode()).isEqualTo(304);
    assertThat(head("copy").contentLength()).isEqualTo(BODY.length());
    assertThat(overwritten).isNotEqualTo(etag);
  }

  @Test
  void contentMd5_isStillCheckedAgainstTheBytes() throws Exception {
    byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
    String right = Base64.getEncoder().encodeToString(md5(bytes));
    String wrong = Base64.getEncoder().encodeToString(md5("other".getBytes(StandardCharsets.UTF_8)));

    String etag = s3.putObject(b -> b.bucket(BUCKET).key("md5").contentMD5(right)
        .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromBytes(bytes)).eTag();
    S3Exception refused = catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("bad").contentMD5(wrong).serverSideEncryption(ServerSideEncryption.AWS_KMS),
        RequestBody.fromBytes(bytes)), S3Exception.class);

    assertThat(etag).isNotEqualTo(quotedMd5(BODY));
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
  }

  @Test
  void aCopy_getsTheETagOfItsOwnEncryption() throws Exception {
    String source = putKms("source", BODY);

    String toSseS3 = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("source")
        .destinationBucket(BUCKET).destinationKey("plain")).copyObjectResult().eTag();
    String toKms = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("plain")
        .destinationBucket(BUCKET).destinationKey("kms")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS)).copyObjectResult().eTag();

    assertThat(toSseS3).isEqualTo(quotedMd5(BODY));
    assertThat(toKms).matches("\"[0-9a-f]{32}\"").isNotIn(source, quotedMd5(BODY));
    assertThat(head("kms").eTag()).isEqualTo(toKms);
  }

  @Test
  void aKmsMultipartUpload_hasOpaquePartETags_andTheMultipartForm() throws Exception {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS)).uploadId();

    String part = s3.uploadPart(b -> b.bucket(BUCKET).key("big").uploadId(uploadId)
        .partNumber(1), RequestBody.fromString(BODY)).eTag();
    String completed = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("big")
        .uploadId(uploadId).multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part))))
        .eTag();

    assertThat(part).matches("\"[0-9a-f]{32}\"").isNotEqualTo(quotedMd5(BODY));
    byte[] partDigest = HexFormat.of().parseHex(part.substring(1, 33));
    assertThat(completed)
        .isEqualTo('"' + HexFormat.of().formatHex(md5(partDigest)) + "-1\"");
    assertThat(head("big").eTag()).isEqualTo(completed);
  }

  @Test
  void aLifecycleTransition_keepsTheVersionsEncryptionAndETag() {
    String large = "x".repeat(200 * 1024);
    s3.putBucketLifecycleConfiguration(b -> b.bucket(BUCKET).lifecycleConfiguration(c -> c
        .rules(r -> r.id("archive").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
            .transitions(t -> t.days(0).storageClass(TransitionStorageClass.GLACIER_IR)))));
    String etag = putKms("moved", large);

    clock.set(clock.instant().plusSeconds(3 * 86_400));
    HeadObjectResponse moved = head("moved");

    assertThat(moved.storageClassAsString()).isEqualTo("GLACIER_IR");
    assertThat(moved.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(moved.ssekmsKeyId()).endsWith(KEY_ID);
    assertThat(moved.eTag()).isEqualTo(etag);
  }
}
