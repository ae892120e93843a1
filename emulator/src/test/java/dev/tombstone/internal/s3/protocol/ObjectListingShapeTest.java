package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * ListObjects and ListObjectsV2 answers as LocalStack's AWS recordings show them:
 * {@code x-amz-bucket-region} (test_region_header_exists, test_bucket_name_with_dots) and no
 * Delimiter element for an empty {@code delimiter=} (test_list_objects_with_prefix[]; for
 * ListObjectsV2 ceph s3-tests' test_bucket_listv2_delimiter_empty).
 */
class ObjectListingShapeTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();
  private final RawObjectRequests raw = new RawObjectRequests(tombstone);

  @BeforeEach
  void buckets() {
    s3.createBucket(b -> b.bucket("home"));
    s3.createBucket(b -> b.bucket("abroad").createBucketConfiguration(
        c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
    s3.putObject(b -> b.bucket("home").key("test/foo/bar/123"), RequestBody.fromString("x"));
  }

  @Test
  void bothObjectListings_nameTheBucketsRegion() {
    var v2 = s3.listObjectsV2(b -> b.bucket("abroad")).sdkHttpResponse();
    var v1 = s3.listObjects(b -> b.bucket("abroad")).sdkHttpResponse();
    var home = s3.listObjectsV2(b -> b.bucket("home")).sdkHttpResponse();

    assertThat(v2.firstMatchingHeader("x-amz-bucket-region")).hasValue("eu-west-1");
    assertThat(v1.firstMatchingHeader("x-amz-bucket-region")).hasValue("eu-west-1");
    assertThat(home.firstMatchingHeader("x-amz-bucket-region")).hasValue("us-east-1");
  }

  @Test
  void listObjects_withAnEmptyDelimiter_leavesItOut_andGroupsNothing() {
    var answer = raw.send("GET", "/home?prefix=test/&delimiter=&max-keys=1", "");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain("<Delimiter").doesNotContain("<CommonPrefixes>")
        .contains("<Key>test/foo/bar/123</Key>");
  }

  @Test
  void listObjectsV2_withAnEmptyDelimiter_leavesItOut_andGroupsNothing() {
    var answer = raw.send("GET", "/home?list-type=2&prefix=test/&delimiter=", "");
    var sdk = s3.listObjectsV2(b -> b.bucket("home").prefix("test/").delimiter(""));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain("<Delimiter").doesNotContain("<CommonPrefixes>")
        .contains("<Key>test/foo/bar/123</Key>");
    assertThat(sdk.delimiter()).isNull();
  }
}
