package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** GetObjectAttributes, GetBucketLocation and ListObjectsV2's StartAfter/FetchOwner. */
class SdkObjectAttributesTest {
  private static final String BUCKET = "attributes";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @Test
  void attributes_ofAnOldVersion_withChecksumSizeAndStorageClass() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    var first = s3.putObject(b -> b.bucket(BUCKET).key("k")
        .checksumAlgorithm(ChecksumAlgorithm.SHA256).storageClass(StorageClass.STANDARD_IA),
        RequestBody.fromString("hello"));
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("a longer body"));

    GetObjectAttributesResponse attributes = s3.getObjectAttributes(b -> b.bucket(BUCKET)
        .key("k").versionId(first.versionId()).objectAttributes(ObjectAttributes.E_TAG,
            ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_SIZE,
            ObjectAttributes.STORAGE_CLASS));

    assertThat(attributes.eTag()).isEqualTo(first.eTag().replace("\"", ""));
    assertThat(attributes.objectSize()).isEqualTo(5L);
    assertThat(attributes.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
    assertThat(attributes.checksum().checksumSHA256()).isEqualTo(first.checksumSHA256());
    assertThat(attributes.versionId()).isEqualTo(first.versionId());
    assertThat(attributes.lastModified()).isNotNull();
  }

  @Test
  void attributes_ofAMultipartObject_countItsParts_andAnUnknownNameIsRefused() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp")).uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId)
        .partNumber(1), RequestBody.fromString("only part")).eTag();
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("mp").uploadId(uploadId)
        .multipartUpload(m -> m.parts(List.of(
            CompletedPart.builder().partNumber(1).eTag(etag).build()))));

    GetObjectAttributesResponse attributes = s3.getObjectAttributes(b -> b.bucket(BUCKET)
        .key("mp").objectAttributes(ObjectAttributes.OBJECT_PARTS));
    S3Exception unknown = catchThrowableOfType(S3Exception.class, () -> s3.getObjectAttributes(
        b -> b.bucket(BUCKET).key("mp").objectAttributesWithStrings("Colour")));

    assertThat(attributes.objectParts().totalPartsCount()).isEqualTo(1);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
  }

  @Test
  void getBucketLocation_andListObjectsV2_startAfterAndFetchOwner() {
    s3.createBucket(b -> b.bucket("eu-bucket").createBucketConfiguration(
        c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
    for (String key : List.of("a", "b", "c")) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }

    var listing = s3.listObjectsV2(b -> b.bucket(BUCKET).startAfter("a").fetchOwner(true));
    var withoutOwner = s3.listObjectsV2(b -> b.bucket(BUCKET));

    assertThat(s3.getBucketLocation(b -> b.bucket("eu-bucket")).locationConstraintAsString())
        .isEqualTo("eu-west-1");
    assertThat(s3.getBucketLocation(b -> b.bucket(BUCKET)).locationConstraintAsString())
        .isEmpty();
    assertThat(listing.contents()).extracting(o -> o.key()).containsExactly("b", "c");
    assertThat(listing.startAfter()).isEqualTo("a");
    assertThat(listing.contents().get(0).owner().id()).isEqualTo(tombstone.s3().owner().id());
    assertThat(withoutOwner.contents().get(0).owner()).isNull();
  }

  @Test
  void listObjectsV2_withATokenDoesNotEchoStartAfter_andRefusesAnEmptyToken() {
    for (String key : List.of("a", "b", "c", "d")) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }
    var first = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(1));

    var next = s3.listObjectsV2(b -> b.bucket(BUCKET).startAfter("c")
        .continuationToken(first.nextContinuationToken()));
    S3Exception empty = catchThrowableOfType(
        () -> s3.listObjectsV2(b -> b.bucket(BUCKET).continuationToken("")), S3Exception.class);

    assertThat(next.contents()).extracting(o -> o.key()).containsExactly("b", "c", "d");
    assertThat(next.startAfter()).isNull();
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(empty.awsErrorDetails().errorMessage())
        .isEqualTo("The continuation token provided is incorrect");
  }
}
