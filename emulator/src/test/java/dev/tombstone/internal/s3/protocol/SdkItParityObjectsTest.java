package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.BlockingOutputStreamAsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.paginators.ListObjectVersionsIterable;

/**
 * Object-level assertions of the SDK for Java v2's S3 integration tests that S3 answers:
 * AclIntegrationTest, UploadMultiplePartIntegrationTest (sync and async),
 * Sync/AsyncServerSideEncryptionIntegrationTest, AsyncInOutStreamIntegrationTest,
 * CopyObjectIntegrationTest, S3UtilitiesConvenienceIntegrationTest, the extensions'
 * BucketExists/DefaultS3ExtensionIntegrationTest (existence is a HEAD's 404) and
 * DeleteBucketAndAllContentsIntegrationTest.
 */
class SdkItParityObjectsTest {
  private static final String BUCKET = "objects-it";
  private static final String KEY = "some-key";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private final S3AsyncClient async = server.s3Async();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromString("helloworld"));
  }

  @Test
  void objectAndBucketAcls_readTheSameSyncAndAsync_andPutBackAsRead() {
    GetObjectAclResponse objectAcl = s3.getObjectAcl(b -> b.bucket(BUCKET).key(KEY));
    GetBucketAclResponse bucketAcl = s3.getBucketAcl(b -> b.bucket(BUCKET));

    assertThat(objectAcl.equalsBySdkFields(
        async.getObjectAcl(b -> b.bucket(BUCKET).key(KEY)).join())).isTrue();
    assertThat(bucketAcl.equalsBySdkFields(async.getBucketAcl(b -> b.bucket(BUCKET)).join()))
        .isTrue();
    s3.putObjectAcl(b -> b.bucket(BUCKET).key(KEY)
        .accessControlPolicy(p -> p.owner(objectAcl.owner()).grants(objectAcl.grants())));
    async.putBucketAcl(b -> b.bucket(BUCKET)
        .accessControlPolicy(p -> p.owner(bucketAcl.owner()).grants(bucketAcl.grants()))).join();
    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key(KEY)).equalsBySdkFields(objectAcl))
        .isTrue();
    assertThat(s3.getBucketAcl(b -> b.bucket(BUCKET)).equalsBySdkFields(bucketAcl)).isTrue();
  }

  @Test
  void multipartUploads_completeToTheirParts_andAnAbortedOneIsNoLongerListed() {
    String content = "x".repeat(1000);
    String completed = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("complete"))
        .uploadId();
    String etag = async.uploadPart(b -> b.bucket(BUCKET).key("complete").uploadId(completed)
        .partNumber(1), AsyncRequestBody.fromString(content)).join().eTag();
    async.completeMultipartUpload(b -> b.bucket(BUCKET).key("complete").uploadId(completed)
        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag)))).join();
    String aborted = async.createMultipartUpload(b -> b.bucket(BUCKET).key("abort")).join()
        .uploadId();
    for (int part = 1; part <= 3; part++) {
      int number = part;
      s3.uploadPart(b -> b.bucket(BUCKET).key("abort").uploadId(aborted).partNumber(number),
          RequestBody.fromString(content));
    }
    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("abort").uploadId(aborted));

    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("complete")).asUtf8String())
        .isEqualTo(content);
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
    assertThat(async.listMultipartUploads(b -> b.bucket(BUCKET)).join().uploads()).isEmpty();
  }

  @Test
  void everyKindOfServerSideEncryption_readsBackTheBytes_syncAndAsync() throws Exception {
    byte[] data = new byte[10_000];
    new Random(3).nextBytes(data);
    byte[] secret = new byte[32];
    new Random(4).nextBytes(secret);
    String key = Base64.getEncoder().encodeToString(secret);
    String keyMd5 = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("MD5").digest(secret));
    s3.createBucket(b -> b.bucket("with-sse"));
    s3.putBucketEncryption(b -> b.bucket("with-sse").serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(
            ServerSideEncryption.AWS_KMS).kmsMasterKeyID("1234abcd-12ab-34cd-56ef-1234567890ab")))));

    s3.putObject(b -> b.bucket(BUCKET).key("aes").serverSideEncryption(
        ServerSideEncryption.AES256), RequestBody.fromBytes(data));
    async.putObject(b -> b.bucket(BUCKET).key("kms").serverSideEncryption(
        ServerSideEncryption.AWS_KMS), AsyncRequestBody.fromBytes(data)).join();
    // Buckets created since April 2026 block SSE-C until their encryption rule unblocks it.
    s3.putBucketEncryption(b -> b.bucket(BUCKET).serverSideEncryptionConfiguration(c -> c
        .rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(
            ServerSideEncryption.AES256)).blockedEncryptionTypes(t -> t.encryptionType(
                EncryptionType.NONE)))));
    s3.putObject(b -> b.bucket(BUCKET).key("customer").sseCustomerAlgorithm("AES256")
        .sseCustomerKey(key).sseCustomerKeyMD5(keyMd5), RequestBody.fromBytes(data));
    async.putObject(b -> b.bucket("with-sse").key("default"), AsyncRequestBody.fromBytes(data))
        .join();

    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("aes")).asByteArray())
        .isEqualTo(data);
    assertThat(async.getObject(b -> b.bucket(BUCKET).key("kms"),
        AsyncResponseTransformer.toBytes()).join().asByteArray()).isEqualTo(data);
    assertThat(async.getObject(b -> b.bucket(BUCKET).key("customer").sseCustomerAlgorithm(
        "AES256").sseCustomerKey(key).sseCustomerKeyMD5(keyMd5),
        AsyncResponseTransformer.toBytes()).join().asByteArray()).isEqualTo(data);
    assertThat(s3.getObject(b -> b.bucket("with-sse").key("default"),
        ResponseTransformer.toBytes()).response().serverSideEncryption())
        .isEqualTo(ServerSideEncryption.AWS_KMS);
  }

  @Test
  void aBodyWrittenThroughABlockingOutputStream_readsBackThroughABlockingInputStream()
      throws Exception {
    long length = 4 * 1024 * 1024;
    BlockingOutputStreamAsyncRequestBody body = AsyncRequestBody.forBlockingOutputStream(length);
    CompletableFuture<?> put = async.putObject(b -> b.bucket(BUCKET).key("stream"), body);
    try (OutputStream out = body.outputStream()) {
      for (int i = 0; i < length; i++) {
        out.write(i % 255);
      }
    }
    put.join();

    try (ResponseInputStream<GetObjectResponse> in = async.getObject(
        b -> b.bucket(BUCKET).key("stream"), AsyncResponseTransformer.toBlockingInputStream())
        .join()) {
      assertThat(in.response().contentLength()).isEqualTo(length);
      byte[] read = in.readAllBytes();
      assertThat(read).hasSize((int) length);
      assertThat(IntStream.range(0, read.length).allMatch(i -> (read[i] & 0xff) == i % 255))
          .isTrue();
    }
  }

  @Test
  void aCopy_toANewKey_isThereForHeadObject() {
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey(KEY).destinationBucket(BUCKET)
        .destinationKey("destination-key"));

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("destination-key")).contentLength())
        .isEqualTo(10L);
  }

  @Test
  void existenceChecks_areHeadRequests_answering404ForWhatIsMissing() {
    s3.headBucket(b -> b.bucket(BUCKET));
    s3.headObject(b -> b.bucket(BUCKET).key(KEY));
    async.headBucket(b -> b.bucket(BUCKET)).join();

    assertThat(catchThrowableOfType(() -> s3.headObject(b -> b.bucket(BUCKET).key("no-such-key")),
        NoSuchKeyException.class).statusCode()).isEqualTo(404);
    assertThat(catchThrowableOfType(() -> s3.headBucket(b -> b.bucket("no-such-bucket-x")),
        NoSuchBucketException.class).statusCode()).isEqualTo(404);
  }

  @Test
  void aVersionedBucketOfOverOneThousandVersions_canBeEmptiedAndDeleted() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    IntStream.range(0, 1_050).parallel().forEach(i -> s3.putObject(b -> b.bucket(BUCKET)
        .key(String.valueOf(i)), RequestBody.fromString("v1-" + i)));
    IntStream.range(0, 50).parallel().forEach(i -> s3.putObject(b -> b.bucket(BUCKET)
        .key(String.valueOf(i)), RequestBody.fromString("v2-" + i)));

    ListObjectVersionsIterable pages = s3.listObjectVersionsPaginator(b -> b.bucket(BUCKET));
    List<ObjectIdentifier> all = pages.versions().stream()
        .map(v -> ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build())
        .collect(Collectors.toList());
    assertThat(all).hasSize(1_050 + 50 + 1);   // and the first version of "some-key"
    for (int from = 0; from < all.size(); from += 1_000) {
      List<ObjectIdentifier> batch = all.subList(from, Math.min(all.size(), from + 1_000));
      assertThat(s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(batch)))
          .errors()).isEmpty();
    }
    s3.deleteBucket(b -> b.bucket(BUCKET));

    assertThat(catchThrowableOfType(() -> s3.headBucket(b -> b.bucket(BUCKET)),
        NoSuchBucketException.class).statusCode()).isEqualTo(404);
  }
}
