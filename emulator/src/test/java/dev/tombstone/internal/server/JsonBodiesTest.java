package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
  private static Tombstone tombstone;

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
  }

  @AfterAll
  static void stop() {
    tombstone.close();
  }

  private static HttpResponse<String> post(String path, HttpRequest.Builder request, byte[] body)
      throws Exception {
    return HttpClient.newHttpClient().send(
        request.uri(tombstone.endpoint().resolve(path))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] spaces(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) ' ');
    return body;
  }

  // A client that writes its whole body before reading must get the 413, never a reset.
  @RepeatedTest(3)
  void dynamoDbBodyJustOverTheLimit_isAnswered413_afterTheClientSentIt() throws Exception {
    HttpResponse<String> response = post("/", HttpRequest.newBuilder()
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .header("Content-Type", "application/x-amz-json-1.0"),
        spaces((int) JsonBodies.MAX_BODY_BYTES + 1));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void magnetoDbBodyOverTheLimit_isAnswered413() throws Exception {
    HttpResponse<String> response = post("/v1/data/p1/tables/t1/delete_item",
        HttpRequest.newBuilder().header("Content-Type", "application/json"),
        spaces((int) JsonBodies.MAX_BODY_BYTES + 1));

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void bodyDeclaredFarBeyondTheLimit_isAnswered413_beforeAnyOfItArrives() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", tombstone.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\n"
          + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
          + "Content-Type: application/x-amz-json-1.0\r\n"
          + "Content-Length: " + (JsonBodies.DRAIN_LIMIT + 1) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

      assertThat(status).isEqualTo("HTTP/1.1 413");
    }
  }

  // Without Content-Length (Transfer-Encoding: chunked) the same limit holds.
  @Test
  void chunkedBodyOverTheLimit_isAnswered413() throws Exception {
    byte[] body = spaces((int) JsonBodies.MAX_BODY_BYTES + 1);
    HttpResponse<String> response = chunked(body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void chunkedBodyWithinTheLimit_isServed() throws Exception {
    HttpResponse<String> response = chunked("{}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("TableNames");
  }

  private static HttpResponse<String> chunked(byte[] body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder()
            .uri(tombstone.endpoint().resolve("/"))
            .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
