package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.testing.RunningTombstone;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Response;

/**
 * The SDK for Java v2's ExceptionUnmarshalling, S3ResponseMetadata, CreateBucket,
 * OperationsWithNonStandardResponses and ListBuckets integration tests, replayed: modeled
 * exceptions with their code, message and request ids, sync and async, request ids on
 * successful answers, and the bucket location a client outside us-east-1 creates.
 */
class SdkParityErrorsAndMetadataTest {
  private static final String BUCKET = "errors-and-metadata";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private final S3AsyncClient async = server.s3Async();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("present"), RequestBody.fromString("x".repeat(100)));
  }

  private static S3Exception thrown(Runnable call) {
    Throwable t = catchThrowable(call::run);
    return (S3Exception) (t instanceof java.util.concurrent.CompletionException ? t.getCause() : t);
  }

  private static void assertModeled(S3Exception e, Class<?> type, String code, int status) {
    assertThat(e).isInstanceOf(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.awsErrorDetails().errorMessage()).isNotEmpty();
    assertThat(e.awsErrorDetails().serviceName()).isEqualTo("S3");
    assertThat(e.requestId()).isNotEmpty();
    assertThat(e.extendedRequestId()).isNotEmpty();
  }

  private static Runnable join(Supplier<CompletableFuture<?>> call) {
    return () -> call.get().join();
  }

  @Test
  void missingKeysBucketsAndUploads_areTheirModeledExceptions_syncAndAsync() {
    assertModeled(thrown(() -> s3.getObject(b -> b.bucket(BUCKET).key("some-key"))),
        NoSuchKeyException.class, "NoSuchKey", 404);
    assertModeled(thrown(() -> s3.getObject(b -> b.bucket(BUCKET + "-gone").key("some-key"))),
        NoSuchBucketException.class, "NoSuchBucket", 404);
    assertModeled(thrown(() -> s3.getObjectAcl(b -> b.bucket(BUCKET).key("some-key"))),
        NoSuchKeyException.class, "NoSuchKey", 404);
    assertModeled(thrown(() -> s3.getObjectAcl(b -> b.bucket(BUCKET + "-gone").key("k"))),
        NoSuchBucketException.class, "NoSuchBucket", 404);
    assertModeled(thrown(() -> s3.getBucketPolicy(b -> b.bucket(BUCKET + "-gone"))),
        NoSuchBucketException.class, "NoSuchBucket", 404);
    assertModeled(thrown(join(() -> async.getBucketPolicy(b -> b.bucket(BUCKET + "-gone")))),
        NoSuchBucketException.class, "NoSuchBucket", 404);
    assertModeled(thrown(() -> s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("some-key")
        .uploadId("23232"))), NoSuchUploadException.class, "NoSuchUpload", 404);
  }

  @Test
  void headRequests_forMissingKeysAndBuckets_are404s_withTheModeledException() {
    assertModeled(thrown(() -> s3.headObject(b -> b.bucket(BUCKET).key("some-key"))),
        NoSuchKeyException.class, "NoSuchKey", 404);
    assertModeled(thrown(join(() -> async.headObject(b -> b.bucket(BUCKET).key("some-key")))),
        NoSuchKeyException.class, "NoSuchKey", 404);
    assertModeled(thrown(() -> s3.headBucket(b -> b.bucket("some-key"))),
        NoSuchBucketException.class, "NoSuchBucket", 404);
    assertModeled(thrown(join(() -> async.headBucket(b -> b.bucket("some-key")))),
        NoSuchBucketException.class, "NoSuchBucket", 404);
  }

  @Test
  void successfulAnswers_carryARequestIdAndAnExtendedRequestId_streamingOrNot() {
    for (S3Response response : new S3Response[] {
        s3.getObjectAcl(b -> b.bucket(BUCKET).key("present")),
        s3.getObject(b -> b.bucket(BUCKET).key("present"), ResponseTransformer.toBytes())
            .response(),
        async.getObjectAcl(b -> b.bucket(BUCKET).key("present")).join(),
        async.getObject(b -> b.bucket(BUCKET).key("present"), AsyncResponseTransformer.toBytes())
            .join().response()}) {
      assertThat(response.responseMetadata().requestId()).isNotEqualTo("UNKNOWN");
      assertThat(response.responseMetadata().extendedRequestId()).isNotEqualTo("UNKNOWN");
    }
  }

  @Test
  void bucketsCreatedWithoutAConfiguration_areInTheClientsRegion_andOwnerPays() {
    try (S3Client west = S3Client.builder().endpointOverride(server.tombstone().endpoint())
        .region(Region.US_WEST_2).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .build();
         S3Client global = S3Client.builder().endpointOverride(server.tombstone().endpoint())
        .region(Region.AWS_GLOBAL).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .build()) {
      west.createBucket(b -> b.bucket("west-bucket"));

      assertThat(west.getBucketLocation(b -> b.bucket("west-bucket")).locationConstraintAsString())
          .isEqualTo("us-west-2");
      assertThat(s3.getBucketLocation(b -> b.bucket(BUCKET)).locationConstraintAsString())
          .isEmpty();
      assertThat(west.getBucketRequestPayment(b -> b.bucket("west-bucket")).payer())
          .isEqualTo(Payer.BUCKET_OWNER);
      assertThat(global.listBuckets().buckets()).hasSize(2);
    }
  }
}
