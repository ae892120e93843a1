package dev.tombstone.internal.server;

import static dev.tombstone.internal.server.RawHttp.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections that do nothing, stop halfway or go away: none of them may hold up real requests
 * or leave state behind. The server keeps its production read timeout (60 s) here, so nothing
 * below relies on it.
 */
class ConnectionLimitsTest {
  private Emulator emulator;
  private HttpServer server;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() {
    emulator = new Emulator("us-east-1", Clock.systemUTC());
    server = HttpServer.start("127.0.0.1", 0, emulator);
    emulator.dynamoDb().createTable("conn", KeySchema.of(KeyAttribute.s("id")));
    emulator.s3().createBucket("conn");
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.stop();
  }

  private Socket idle(String sent) throws Exception {
    Socket socket = RawHttp.open(server.port());
    sockets.add(socket);
    if (!sent.isEmpty()) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii(sent));
      out.flush();
    }
    return socket;
  }

  @Test
  void threeHundredIdleConnections_andStalledBodies_doNotStarveRealRequests() throws Exception {
    for (int i = 0; i < 150; i++) {
      idle("");
    }
    for (int i = 0; i < 100; i++) {
      idle("GET /conn HTTP/1.1\r\nHost: loc");
    }
    for (int i = 0; i < 25; i++) {
      idle("PUT /conn/stalled-" + i + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Length: 1000\r\n\r\nfirst bytes only");
    }
    for (int i = 0; i < 25; i++) {
      idle("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
          + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 1000\r\n\r\n{\"Tab");
    }

    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> put = client.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + "/conn/real-" + i))
          .timeout(Duration.ofSeconds(5))
          .PUT(HttpRequest.BodyPublishers.ofString("served")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).isEqualTo(200);
    }
    assertThat(emulator.s3().keys("conn")).hasSize(20).allMatch(key -> key.startsWith("real-"));
    assertThat(emulator.dynamoDb().items("conn")).isEmpty();
  }

  @Test
  void clientsThatDisconnectMidBody_leaveNothingBehind() throws Exception {
    String uploadId = emulator.s3().createMultipartUpload("conn", "parts",
        dev.tombstone.s3.ObjectMetadata.DEFAULT, java.util.Optional.empty()).uploadId();
    String[] halfSent = {
        "PUT /conn/half HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nten bytes.",
        "PUT /conn/half-chunked HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
            + "\r\n5\r\nfirst\r\n",
        "PUT /conn/parts?partNumber=1&uploadId=" + uploadId + " HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Length: 100\r\n\r\npart",
        "PUT /conn?versioning HTTP/1.1\r\nHost: localhost\r\nContent-Length: 200\r\n\r\n"
            + "<VersioningConfiguration><Status>Enabled</Sta",
        "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 100\r\n\r\n"
            + "{\"TableName\":\"conn\",\"Item\":{\"id\":{\"S\":\"x\"}}",
        "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "2c\r\n{\"TableName\":\"conn\",\"Item\":{\"id\":{\"S\":\"x\"}}}\r\n"};

    for (String request : halfSent) {
      try (Socket socket = RawHttp.open(server.port())) {
        socket.getOutputStream().write(ascii(request));
        socket.getOutputStream().flush();
        Thread.sleep(50);
      }
    }
    Thread.sleep(300);

    assertThat(emulator.s3().keys("conn")).isEmpty();
    assertThat(emulator.s3().listParts("conn", "parts", uploadId)).isEmpty();
    assertThat(emulator.s3().versioning("conn").toString()).isNotEqualTo("ENABLED");
    assertThat(emulator.dynamoDb().items("conn")).isEmpty();
    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/conn")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }
}
