package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Headers a presigner moved into the query string ({@code x-amz-meta-*} and other
 * {@code x-amz-*}) are applied as headers, for SigV2 (botocore's default presigner, LocalStack's
 * AWS-validated {@code test_put_url_metadata}) and SigV4 URLs alike.
 */
class SdkPresignedHoistedHeadersTest {
  private static final String BUCKET = "uploads";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private static S3Presigner presigner;
  private final S3Client s3 = server.s3();

  @BeforeAll
  static void presigner() {
    presigner = S3Presigner.builder()
        .endpointOverride(server.tombstone().endpoint())
        .region(Region.US_EAST_1)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("x", "y")))
        .build();
  }

  @AfterAll
  static void closePresigner() {
    presigner.close();
  }

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private URI sigV2(String key, String hoisted) {
    long expires = Instant.now().plusSeconds(3600).getEpochSecond();
    return URI.create(server.tombstone().endpoint() + "/" + BUCKET + "/" + key
        + "?AWSAccessKeyId=x&Signature=abc%3D&" + hoisted + "&Expires=" + expires);
  }

  private static HttpResponse<String> put(URI uri, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .PUT(HttpRequest.BodyPublishers.ofString("content 123"));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HeadObjectResponse head(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key));
  }

  @Test
  void sigV2PresignedPut_appliesHoistedMetadataAndStorageClass() throws Exception {
    HttpResponse<String> response = put(
        sigV2("k", "x-amz-meta-foo=bar&x-amz-storage-class=STANDARD_IA"), Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(head("k").metadata()).containsExactly(Map.entry("foo", "bar"));
    assertThat(head("k").storageClass()).isEqualTo(StorageClass.STANDARD_IA);
  }

  @Test
  void sigV4PresignedPut_appliesAQueryParameterAddedToTheRequest() throws Exception {
    URI url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
        .putObjectRequest(b -> b.bucket(BUCKET).key("v4").overrideConfiguration(
            o -> o.putRawQueryParameter("x-amz-meta-origin", "query")))).url().toURI();

    HttpResponse<String> response = put(url, Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(head("v4").metadata()).containsExactly(Map.entry("origin", "query"));
  }

  @Test
  void aHeaderSentAsSuch_winsOverItsQueryCopy() throws Exception {
    put(sigV2("both", "x-amz-meta-foo=query"), Map.of("x-amz-meta-foo", "header"));

    assertThat(head("both").metadata()).containsExactly(Map.entry("foo", "header"));
  }
}
