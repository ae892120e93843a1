package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.ObjectEncryption;
import dev.tombstone.testing.RunningTombstone;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Objects report the encryption they were written with: the write's SSE headers, else the
 * bucket's default encryption at that moment; versions written before a change keep theirs.
 */
class SdkObjectEncryptionTest {
  private static final String BUCKET = "vault";
  private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private String keyArnPrefix;

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    keyArnPrefix = "arn:aws:kms:" + tombstone.s3().bucket(BUCKET).region() + ":000000000000:key/";
  }

  private void defaultKms(Optional<String> key, boolean bucketKey) {
    s3.putBucketEncryption(b -> b.bucket(BUCKET).serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.bucketKeyEnabled(bucketKey).applyServerSideEncryptionByDefault(d -> d
            .sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(key.orElse(null))))));
  }

  private PutObjectResponse put(String key) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
  }

  private HeadObjectResponse head(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key));
  }

  @Test
  void aBucketWithTheDefault_answersSseS3_everywhere() {
    PutObjectResponse put = put("plain");

    GetObjectResponse got = s3.getObject(b -> b.bucket(BUCKET).key("plain")).response();

    assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(put.ssekmsKeyId()).isNull();
    assertThat(put.bucketKeyEnabled()).isNull();
    assertThat(got.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(head("plain").ssekmsKeyId()).isNull();
  }

  @Test
  void aKmsDefault_encryptsNewObjectsWithItsKeyArn_andLeavesEarlierOnesAlone() {
    put("before");
    defaultKms(Optional.of(KEY_ID), true);

    PutObjectResponse put = put("after");

    assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(put.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(put.bucketKeyEnabled()).isTrue();
    HeadObjectResponse after = head("after");
    assertThat(after.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(after.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(after.bucketKeyEnabled()).isTrue();
    assertThat(s3.getObject(b -> b.bucket(BUCKET).key("after")).response().ssekmsKeyId())
        .isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(head("before").serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(head("before").ssekmsKeyId()).isNull();
  }

  @Test
  void aKmsDefaultWithoutAKey_usesOneAwsManagedKey() {
    defaultKms(Optional.empty(), false);

    PutObjectResponse first = put("a");
    PutObjectResponse second = put("b");

    assertThat(first.ssekmsKeyId()).startsWith(keyArnPrefix)
        .matches(".*:key/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(second.ssekmsKeyId()).isEqualTo(first.ssekmsKeyId());
    assertThat(first.bucketKeyEnabled()).isNull();
  }

  @Test
  void theWritesHeaders_overrideTheDefault() {
    defaultKms(Optional.of(KEY_ID), true);
    String otherKey = "arn:aws:kms:eu-west-1:111122223333:key/other";

    PutObjectResponse sseS3 = s3.putObject(b -> b.bucket(BUCKET).key("s3")
        .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("x"));
    PutObjectResponse arn = s3.putObject(b -> b.bucket(BUCKET).key("arn")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(otherKey)
        .bucketKeyEnabled(false), RequestBody.fromString("x"));
    PutObjectResponse dsse = s3.putObject(b -> b.bucket(BUCKET).key("dsse")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS_DSSE).ssekmsKeyId("k2"),
        RequestBody.fromString("x"));

    assertThat(sseS3.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(head("s3").ssekmsKeyId()).isNull();
    assertThat(arn.ssekmsKeyId()).isEqualTo(otherKey);
    assertThat(head("arn").bucketKeyEnabled()).isNull();
    assertThat(dsse.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS_DSSE);
    assertThat(head("dsse").ssekmsKeyId()).isEqualTo(keyArnPrefix + "k2");
    // S3 Bucket Keys are not supported for DSSE-KMS: the default's is not inherited.
    assertThat(head("dsse").bucketKeyEnabled()).isNull();
  }

  @Test
  void badEncryptionHeaders_areRefusedAsS3RefusesThem_andWriteNothing() {
    S3Exception unknown = catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("k").serverSideEncryption("AES128"), RequestBody.fromString("x")),
        S3Exception.class);
    S3Exception keyWithoutKms = catchThrowableOfType(() -> s3.putObject(b -> b.bucket(BUCKET)
        .key("k").ssekmsKeyId(KEY_ID), RequestBody.fromString("x")), S3Exception.class);
    S3Exception keyWithAes = catchThrowableOfType(() -> s3.createMultipartUpload(b -> b
        .bucket(BUCKET).key("k").serverSideEncryption(ServerSideEncryption.AES256)
        .ssekmsKeyId(KEY_ID)), S3Exception.class);

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(unknown.awsErrorDetails().errorMessage())
        .isEqualTo("The encryption method specified is not supported");
    for (S3Exception refused : new S3Exception[] {keyWithoutKms, keyWithAes}) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
      assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Server Side Encryption"
          + " with AWS KMS managed key requires HTTP header x-amz-server-side-encryption :"
          + " aws:kms");
    }
    assertThat(tombstone.s3().currentObject(BUCKET, "k")).isEmpty();
    assertThat(tombstone.s3().multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void aCopy_takesTheDestinationsEncryption_notTheSources() {
    s3.putObject(b -> b.bucket(BUCKET).key("kms").serverSideEncryption(
        ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY_ID), RequestBody.fromString("x"));

    CopyObjectResponse plain = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("kms")
        .destinationBucket(BUCKET).destinationKey("plain"));
    defaultKms(Optional.of("default-key"), false);
    CopyObjectResponse byDefault = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("plain")
        .destinationBucket(BUCKET).destinationKey("by-default"));

    assertThat(plain.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(head("plain").ssekmsKeyId()).isNull();
    assertThat(byDefault.ssekmsKeyId()).isEqualTo(keyArnPrefix + "default-key");
    assertThat(head("by-default").ssekmsKeyId()).isEqualTo(keyArnPrefix + "default-key");
  }

  @Test
  void aCopyOntoItself_isAllowed_whenItNamesAnyEncryption_orTheBucketHasAPutDefault() {
    put("self");

    CopyObjectResponse reencrypted = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("self")
        .destinationBucket(BUCKET).destinationKey("self")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY_ID));
    CopyObjectResponse namedAgain = s3.copyObject(b -> b.sourceBucket(BUCKET)
        .sourceKey("self").destinationBucket(BUCKET).destinationKey("self")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY_ID));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("self").destinationBucket(BUCKET)
        .destinationKey("self"));
    S3Exception unchanged = catchThrowableOfType(() -> s3.copyObject(b -> b.sourceBucket(BUCKET)
        .sourceKey("self").destinationBucket(BUCKET).destinationKey("self")), S3Exception.class);
    s3.putBucketEncryption(b -> b.bucket(BUCKET).serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.bucketKeyEnabled(false).applyServerSideEncryptionByDefault(d -> d
            .sseAlgorithm(ServerSideEncryption.AES256)))));
    CopyObjectResponse configured = s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("self")
        .destinationBucket(BUCKET).destinationKey("self"));
    s3.deleteBucketEncryption(b -> b.bucket(BUCKET));
    S3Exception deleted = catchThrowableOfType(() -> s3.copyObject(b -> b.sourceBucket(BUCKET)
        .sourceKey("self").destinationBucket(BUCKET).destinationKey("self")), S3Exception.class);

    assertThat(reencrypted.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(namedAgain.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(configured.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    for (S3Exception refused : new S3Exception[] {unchanged, deleted}) {
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
      assertThat(refused.awsErrorDetails().errorMessage()).startsWith("This copy request is"
          + " illegal because it is trying to copy an object to itself");
    }
    assertThat(head("self").storageClassAsString()).isNull();
  }

  @Test
  void aMultipartUpload_recordsTheEncryptionItWasCreatedWith() {
    defaultKms(Optional.of(KEY_ID), true);

    CreateMultipartUploadResponse created =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big"));
    s3.deleteBucketEncryption(b -> b.bucket(BUCKET));
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("big").uploadId(created.uploadId())
        .partNumber(1), RequestBody.fromString("part")).eTag();
    CompleteMultipartUploadResponse completed = s3.completeMultipartUpload(b -> b.bucket(BUCKET)
        .key("big").uploadId(created.uploadId())
        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));

    assertThat(created.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(created.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(created.bucketKeyEnabled()).isTrue();
    assertThat(completed.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(head("big").serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
  }

  @Test
  void versionsWithTheSameSetting_shareOneValue() {
    defaultKms(Optional.of(KEY_ID), false);

    put("one");
    put("two");

    ObjectEncryption one = tombstone.s3().currentObject(BUCKET, "one").orElseThrow().metadata()
        .encryption();
    ObjectEncryption two = tombstone.s3().currentObject(BUCKET, "two").orElseThrow().metadata()
        .encryption();
    assertThat(two).isSameAs(one);
  }

  @Test
  void listingsAndAttributes_doNotReportEncryption() {
    defaultKms(Optional.of(KEY_ID), false);
    put("listed");

    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
        .singleElement().satisfies(o -> assertThat(o.key()).isEqualTo("listed"));
    assertThat(s3.getObjectAttributes(b -> b.bucket(BUCKET).key("listed")
        .objectAttributes(software.amazon.awssdk.services.s3.model.ObjectAttributes.OBJECT_SIZE))
        .objectSize()).isEqualTo(6L);
  }
}
