package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * UploadPart and UploadPartCopy answer the encryption CreateMultipartUpload fixed for the
 * upload (its headers, else the bucket's default then), as S3 does, not SSE-S3.
 */
class SdkMultipartEncryptionTest {
  private static final String BUCKET = "parts";
  private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private String keyArnPrefix;

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("source"), RequestBody.fromString("copied bytes"));
    keyArnPrefix = "arn:aws:kms:" + tombstone.s3().bucket(BUCKET).region() + ":000000000000:key/";
  }

  private void defaultEncryption(ServerSideEncryption algorithm, Optional<String> key,
      boolean bucketKey) {
    s3.putBucketEncryption(b -> b.bucket(BUCKET).serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.bucketKeyEnabled(bucketKey).applyServerSideEncryptionByDefault(d -> d
            .sseAlgorithm(algorithm).kmsMasterKeyID(key.orElse(null))))));
  }

  private UploadPartResponse part(String key, String uploadId) {
    return s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part"));
  }

  private UploadPartCopyResponse copyPart(String key, String uploadId) {
    return s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("source")
        .destinationBucket(BUCKET).destinationKey(key).uploadId(uploadId).partNumber(2));
  }

  @Test
  void anSseKmsUpload_answersEachPartWithItsKeyAndBucketKey() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("kms")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY_ID)
        .bucketKeyEnabled(true)).uploadId();

    UploadPartResponse uploaded = part("kms", uploadId);
    UploadPartCopyResponse copied = copyPart("kms", uploadId);
    CompleteMultipartUploadResponse completed = s3.completeMultipartUpload(b -> b.bucket(BUCKET)
        .key("kms").uploadId(uploadId).multipartUpload(m -> m.parts(
            p -> p.partNumber(2).eTag(copied.copyPartResult().eTag()))));

    assertThat(uploaded.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(uploaded.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(uploaded.bucketKeyEnabled()).isTrue();
    assertThat(copied.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(copied.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(copied.bucketKeyEnabled()).isTrue();
    assertThat(completed.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(completed.ssekmsKeyId()).isEqualTo(keyArnPrefix + KEY_ID);
    assertThat(completed.bucketKeyEnabled()).isTrue();
  }

  @Test
  void anUploadIntoADsseKmsDefault_keepsThatEncryption_afterTheDefaultChanges() {
    defaultEncryption(ServerSideEncryption.AWS_KMS_DSSE, Optional.of("dsse-key"), false);
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("dsse")).uploadId();
    s3.deleteBucketEncryption(b -> b.bucket(BUCKET));

    UploadPartResponse uploaded = part("dsse", uploadId);
    UploadPartCopyResponse copied = copyPart("dsse", uploadId);

    assertThat(uploaded.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS_DSSE);
    assertThat(uploaded.ssekmsKeyId()).isEqualTo(keyArnPrefix + "dsse-key");
    assertThat(uploaded.bucketKeyEnabled()).isNull();
    assertThat(copied.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS_DSSE);
    assertThat(copied.ssekmsKeyId()).isEqualTo(keyArnPrefix + "dsse-key");
    assertThat(tombstone.s3().multipartUploads(BUCKET)).singleElement()
        .satisfies(u -> assertThat(u.encryption().algorithm()).isEqualTo("aws:kms:dsse"));
  }

  @Test
  void anSseS3Upload_stillAnswersAes256WithoutAKey() {
    defaultEncryption(ServerSideEncryption.AWS_KMS, Optional.of(KEY_ID), true);
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("plain")
        .serverSideEncryption(ServerSideEncryption.AES256)).uploadId();

    UploadPartResponse uploaded = part("plain", uploadId);
    UploadPartCopyResponse copied = copyPart("plain", uploadId);

    assertThat(uploaded.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(uploaded.ssekmsKeyId()).isNull();
    assertThat(uploaded.bucketKeyEnabled()).isNull();
    assertThat(copied.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(copied.ssekmsKeyId()).isNull();
  }
}
