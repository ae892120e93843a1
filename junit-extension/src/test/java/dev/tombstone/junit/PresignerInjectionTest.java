package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedDeleteObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/** The injected S3Presigner signs URLs the emulator accepts, from any plain HTTP client. */
@TombstoneTest(region = "eu-west-1")
@S3Bucket(name = "uploads")
@S3Objects(bucket = "uploads", value = "fixtures/s3")
class PresignerInjectionTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Injected S3Presigner field;

  @Test
  void presignedGet_readsTheObject(S3Presigner presigner, URI endpoint) throws Exception {
    assertThat(presigner).isSameAs(field);
    PresignedGetObjectRequest get = presigner.presignGetObject(b -> b
        .signatureDuration(Duration.ofMinutes(5))
        .getObjectRequest(o -> o.bucket("uploads").key("reports/q1.csv")));

    assertThat(get.url().toString()).startsWith(endpoint + "/uploads/reports/q1.csv?")
        .contains("X-Amz-Credential=").contains("%2Feu-west-1%2Fs3%2Faws4_request");
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(get.url().toURI()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("q1 figures\n");
  }

  @Test
  void presignedDelete_deletesTheObject(S3Presigner presigner, Tombstone tombstone)
      throws Exception {
    PresignedDeleteObjectRequest delete = presigner.presignDeleteObject(b -> b
        .signatureDuration(Duration.ofMinutes(5))
        .deleteObjectRequest(o -> o.bucket("uploads").key("a.txt")));

    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(delete.url().toURI())
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(tombstone.s3().keys("uploads")).containsExactly("reports/q1.csv");
  }

  @Test
  void anExpiredPresignedUrl_isRefused(S3Presigner presigner, Tombstone tombstone)
      throws Exception {
    PresignedDeleteObjectRequest delete = presigner.presignDeleteObject(b -> b
        .signatureDuration(Duration.ofSeconds(1))
        .deleteObjectRequest(o -> o.bucket("uploads").key("a.txt")));
    Thread.sleep(2_100);

    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(delete.url().toURI())
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>AccessDenied</Code>")
        .contains("<Message>Request has expired</Message>");
    assertThat(tombstone.s3().keys("uploads")).containsExactlyInAnyOrder("a.txt",
        "reports/q1.csv");
  }
}
