package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Operations of the SDK's S3 model that Tombstone does not serve (object annotations, which the
 * SDK's own multipart copy test exercises, the bucket metadata configurations and
 * UpdateObjectEncryption) answer 501 NotImplemented naming the operation, and never fall through
 * to the plain object or bucket operation of the same path: before, {@code PUT ?annotation}
 * overwrote the object with the annotation's body and {@code DELETE ?annotation} deleted the
 * object (bucket ABAC is served now: SdkBucketAbacTest).
 */
class SdkUnservedOperationsTest {
  private static final String BUCKET = "annotated";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();
  private final S3AsyncClient async = server.s3Async();

  @BeforeEach
  void objectInABucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("photo.jpg"), RequestBody.fromString("the object"));
  }

  private static void assertNotServed(Runnable call, String operation) {
    S3Exception e = catchThrowableOfType(S3Exception.class, call::run);
    assertThat(e.statusCode()).isEqualTo(501);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
    assertThat(e.awsErrorDetails().errorMessage()).contains(operation);
  }

  private void assertUntouched() {
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("photo.jpg")).asUtf8String())
        .isEqualTo("the object");
  }

  private static Runnable joined(java.util.concurrent.CompletableFuture<?> future) {
    return () -> {
      try {
        future.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw (RuntimeException) e.getCause();
      }
    };
  }

  @Test
  void objectAnnotations_areNotServed_andLeaveTheObjectAlone() {
    assertNotServed(joined(async.putObjectAnnotation(b -> b.bucket(BUCKET).key("photo.jpg")
            .annotationName("caption"), AsyncRequestBody.fromString("a cat"))),
        "PutObjectAnnotation (PUT ?annotation)");
    assertNotServed(joined(async.getObjectAnnotation(b -> b.bucket(BUCKET).key("photo.jpg")
            .annotationName("caption"), AsyncResponseTransformer.toBytes())),
        "GetObjectAnnotation (GET ?annotation)");
    assertNotServed(() -> s3.listObjectAnnotations(b -> b.bucket(BUCKET).key("photo.jpg")),
        "(GET ?annotation)");
    assertNotServed(() -> s3.deleteObjectAnnotation(b -> b.bucket(BUCKET).key("photo.jpg")
        .annotationName("caption")), "DeleteObjectAnnotation (DELETE ?annotation)");

    assertUntouched();
  }

  @Test
  void bucketMetadataConfigurations_areNotServed() {
    assertNotServed(() -> s3.getBucketMetadataConfiguration(b -> b.bucket(BUCKET)),
        "GetBucketMetadataConfiguration (GET ?metadataConfiguration)");
    assertNotServed(() -> s3.deleteBucketMetadataConfiguration(b -> b.bucket(BUCKET)),
        "DeleteBucketMetadataConfiguration (DELETE ?metadataConfiguration)");
    assertNotServed(() -> s3.updateBucketMetadataJournalTableConfiguration(b -> b.bucket(BUCKET)
            .journalTableConfiguration(j -> j.recordExpiration(r -> r.expiration("DISABLED")))),
        "UpdateBucketMetadataJournalTableConfiguration (PUT ?metadataJournalTable)");
    assertNotServed(() -> s3.updateBucketMetadataInventoryTableConfiguration(b -> b.bucket(BUCKET)
            .inventoryTableConfiguration(i -> i.configurationState("DISABLED"))),
        "UpdateBucketMetadataInventoryTableConfiguration (PUT ?metadataInventoryTable)");

    assertUntouched();
  }

  @Test
  void updateObjectEncryption_isNotServed_andDoesNotOverwriteTheObject() {
    Consumer<software.amazon.awssdk.services.s3.model.UpdateObjectEncryptionRequest.Builder> call =
        b -> b.bucket(BUCKET).key("photo.jpg")
            .objectEncryption(o -> o.ssekms(k -> k.kmsKeyArn(
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")));

    assertNotServed(() -> s3.updateObjectEncryption(call),
        "UpdateObjectEncryption (PUT ?encryption)");

    assertUntouched();
  }
}
