package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a completed multipart upload stores on its version: the part layout for
 * GetObjectAttributes, and the tags and ACL CreateMultipartUpload was given.
 */
class MultipartCompletionTest {
  private static final String BUCKET = "uploads";
  private static final int FIVE_MIB = (int) Multipart.MIN_PART_SIZE;
  private S3State s3;

  @BeforeEach
  void state() {
    s3 = new S3State("us-east-1", Clock.systemUTC());
    s3.createBucket(BUCKET);
  }

  private Multipart.CompletedPart upload(String uploadId, int number, int size,
      Optional<Checksum> checksum) {
    Multipart.Part part = s3.uploadPart(BUCKET, "k", uploadId, number,
        ObjectContent.of(new byte[size]), checksum);
    return new Multipart.CompletedPart(number, part.etag());
  }

  @Test
  void completedVersion_keepsEachPartsNumberSizeAndChecksum_inObjectOrder() {
    String uploadId = s3.createMultipartUpload(BUCKET, "k", ObjectMetadata.DEFAULT,
        Optional.of("CRC32")).uploadId();
    Multipart.CompletedPart first =
        upload(uploadId, 2, FIVE_MIB, Optional.of(new Checksum("CRC32", "first==")));
    Multipart.CompletedPart last =
        upload(uploadId, 7, 10, Optional.of(new Checksum("CRC32", "last==")));

    s3.completeMultipartUpload(BUCKET, "k", uploadId, List.of(first, last));

    ObjectParts parts = s3.currentObject(BUCKET, "k").orElseThrow().parts().orElseThrow();
    assertThat(parts.count()).isEqualTo(2);
    assertThat(parts.checksumAlgorithm()).hasValue("CRC32");
    assertThat(List.of(parts.partNumber(0), parts.partNumber(1))).containsExactly(2, 7);
    assertThat(List.of(parts.size(0), parts.size(1))).containsExactly((long) FIVE_MIB, 10L);
    assertThat(List.of(parts.checksum(0), parts.checksum(1)))
        .containsExactly(Optional.of("first=="), Optional.of("last=="));
  }

  @Test
  void withoutAChecksumAlgorithm_thePartsKeepNoChecksum_andAPutObjectHasNoParts() {
    String uploadId = s3.createMultipartUpload(BUCKET, "k", ObjectMetadata.DEFAULT,
        Optional.empty()).uploadId();
    Multipart.CompletedPart only =
        upload(uploadId, 1, 3, Optional.of(new Checksum("CRC32", "sent==")));

    s3.completeMultipartUpload(BUCKET, "k", uploadId, List.of(only));
    s3.putObject(BUCKET, "single", "x");

    ObjectParts parts = s3.currentObject(BUCKET, "k").orElseThrow().parts().orElseThrow();
    assertThat(parts.count()).isEqualTo(1);
    assertThat(parts.checksumAlgorithm()).isEmpty();
    assertThat(parts.checksum(0)).isEmpty();
    assertThat(s3.currentObject(BUCKET, "single").orElseThrow().parts()).isEmpty();
  }

  @Test
  void aPartChecksumOfAnotherAlgorithm_isRefused_andThePartIsNotStored() {
    String uploadId = s3.createMultipartUpload(BUCKET, "k", ObjectMetadata.DEFAULT,
        Optional.of("SHA256")).uploadId();

    S3Error.InvalidRequest thrown = catchThrowableOfType(S3Error.InvalidRequest.class, () ->
        upload(uploadId, 1, 3, Optional.of(new Checksum("CRC32C", "sent=="))));

    assertThat(thrown).hasMessage("Checksum Type mismatch occurred, expected checksum Type:"
        + " sha256, actual checksum Type: crc32c");
    assertThat(s3.listParts(BUCKET, "k", uploadId)).isEmpty();
  }

