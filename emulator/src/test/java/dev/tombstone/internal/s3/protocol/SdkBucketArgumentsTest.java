package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket-level arguments S3 refuses, with the error elements AWS's recordings show. */
class SdkBucketArgumentsTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tombstone.endpoint() + path))
        .method(method, BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
  }

  @Test
  void listBuckets_withARegionAwsDoesNotHave_isInvalidArgument() throws Exception {
    s3.createBucket(b -> b.bucket("plain"));

    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> s3.listBuckets(b -> b.bucketRegion("eu-east-1")));
    HttpResponse<String> raw = send("GET", "/?bucket-region=eu-east-1");

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Argument value eu-east-1 is not a valid AWS Region");
    assertThat(raw.body()).contains("<ArgumentName>bucket-region</ArgumentName>");
    assertThat(s3.listBuckets(b -> b.bucketRegion("us-east-1")).buckets()).isNotEmpty();
  }

  @Test
  void listBuckets_byRegion_listsOnlyThatRegionsBuckets_pageByPage() {
    s3.createBucket(b -> b.bucket("home-a"));
    s3.createBucket(b -> b.bucket("away-a").createBucketConfiguration(
        c -> c.locationConstraint("eu-west-1")));
    s3.createBucket(b -> b.bucket("away-b").createBucketConfiguration(
        c -> c.locationConstraint("eu-west-1")));

    ListBucketsResponse away = s3.listBuckets(b -> b.bucketRegion("eu-west-1"));
    ListBucketsResponse firstPage = s3.listBuckets(b -> b.bucketRegion("eu-west-1").maxBuckets(1));
    ListBucketsResponse secondPage = s3.listBuckets(b -> b.bucketRegion("eu-west-1").maxBuckets(1)
        .continuationToken(firstPage.continuationToken()));
    ListBucketsResponse home = s3.listBuckets(b -> b.bucketRegion("us-east-1"));
    ListBucketsResponse elsewhere = s3.listBuckets(b -> b.bucketRegion("ap-south-1"));

    assertThat(away.buckets()).extracting(Bucket::name).containsExactly("away-a", "away-b");
    assertThat(away.buckets()).extracting(Bucket::bucketRegion).containsOnly("eu-west-1");
    assertThat(away.continuationToken()).isNull();
    assertThat(firstPage.buckets()).extracting(Bucket::name).containsExactly("away-a");
    assertThat(secondPage.buckets()).extracting(Bucket::name).containsExactly("away-b");
    assertThat(secondPage.continuationToken()).isNull();
    assertThat(home.buckets()).extracting(Bucket::name).contains("home-a")
        .doesNotContain("away-a", "away-b");
    assertThat(elsewhere.buckets()).isEmpty();
  }

  @Test
  void createBucket_withAnUnknownObjectOwnership_namesTheHeaderButNotItsValue()
      throws Exception {
    HttpResponse<String> answer = send("PUT", "/owned", "x-amz-object-ownership", "Everyone");

    RawBucketRequests.assertError(answer, 400, "InvalidArgument",
        "Invalid x-amz-object-ownership header: Everyone");
    assertThat(answer.body()).contains("<ArgumentName>x-amz-object-ownership</ArgumentName>")
        .doesNotContain("ArgumentValue");
    assertThat(tombstone.s3().bucketNames()).doesNotContain("owned");
  }
}
