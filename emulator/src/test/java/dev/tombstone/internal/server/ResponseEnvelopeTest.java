package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResponseEnvelopeTest {
  private static final String DATE = "Sun, 03 Feb 2030 04:05:06 GMT";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Tombstone tombstone;

  @BeforeAll
  static void start() {
    Clock clock = Clock.fixed(Instant.parse("2030-02-03T04:05:06Z"), ZoneOffset.UTC);
    tombstone = Tombstone.builder().clock(clock).start();
  }

  @AfterAll
  static void stop() {
    tombstone.close();
  }

  @Test
  void dynamoDbAnswer_carriesItsRequestId_andTheClocksDate() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(tombstone.endpoint())
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    HttpHeaders headers = response.headers();
    assertThat(headers.firstValue("x-amzn-RequestId")).get().asString()
        .matches("[0-9A-Z]{52}");
    assertThat(headers.firstValue("Date")).hasValue(DATE);
    assertThat(headers.firstValue("x-amz-crc32")).isPresent();
    assertThat(headers.firstValue("Content-Length"))
        .hasValue(Integer.toString(response.body().length()));
    assertThat(headers.firstValue("x-amz-request-id")).isEmpty();
    assertThat(headers.firstValue("Server")).isEmpty();
  }

  @Test
  void s3Answer_carriesBothIds_theClocksDate_andItsServer() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(tombstone.endpoint().resolve("/")).GET());

    HttpHeaders headers = response.headers();
    assertThat(headers.firstValue("x-amz-request-id")).get().asString()
        .matches("[0-9A-F]{16}");
    assertThat(headers.firstValue("x-amz-id-2")).isPresent();
    assertThat(headers.firstValue("Date")).hasValue(DATE);
    assertThat(headers.firstValue("Server")).hasValue("AmazonS3");
    assertThat(headers.firstValue("Content-Length"))
        .hasValue(Integer.toString(response.body().length()));
    assertThat(headers.firstValue("x-amzn-RequestId")).isEmpty();
  }

  @Test
  void adminAnswer_carriesNoIdsAndNoDate_andHeadReportsTheGetLength() throws Exception {
    HttpResponse<String> get =
        send(HttpRequest.newBuilder(tombstone.endpoint().resolve("/_tombstone/health")).GET());
    HttpResponse<String> head = send(HttpRequest.newBuilder(
        tombstone.endpoint().resolve("/_tombstone/health"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(get.headers().firstValue("Date")).isEmpty();
    assertThat(get.headers().firstValue("x-amzn-RequestId")).isEmpty();
    assertThat(get.headers().firstValue("x-amz-request-id")).isEmpty();
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(get.body().length()));
    assertThat(head.body()).isEmpty();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
