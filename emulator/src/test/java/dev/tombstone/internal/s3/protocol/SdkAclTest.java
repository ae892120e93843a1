package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import dev.tombstone.Tombstone;
import dev.tombstone.s3.Owner;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * ACLs, Object Ownership and the public access block through the SDK v2, the owner configured
 * on the builder, and the SDK v1's bucket probe.
 */
class SdkAclTest {
  private static final Owner OWNER = new Owner("0123abcd".repeat(8), "ops-team");
  private static final String BUCKET = "acls";

  @RegisterExtension
  static final RunningTombstone server =
      RunningTombstone.perClass(b -> b.owner(OWNER.id(), OWNER.displayName()));

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @Test
  void getBucketAcl_newBucket_ownerHasFullControl() {
    GetBucketAclResponse acl = s3.getBucketAcl(b -> b.bucket(BUCKET));

    assertThat(acl.owner().id()).isEqualTo(OWNER.id());
    assertThat(acl.owner().displayName()).isEqualTo("ops-team");
    assertThat(acl.grants()).singleElement().satisfies(grant -> {
      assertThat(grant.permission()).isEqualTo(Permission.FULL_CONTROL);
      assertThat(grant.grantee().type()).isEqualTo(Type.CANONICAL_USER);
      assertThat(grant.grantee().id()).isEqualTo(OWNER.id());
    });
  }

