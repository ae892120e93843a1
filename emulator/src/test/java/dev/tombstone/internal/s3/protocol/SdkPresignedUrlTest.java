package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned URLs from the SDK v2's presigner, sent with a plain HTTP client as a browser would;
 * expiry is judged by the emulator's clock, which this test moves.
 */
class SdkPresignedUrlTest {
  private static final String BUCKET = "shared";
  private static final AtomicReference<Instant> NOW = new AtomicReference<>();
  private static Tombstone tombstone;
  private static S3Client s3;
  private static S3Presigner presigner;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return NOW.get();
    }
  }

  @BeforeAll
  static void start() {
    NOW.set(Instant.now());
    tombstone = Tombstone.builder().clock(new MovableClock()).start();
    s3 = SdkClients.sync(tombstone);
    presigner = S3Presigner.builder()
        .endpointOverride(tombstone.endpoint())
        .region(Region.US_EAST_1)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("x", "y")))
        .build();
  }

  @AfterAll
  static void stop() {
    presigner.close();
    s3.close();
    tombstone.close();
  }

  @BeforeEach
  void bucket() {
    NOW.set(Instant.now());
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("photo.jpg"), RequestBody.fromString("jpeg"));
  }

  private URI presignedDelete(Duration valid) {
    return URI.create(presigner.presignDeleteObject(p -> p.signatureDuration(valid)
        .deleteObjectRequest(d -> d.bucket(BUCKET).key("photo.jpg"))).url().toString());
  }

  private static HttpResponse<String> send(String method, URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).method(method,
        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void presignedDelete_withinItsLifetime_deletes() throws Exception {
    HttpResponse<String> response = send("DELETE", presignedDelete(Duration.ofMinutes(5)));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void presignedDelete_afterTheClockPassedItsExpiry_isAccessDenied_andDeletesNothing()
      throws Exception {
    URI url = presignedDelete(Duration.ofSeconds(60));
    NOW.set(NOW.get().plusSeconds(120));

    HttpResponse<String> response = send("DELETE", url);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>AccessDenied</Code>")
        .contains("<Message>Request has expired</Message>")
        .contains("<X-Amz-Expires>60</X-Amz-Expires>")
        .contains("<Expires>").contains("<ServerTime>");
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("photo.jpg");
  }

  @Test
  void presignedDelete_signedMoreThan15MinutesAheadOfTheClock_isNotYetValid_andDeletesNothing()
      throws Exception {
    URI url = presignedDelete(Duration.ofMinutes(5));
    NOW.set(NOW.get().minusSeconds(16 * 60));

    HttpResponse<String> response = send("DELETE", url);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>AccessDenied</Code>")
        .contains("<Message>Request is not yet valid</Message>")
        .containsPattern("<X-Amz-Date>\\d{13}</X-Amz-Date>")
        .contains("<Expires>").contains("<ServerTime>");
    assertThat(tombstone.s3().keys(BUCKET)).containsExactly("photo.jpg");
  }

  @Test
  void presignedDelete_signedLessThan15MinutesAheadOfTheClock_deletes() throws Exception {
    URI url = presignedDelete(Duration.ofMinutes(5));
    NOW.set(NOW.get().minusSeconds(14 * 60));

    HttpResponse<String> response = send("DELETE", url);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }

  @Test
  void presignedGetAndHead_work() throws Exception {
    URI get = URI.create(presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(1))
        .getObjectRequest(g -> g.bucket(BUCKET).key("photo.jpg"))).url().toString());
    URI head = URI.create(presigner.presignHeadObject(p -> p
        .signatureDuration(Duration.ofMinutes(1))
        .headObjectRequest(g -> g.bucket(BUCKET).key("photo.jpg"))).url().toString());

    assertThat(send("GET", get).body()).isEqualTo("jpeg");
    assertThat(send("HEAD", head).statusCode()).isEqualTo(200);
  }

  @Test
  void presignedPut_stores() throws Exception {
    URI put = URI.create(presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(1))
        .putObjectRequest(g -> g.bucket(BUCKET).key("upload.txt"))).url().toString());

    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(put)
        .PUT(HttpRequest.BodyPublishers.ofString("hi")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tombstone.s3().currentObject(BUCKET, "upload.txt").orElseThrow().content()
        .asUtf8()).isEqualTo("hi");
  }

  @Test
  void malformedPresignParameters_areAuthorizationQueryParametersError() throws Exception {
    String base = tombstone.endpoint() + "/" + BUCKET + "/photo.jpg?X-Amz-Algorithm="
        + "AWS4-HMAC-SHA256&X-Amz-Credential=x%2F20300101%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20300101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=abc";

    HttpResponse<String> missing = send("GET", URI.create(base));
    HttpResponse<String> tooLong = send("GET", URI.create(base + "&X-Amz-Expires=604801"));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("<Code>AuthorizationQueryParametersError</Code>");
    assertThat(tooLong.body()).contains("<Message>X-Amz-Expires must be less than a week (in"
        + " seconds); that is, the given X-Amz-Expires must be less than 604800"
        + " seconds</Message>");
  }

  @Test
  void sigV2QueryAuthentication_asTheCliPresigns_expiresByTheClock() throws Exception {
    long expires = NOW.get().getEpochSecond() + 60;
    URI url = URI.create(tombstone.endpoint() + "/" + BUCKET + "/photo.jpg?AWSAccessKeyId=x"
        + "&Signature=abc%3D&Expires=" + expires);

    HttpResponse<String> fresh = send("GET", url);
    NOW.set(NOW.get().plusSeconds(61));
    HttpResponse<String> expired = send("GET", url);

    assertThat(fresh.body()).isEqualTo("jpeg");
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("<Message>Request has expired</Message>");
  }
}
