package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.s3.Versioning;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadTimeoutTest {
  private Emulator emulator;
  private HttpServer server;

  @BeforeEach
  void start() {
    emulator = new Emulator("us-east-1", Clock.systemUTC());
    server = HttpServer.start("127.0.0.1", 0, emulator, Duration.ofMillis(300));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void stalledS3Upload_isClosedAndStoresNothing() throws Exception {
    emulator.s3().createBucket("stalled-uploads");

    String closed = sendAndStall("PUT /stalled-uploads/key HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Length: 100\r\n\r\nonly ten b");

    assertThat(closed).isEqualTo("closed without an answer");
    assertThat(emulator.s3().keys("stalled-uploads")).isEmpty();
    assertThat(health()).isEqualTo(200);
  }

  @Test
  void stalledDynamoDbRequest_isClosedAndTheServerStillAnswers() throws Exception {
    String closed = sendAndStall("POST / HTTP/1.1\r\nHost: localhost\r\n"
        + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 50\r\n\r\n{\"Li");

    assertThat(closed).isEqualTo("closed without an answer");
    assertThat(health()).isEqualTo(200);
  }

  @Test
  void versioningStateIsUntouchedByAStalledRequest() throws Exception {
    emulator.s3().createBucket("stalled-versioning");

    sendAndStall("PUT /stalled-versioning?versioning HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Length: 200\r\n\r\n<VersioningConfiguration>");

    assertThat(emulator.s3().versioning("stalled-versioning")).isNotEqualTo(Versioning.ENABLED);
  }

  @Test
  void stalledLargeS3Upload_streamedOnAWorker_isClosedAndStoresNothing() throws Exception {
    emulator.s3().createBucket("stalled-large");

    // Over the 1 MiB that is read before a worker is taken: this body streams on a worker.
    String closed = sendAndStall("PUT /stalled-large/key HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Length: 5000000\r\n\r\n" + "x".repeat(70_000));

    assertThat(closed).isEqualTo("closed without an answer");
    assertThat(emulator.s3().keys("stalled-large")).isEmpty();
    assertThat(health()).isEqualTo(200);
  }

  @Test
  void stalledChunkedLargeS3Upload_streamedOnAWorker_isClosedAndStoresNothing() throws Exception {
    emulator.s3().createBucket("stalled-chunked");
    String chunk = "4000\r\n" + "x".repeat(0x4000) + "\r\n";

    // Over 1 MiB of whole chunks, then nothing: no length to compare the body with, only the
    // missing last chunk tells it is incomplete.
    String closed = sendAndStall("PUT /stalled-chunked/key HTTP/1.1\r\nHost: localhost\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n" + chunk.repeat(80));

    assertThat(closed).isEqualTo("closed without an answer");
    assertThat(emulator.s3().keys("stalled-chunked")).isEmpty();
  }

  @Test
  void stalledChunkedDynamoDbBody_isClosed() throws Exception {
    String closed = sendAndStall("POST / HTTP/1.1\r\nHost: localhost\r\n"
        + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "4\r\n{\"Li\r\n");

    assertThat(closed).isEqualTo("closed without an answer");
  }

  @Test
  void stalledRequestHead_isClosed() throws Exception {
    String closed = sendAndStall("DELETE /bucket/key HTTP/1.1\r\nHost: loc");

    assertThat(closed).isEqualTo("closed without an answer");
  }

  @Test
  void idleKeepAliveConnection_isClosedAfterTheTimeout() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("GET /_tombstone/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(head).isEqualTo("HTTP/1.1 200");
      // Read the rest of the answer, then nothing more comes: the server closes the idle
      // connection (end of stream) instead of keeping it for ever.
      long start = System.nanoTime();
      try {
        in.readAllBytes();
      } catch (SocketException reset) {
        // closed by a reset: also closed
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
  }

  /** Sends a request whose body stops short, then waits (bounded) for the server's reaction. */
  private String sendAndStall(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      // Far above the server's limit: the test fails on this rather than hanging.
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      try {
        byte[] answer = in.readAllBytes();
        return answer.length == 0 ? "closed without an answer"
            : "answered: " + new String(answer, StandardCharsets.US_ASCII);
      } catch (SocketException reset) {
        return "closed without an answer";
      }
    }
  }

  private int health() throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/_tombstone/health");
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