  @Test
  void sdkV1_doesBucketExistV2_isTrueForABucket_andFalseOtherwise() {
    AmazonS3 v1 = AmazonS3ClientBuilder.standard()
        .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(
            tombstone.endpoint().toString(), "us-east-1"))
        .withPathStyleAccessEnabled(true)
        .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("x", "y")))
        .build();
    try {
      assertThat(v1.doesBucketExistV2(BUCKET)).isTrue();
      assertThat(v1.doesBucketExistV2("no-such-bucket")).isFalse();
    } finally {
      v1.shutdown();
    }
  }

  @Test
  void getObjectAcl_ofAnOldVersion_andListingsShowTheConfiguredOwner() {
    s3.putBucketVersioning(b -> b.bucket(BUCKET)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    s3.deleteBucketOwnershipControls(b -> b.bucket(BUCKET));
    s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));
    String first = s3.putObject(b -> b.bucket(BUCKET).key("k").acl(ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("one")).versionId();
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("two"));

    GetObjectAclResponse old = s3.getObjectAcl(b -> b.bucket(BUCKET).key("k").versionId(first));
    GetObjectAclResponse current = s3.getObjectAcl(b -> b.bucket(BUCKET).key("k"));

    assertThat(old.grants()).extracting(Grant::permission)
        .containsExactly(Permission.FULL_CONTROL, Permission.READ);
    assertThat(old.grants().get(1).grantee().uri())
        .isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers");
    assertThat(current.grants()).extracting(Grant::permission)
        .containsExactly(Permission.FULL_CONTROL);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).fetchOwner(true)).contents().get(0)
        .owner().displayName()).isEqualTo("ops-team");
  }

  @Test
  void bucketOwnerEnforced_refusesPublicAcls_butAcceptsBucketOwnerFullControl() {
    S3Exception put = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("k").acl(ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("x")));
    s3.putObject(b -> b.bucket(BUCKET).key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
        RequestBody.fromString("x"));
    S3Exception putAcl = catchThrowableOfType(S3Exception.class, () -> s3.putBucketAcl(
        b -> b.bucket(BUCKET).acl(BucketCannedACL.PUBLIC_READ)));

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.awsErrorDetails().errorCode()).isEqualTo("AccessControlListNotSupported");
    assertThat(put.awsErrorDetails().errorMessage()).isEqualTo("The bucket does not allow ACLs");
    assertThat(putAcl.awsErrorDetails().errorCode()).isEqualTo("AccessControlListNotSupported");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).keyCount()).isEqualTo(1);
  }

  @Test
  void blockPublicAcls_refusesPublicAcls_onABucketWithAclsEnabled_untilTheBlockIsLifted() {
    s3.putBucketOwnershipControls(b -> b.bucket(BUCKET).ownershipControls(c -> c.rules(
        r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED))));
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));

    S3Exception put = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
        b -> b.bucket(BUCKET).key("public").acl(ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("x")));
    S3Exception objectAcl = catchThrowableOfType(S3Exception.class, () -> s3.putObjectAcl(
        b -> b.bucket(BUCKET).key("k").acl(ObjectCannedACL.AUTHENTICATED_READ)));
    S3Exception bucketAcl = catchThrowableOfType(S3Exception.class, () -> s3.putBucketAcl(b -> b
        .bucket(BUCKET).grantWrite("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")));
    s3.putBucketAcl(b -> b.bucket(BUCKET).acl("log-delivery-write"));
    s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").acl(ObjectCannedACL.AWS_EXEC_READ));

    for (S3Exception refused : List.of(put, objectAcl, bucketAcl)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Access Denied");
    }
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).extracting(o -> o.key())
        .containsExactly("k");

    s3.putPublicAccessBlock(b -> b.bucket(BUCKET).publicAccessBlockConfiguration(
        c -> c.blockPublicAcls(false).ignorePublicAcls(true).blockPublicPolicy(true)
            .restrictPublicBuckets(true)));
    s3.putObject(b -> b.bucket(BUCKET).key("public").acl(ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("x"));

    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("public")).grants())
        .extracting(Grant::permission).containsExactly(Permission.FULL_CONTROL, Permission.READ);
  }

  @Test
  void createBucket_withAPublicAcl_isRefusedByTheNewBucketsPublicAccessBlock() {
    S3Exception refused = catchThrowableOfType(S3Exception.class, () -> s3.createBucket(
        b -> b.bucket("open-data").acl(BucketCannedACL.PUBLIC_READ)
            .objectOwnership(ObjectOwnership.OBJECT_WRITER)));
    s3.createBucket(b -> b.bucket("owned-data").acl(BucketCannedACL.PRIVATE)
        .objectOwnership(ObjectOwnership.OBJECT_WRITER));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode())
        .isEqualTo("InvalidBucketAclWithBlockPublicAccessError");
    assertThat(refused.awsErrorDetails().errorMessage())
        .isEqualTo("Bucket cannot have public ACLs set with BlockPublicAccess enabled");
    assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name())
        .contains("owned-data").doesNotContain("open-data");
  }

  @Test
  void recreatingAnOwnedBucket_inUsEast1_resetsItsAcl_toTheOneTheRequestCarries() {
    s3.putBucketOwnershipControls(b -> b.bucket(BUCKET).ownershipControls(c -> c.rules(
        r -> r.objectOwnership(ObjectOwnership.OBJECT_WRITER))));
    s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));
    s3.putBucketAcl(b -> b.bucket(BUCKET).acl(BucketCannedACL.PUBLIC_READ));

    s3.createBucket(b -> b.bucket(BUCKET));
    List<Grant> reset = s3.getBucketAcl(b -> b.bucket(BUCKET)).grants();
    s3.createBucket(b -> b.bucket(BUCKET).acl("log-delivery-write")
        .objectOwnership(ObjectOwnership.OBJECT_WRITER));
    List<Grant> logDelivery = s3.getBucketAcl(b -> b.bucket(BUCKET)).grants();
    S3Exception publicAcl = catchThrowableOfType(S3Exception.class, () -> s3.createBucket(
        b -> b.bucket(BUCKET).acl(BucketCannedACL.PUBLIC_READ)
            .objectOwnership(ObjectOwnership.OBJECT_WRITER)));

    assertThat(reset).singleElement().satisfies(grant -> {
      assertThat(grant.permission()).isEqualTo(Permission.FULL_CONTROL);
      assertThat(grant.grantee().id()).isEqualTo(OWNER.id());
    });
    assertThat(logDelivery).extracting(Grant::permission)
        .containsExactly(Permission.FULL_CONTROL, Permission.WRITE, Permission.READ_ACP);
    assertThat(publicAcl.awsErrorDetails().errorCode())
        .isEqualTo("InvalidBucketAclWithBlockPublicAccessError");
    assertThat(s3.getBucketAcl(b -> b.bucket(BUCKET)).grants()).isEqualTo(logDelivery);
    assertThat(s3.getBucketOwnershipControls(b -> b.bucket(BUCKET)).ownershipControls().rules()
        .get(0).objectOwnership()).isEqualTo(ObjectOwnership.OBJECT_WRITER);
  }

  @Test
  void recreatingAnOwnedBucket_outsideUsEast1_isBucketAlreadyOwnedByYou_andKeepsItsAcl() {
    s3.createBucket(b -> b.bucket("west").createBucketConfiguration(
        c -> c.locationConstraint(BucketLocationConstraint.US_WEST_1)));
    s3.putBucketOwnershipControls(b -> b.bucket("west").ownershipControls(c -> c.rules(
        r -> r.objectOwnership(ObjectOwnership.OBJECT_WRITER))));
    s3.deletePublicAccessBlock(b -> b.bucket("west"));
    s3.putBucketAcl(b -> b.bucket("west").acl(BucketCannedACL.PUBLIC_READ));
    List<Grant> before = s3.getBucketAcl(b -> b.bucket("west")).grants();

    S3Exception again = catchThrowableOfType(S3Exception.class, () -> s3.createBucket(
        b -> b.bucket("west").createBucketConfiguration(
            c -> c.locationConstraint(BucketLocationConstraint.US_WEST_1))));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyOwnedByYou");
    assertThat(again.awsErrorDetails().errorMessage()).isEqualTo(
        "Your previous request to create the named bucket succeeded and you already own it.");
    assertThat(before).extracting(Grant::permission).contains(Permission.READ);
    assertThat(s3.getBucketAcl(b -> b.bucket("west")).grants()).isEqualTo(before);
  }

  @Test
  void recreatingABucketThatEnforcesOwnership_withAnAclGrantingOthers_isRefused() {
    S3Exception refused = catchThrowableOfType(S3Exception.class, () -> s3.createBucket(
        b -> b.bucket(BUCKET).acl("log-delivery-write")
            .objectOwnership(ObjectOwnership.OBJECT_WRITER)));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode())
        .isEqualTo("InvalidBucketAclWithObjectOwnership");
    assertThat(s3.getBucketOwnershipControls(b -> b.bucket(BUCKET)).ownershipControls().rules()
        .get(0).objectOwnership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
  }

  @Test
  void ownershipControls_defaultEnforced_changeable_andDeletable() {
    assertThat(s3.getBucketOwnershipControls(b -> b.bucket(BUCKET)).ownershipControls().rules())
        .singleElement().satisfies(rule ->
            assertThat(rule.objectOwnership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED));

    s3.putBucketOwnershipControls(b -> b.bucket(BUCKET).ownershipControls(c -> c.rules(
        r -> r.objectOwnership(ObjectOwnership.OBJECT_WRITER))));
    s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));
    s3.putBucketAcl(b -> b.bucket(BUCKET).acl(BucketCannedACL.PUBLIC_READ));
    List<Grant> grants = s3.getBucketAcl(b -> b.bucket(BUCKET)).grants();
    S3Exception enforce = catchThrowableOfType(S3Exception.class, () ->
        s3.putBucketOwnershipControls(b -> b.bucket(BUCKET).ownershipControls(c -> c.rules(
            r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))));
    s3.deleteBucketOwnershipControls(b -> b.bucket(BUCKET));
    S3Exception missing = catchThrowableOfType(S3Exception.class, () ->
        s3.getBucketOwnershipControls(b -> b.bucket(BUCKET)));

    assertThat(grants).extracting(Grant::permission)
        .containsExactly(Permission.FULL_CONTROL, Permission.READ);
    assertThat(enforce.awsErrorDetails().errorCode())
        .isEqualTo("InvalidBucketAclWithObjectOwnership");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("OwnershipControlsNotFoundError");
  }

  @Test
  void publicAccessBlock_allBlockedByDefault_putAndDelete() {
    assertThat(s3.getPublicAccessBlock(b -> b.bucket(BUCKET)).publicAccessBlockConfiguration()
        .blockPublicAcls()).isTrue();

    s3.putPublicAccessBlock(b -> b.bucket(BUCKET).publicAccessBlockConfiguration(
        c -> c.blockPublicAcls(false).ignorePublicAcls(true).blockPublicPolicy(false)
            .restrictPublicBuckets(true)));
    var stored = s3.getPublicAccessBlock(b -> b.bucket(BUCKET)).publicAccessBlockConfiguration();
    s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));
    S3Exception missing = catchThrowableOfType(S3Exception.class, () ->
        s3.getPublicAccessBlock(b -> b.bucket(BUCKET)));

    assertThat(stored.blockPublicAcls()).isFalse();
    assertThat(stored.ignorePublicAcls()).isTrue();
    assertThat(stored.blockPublicPolicy()).isFalse();
    assertThat(stored.restrictPublicBuckets()).isTrue();
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode())
        .isEqualTo("NoSuchPublicAccessBlockConfiguration");
  }

  @Test
  void anUnservedOperation_answers501_namingTheOperation() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () ->
        s3.getObjectTorrent(b -> b.bucket(BUCKET).key("k")));

    assertThat(thrown.statusCode()).isEqualTo(501);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
    assertThat(thrown.awsErrorDetails().errorMessage()).contains("GetObjectTorrent")
        .doesNotContain("header");
  }

  @Test
  void putObjectAcl_withAPolicyDocument_isStored_onAnObjectWriterBucket() {
    s3.putBucketOwnershipControls(b -> b.bucket(BUCKET).ownershipControls(c -> c.rules(
        r -> r.objectOwnership(ObjectOwnership.OBJECT_WRITER))));
    s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));

    s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").accessControlPolicy(p -> p
        .owner(o -> o.id(OWNER.id()))
        .grants(Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(OWNER.id()))
                .permission(Permission.FULL_CONTROL).build(),
            Grant.builder().grantee(g -> g.type(Type.GROUP)
                .uri("http://acs.amazonaws.com/groups/global/AuthenticatedUsers"))
                .permission(Permission.READ_ACP).build())));
    List<Grant> stored = s3.getObjectAcl(b -> b.bucket(BUCKET).key("k")).grants();
    S3Exception missing = catchThrowableOfType(S3Exception.class, () -> s3.putObjectAcl(
        b -> b.bucket(BUCKET).key("missing").grantRead("id=" + OWNER.id())));
    s3.putObjectAcl(b -> b.bucket(BUCKET).key("k").grantRead(
        "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""));

    assertThat(stored).extracting(Grant::permission)
        .containsExactly(Permission.FULL_CONTROL, Permission.READ_ACP);
    assertThat(stored.get(0).grantee().displayName()).isEqualTo("ops-team");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("k")).grants()).singleElement()
        .satisfies(grant -> {
          assertThat(grant.permission()).isEqualTo(Permission.READ);
          assertThat(grant.grantee().uri())
              .isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers");
        });
  }
}
