package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.RawBucketRequests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketNamespace;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * CreateBucket's {@code x-amz-bucket-namespace} (2026): an account regional bucket's name ends
 * with {@code -<account id>-<region>-an}, and only such a request may create a name ending with
 * {@code -an}. Tombstone's account is 000000000000; this emulator serves us-east-1.
 */
class SdkBucketNamespaceTest {
  private static final String SUFFIX = "-000000000000-us-east-1-an";
  private static final String MISSING = "The requested bucket is an account-regional namespace"
      + " bucket, but your request is missing the required x-amz-bucket-namespace header.";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawBucketRequests raw = new RawBucketRequests(tombstone);

  private S3Exception refused(Consumer<CreateBucketRequest.Builder> request, String bucket) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.createBucket(b -> request.accept(b.bucket(bucket))));
    assertThat(thrown).as("CreateBucket of %s", bucket).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(tombstone.s3().bucketNames()).doesNotContain(bucket);
    return thrown;
  }

  private static String invalidNamespaceMessage(String suffix) {
    return "The requested bucket name did not include the account-regional namespace suffix,"
        + " but the provided x-amz-bucket-namespace header value is account-regional. Specify "
        + suffix + " as the bucket name suffix to create a bucket in your account-regional"
        + " namespace, or remove the header.";
  }

  @Test
  void anAccountRegionalBucket_withThisAccountsSuffix_isCreated_andServedAsAnyOther() {
    String name = "reports" + SUFFIX;

    s3.createBucket(b -> b.bucket(name).bucketNamespace(BucketNamespace.ACCOUNT_REGIONAL));
    s3.putObject(b -> b.bucket(name).key("a.txt"),
        software.amazon.awssdk.core.sync.RequestBody.fromString("a"));

    assertThat(s3.headBucket(b -> b.bucket(name)).bucketRegion()).isEqualTo("us-east-1");
    assertThat(s3.listObjectsV2(b -> b.bucket(name)).keyCount()).isEqualTo(1);
  }

  @Test
  void anAccountRegionalBucket_inAnotherRegion_carriesThatRegionsCode() {
    String name = "logs-000000000000-eu-west-1-an";

    s3.createBucket(b -> b.bucket(name).bucketNamespace(BucketNamespace.ACCOUNT_REGIONAL)
        .createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));

    assertThat(s3.getBucketLocation(b -> b.bucket(name)).locationConstraintAsString())
        .isEqualTo("eu-west-1");
    S3Exception wrongRegion = refused(b -> b.bucketNamespace(BucketNamespace.ACCOUNT_REGIONAL)
        .createBucketConfiguration(c -> c.locationConstraint("eu-west-2")),
        "other-000000000000-eu-west-1-an");
    assertThat(wrongRegion.awsErrorDetails().errorMessage())
        .isEqualTo(invalidNamespaceMessage("-000000000000-eu-west-2-an"));
  }

  @Test
  void anAccountRegionalBucket_withoutTheSuffix_isInvalidNamespaceHeader() {
    S3Exception thrown = refused(b -> b.bucketNamespace(BucketNamespace.ACCOUNT_REGIONAL),
        "no-suffix");

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidNamespaceHeader");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(invalidNamespaceMessage(SUFFIX));
  }

  @Test
  void anAccountRegionalBucket_withAnotherAccountsSuffix_isInvalidNamespaceHeader() {
    S3Exception thrown = refused(b -> b.bucketNamespace(BucketNamespace.ACCOUNT_REGIONAL),
        "theirs-111122223333-us-east-1-an");

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidNamespaceHeader");
  }

  @Test
  void aGlobalRequest_forAnAccountRegionalName_isMissingNamespaceHeader() {
    S3Exception withoutHeader = refused(b -> { }, "mine" + SUFFIX);
    S3Exception global = refused(b -> b.bucketNamespace(BucketNamespace.GLOBAL),
        "theirs-111122223333-us-west-2-an");

    for (S3Exception thrown : java.util.List.of(withoutHeader, global)) {
      assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("MissingNamespaceHeader");
      assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(MISSING);
    }
  }

  @Test
  void missingNamespaceHeader_namesTheHeader() {
    HttpResponse<String> answer = raw.put("mine" + SUFFIX, "", "");

    assertError(answer, 400, "MissingNamespaceHeader", MISSING);
    assertThat(answer.body()).contains("<Header>x-amz-bucket-namespace</Header>");
  }

  @Test
  void aGlobalNameEndingWithAn_isReservedForTheAccountRegionalNamespace() {
    S3Exception thrown = refused(b -> { }, "my-bucket-an");

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName");
    s3.createBucket(b -> b.bucket("caravan"));
    s3.createBucket(b -> b.bucket("an-bucket").bucketNamespace(BucketNamespace.GLOBAL));
    assertThat(tombstone.s3().bucketNames()).contains("caravan", "an-bucket");
  }

  @Test
  void aNamespaceTheModelDoesNotList_isInvalidArgument() {
    HttpResponse<String> answer = raw.put("some-bucket", "", "",
        "x-amz-bucket-namespace", "regional");

    assertError(answer, 400, "InvalidArgument",
        "Invalid x-amz-bucket-namespace header: regional");
    assertThat(answer.body()).contains("<ArgumentName>x-amz-bucket-namespace</ArgumentName>");
    assertThat(tombstone.s3().bucketNames()).doesNotContain("some-bucket");
  }
}
