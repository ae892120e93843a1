package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Raw HTTP to the DynamoDB endpoint, checking the framing every response must have. */
final class Wire {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI endpoint;

  Wire(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** A response with its body as text. */
  record Response(int status, String body, HttpResponse<byte[]> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Response post(String target, String body) {
    return post(target, "application/x-amz-json-1.0", body.getBytes(StandardCharsets.UTF_8));
  }

  Response post(String target, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      checkFraming(response);
      return new Response(
          response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void checkFraming(HttpResponse<byte[]> response) {
    if (response.statusCode() == 413) {
      return;
    }
    CRC32 crc = new CRC32();
    crc.update(response.body());
    assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
    assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
        .matches("[0-9A-Z]{52}");
    assertThat(response.headers().firstValue("Date")).isPresent();
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .isIn("application/x-amz-json-1.0", "application/json");
  }
}