  @Test
  void tagsAndAcl_ofTheUpload_goToTheCompletedVersion() {
    s3.deleteOwnershipControls(BUCKET);
    s3.putPublicAccessBlock(BUCKET, Optional.empty());
    AccessControlList publicRead = AccessControlList.canned(CannedAcl.PUBLIC_READ, s3.owner());
    String uploadId = s3.createMultipartUpload(BUCKET, "k", ObjectMetadata.DEFAULT,
        Optional.empty(), Map.of("team", "ops"), Optional.of(publicRead)).uploadId();
    Multipart.CompletedPart only = upload(uploadId, 1, 3, Optional.empty());

    s3.completeMultipartUpload(BUCKET, "k", uploadId, List.of(only));

    StoredObject stored = s3.currentObject(BUCKET, "k").orElseThrow();
    assertThat(stored.tags()).containsExactly(Map.entry("team", "ops"));
    assertThat(stored.acl()).isEqualTo(publicRead);
  }

  @Test
  void aPublicAcl_isRefusedAtCreation_whileTheBucketEnforcesOwnership() {
    AccessControlList publicRead = AccessControlList.canned(CannedAcl.PUBLIC_READ, s3.owner());

    S3Error thrown = catchThrowableOfType(S3Error.AccessControlListNotSupported.class, () ->
        s3.createMultipartUpload(BUCKET, "k", ObjectMetadata.DEFAULT, Optional.empty(),
            Map.of(), Optional.of(publicRead)));

    assertThat(thrown).hasMessage("The bucket does not allow ACLs");
    assertThat(s3.multipartUploads(BUCKET)).isEmpty();
  }

  @Test
  void ownershipEnforcedDuringTheUpload_refusesItsPublicAclAtCompletion_andLeavesItOpen() {
    s3.deleteOwnershipControls(BUCKET);
    s3.putPublicAccessBlock(BUCKET, Optional.empty());
    AccessControlList publicRead = AccessControlList.canned(CannedAcl.PUBLIC_READ, s3.owner());
    String uploadId = s3.createMultipartUpload(BUCKET, "k", ObjectMetadata.DEFAULT,
        Optional.empty(), Map.of(), Optional.of(publicRead)).uploadId();
    Multipart.CompletedPart only = upload(uploadId, 1, 3, Optional.empty());
    s3.putOwnershipControls(BUCKET, ObjectOwnership.BUCKET_OWNER_ENFORCED);

    Throwable thrown = catchThrowableOfType(S3Error.AccessControlListNotSupported.class, () ->
        s3.completeMultipartUpload(BUCKET, "k", uploadId, List.of(only)));

    assertThat(thrown).isNotNull();
    assertThat(s3.currentObject(BUCKET, "k")).isEmpty();
    assertThat(s3.listParts(BUCKET, "k", uploadId)).hasSize(1);
  }

  @Test
  void aBucketRemembersItsLastThousandCompletions_forARepeatedCompletion() {
    List<String> ids = new ArrayList<>();
    List<Multipart.CompletedPart> parts = new ArrayList<>();
    for (int i = 0; i <= CompletedUploads.LIMIT; i++) {
      String uploadId = s3.createMultipartUpload(BUCKET, "k", ObjectMetadata.DEFAULT,
          Optional.empty()).uploadId();
      Multipart.CompletedPart only = upload(uploadId, 1, 3, Optional.empty());
      s3.completeMultipartUpload(BUCKET, "k", uploadId, List.of(only));
      ids.add(uploadId);
      parts.add(only);
    }
    String newest = s3.currentObject(BUCKET, "k").orElseThrow().etag();

    S3Error.NoSuchUpload forgotten = catchThrowableOfType(S3Error.NoSuchUpload.class, () ->
        s3.completeMultipartUpload(BUCKET, "k", ids.get(0), List.of(parts.get(0))));
    PutObject.Result remembered = s3.completeMultipartUpload(BUCKET, "k", ids.get(1),
        List.of(parts.get(1)));

    assertThat(forgotten).isNotNull();
    assertThat(remembered.stored().etag()).isEqualTo(newest);
    assertThat(s3.versions(BUCKET, "k")).hasSize(1);
  }
}
