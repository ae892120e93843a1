package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * CreateMultipartUpload with {@code x-amz-tagging}, {@code x-amz-acl} and the grant headers
 * through the SDK v2: checked as PutObject checks them, applied to the completed version.
 */
class SdkMultipartTagsAndAclsTest {
  private static final String BUCKET = "multipart-tags";
  private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  /** Creates an upload of {@code key} with one part and completes it. */
  private void uploadInOnePart(String key,
      Consumer<CreateMultipartUploadRequest.Builder> create) {
    String uploadId = s3.createMultipartUpload(b -> create.accept(b.bucket(BUCKET).key(key)))
        .uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
        RequestBody.fromString("the only part")).eTag();
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
  }

  private S3Exception refusedCreate(Consumer<CreateMultipartUploadRequest.Builder> create) {
    return catchThrowableOfType(S3Exception.class, () ->
        s3.createMultipartUpload(b -> create.accept(b.bucket(BUCKET).key("k"))));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void taggingHeader_tagsTheCompletedVersion_withTagCountOnGetAndHead() {
    uploadInOnePart("report.csv", b -> b.tagging("team=ops&state=to%20delete"));

    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("report.csv")).tagCount()).isEqualTo(2);
    assertThat(s3.getObject(b -> b.bucket(BUCKET).key("report.csv")).response().tagCount())
        .isEqualTo(2);
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("report.csv")).tagSet())
        .containsExactly(tag("team", "ops"), tag("state", "to delete"));
  }

  @Test
  void invalidTags_areRefusedAtCreation_withPutObjectsErrors_andStartNoUpload() {
    String eleven = IntStream.range(0, 11).mapToObj(i -> "k" + i + "=v")
        .collect(Collectors.joining("&"));

    S3Exception tooMany = refusedCreate(b -> b.tagging(eleven));
    S3Exception duplicate = refusedCreate(b -> b.tagging("a=1&a=2"));
    S3Exception longKey = refusedCreate(b -> b.tagging("k".repeat(129) + "=v"));
    S3Exception longValue = refusedCreate(b -> b.tagging("k=" + "v".repeat(257)));

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("BadRequest");
    assertThat(tooMany.awsErrorDetails().errorMessage())
        .isEqualTo("Object tags cannot be greater than 10");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(duplicate.awsErrorDetails().errorMessage()).isEqualTo("The header"
        + " 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters"
        + " without tag name duplicates.");
    assertThat(longKey.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    assertThat(longKey.awsErrorDetails().errorMessage())
        .isEqualTo("The TagKey you have provided is invalid");
    assertThat(longValue.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    assertThat(longValue.awsErrorDetails().errorMessage())
        .isEqualTo("The TagValue you have provided is invalid");
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).hasUploads()).isFalse();
  }

  @Test
  void publicAcl_onABucketThatEnforcesOwnership_isAccessControlListNotSupported() {
    S3Exception canned = refusedCreate(b -> b.acl(ObjectCannedACL.PUBLIC_READ));
    S3Exception grant = refusedCreate(b -> b.grantRead("uri=\"" + ALL_USERS + "\""));
    uploadInOnePart("owned", b -> b.acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL));

    assertThat(canned.statusCode()).isEqualTo(400);
    assertThat(canned.awsErrorDetails().errorCode()).isEqualTo("AccessControlListNotSupported");
    assertThat(canned.awsErrorDetails().errorMessage()).isEqualTo("The bucket does not allow ACLs");
    assertThat(grant.awsErrorDetails().errorCode()).isEqualTo("AccessControlListNotSupported");
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).hasUploads()).isFalse();
    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("owned")).grants())
        .extracting(Grant::permission).containsExactly(Permission.FULL_CONTROL);
  }

  @Test
  void cannedAclAndGrantHeaders_withAclsEnabled_areStoredOnTheCompletedVersion() {
    s3.deleteBucketOwnershipControls(b -> b.bucket(BUCKET));
    s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));

    uploadInOnePart("canned", b -> b.acl(ObjectCannedACL.PUBLIC_READ));
    uploadInOnePart("granted", b -> b.grantRead("uri=\"" + ALL_USERS + "\""));
    uploadInOnePart("default", b -> { });

    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("canned")).grants())
        .extracting(Grant::permission)
        .containsExactly(Permission.FULL_CONTROL, Permission.READ);
    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("canned")).grants().get(1)
        .grantee().uri()).isEqualTo(ALL_USERS);
    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("granted")).grants())
        .singleElement().satisfies(grant -> {
          assertThat(grant.permission()).isEqualTo(Permission.READ);
          assertThat(grant.grantee().uri()).isEqualTo(ALL_USERS);
        });
    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("default")).grants())
        .extracting(Grant::permission).containsExactly(Permission.FULL_CONTROL);
  }

  @Test
  void aPublicAcl_whileTheBucketBlocksPublicAcls_isAccessDenied_andStartsNoUpload() {
    s3.deleteBucketOwnershipControls(b -> b.bucket(BUCKET));

    S3Exception canned = refusedCreate(b -> b.acl(ObjectCannedACL.PUBLIC_READ));
    S3Exception granted = refusedCreate(b -> b.grantRead("uri=\"" + ALL_USERS + "\""));

    assertThat(canned.statusCode()).isEqualTo(403);
    assertThat(canned.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(canned.awsErrorDetails().errorMessage()).isEqualTo("Access Denied");
    assertThat(granted.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).hasUploads()).isFalse();
  }

  @Test
  void cannedAclWithGrantHeaders_orAnUnknownCannedAcl_isRefusedAsPutObjectRefusesIt() {
    s3.deleteBucketOwnershipControls(b -> b.bucket(BUCKET));

    S3Exception both = refusedCreate(b -> b.acl(ObjectCannedACL.PRIVATE)
        .grantRead("uri=\"" + ALL_USERS + "\""));
    S3Exception unknown = refusedCreate(b -> b.acl("public-everything"));
    S3Exception unknownOnPut = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").acl("public-everything"), RequestBody.fromString("x")));

    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(both.awsErrorDetails().errorMessage())
        .isEqualTo("Specifying both Canned ACLs and Header Grants is not allowed");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(unknown.awsErrorDetails().errorMessage())
        .isEqualTo(unknownOnPut.awsErrorDetails().errorMessage());
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).hasUploads()).isFalse();
  }
}
