package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw HTTP to the MagnetoDB REST dialect; every answer must be JSON with an exact length. */
final class MagnetoDbWire {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI endpoint;

  MagnetoDbWire(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** A response with its body as text and as a JSON tree. */
  record Response(int status, String body) {
    Json.Obj json() {
      return JsonTrees.object(body);
    }

    /** {@code error.type} of a fault document. */
    String errorType() {
      return Members.string(Members.structure(json(), "error"), "type");
    }

    String errorMessage() {
      return Members.string(Members.structure(json(), "error"), "message");
    }
  }

  /** Creates a table in {@code project} from its create_table body; it must succeed. */
  void createTable(String project, String definition) {
    Response created = post("/v1/data/" + project + "/tables", definition);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
  }

  Response post(String path, String body) {
    return send("POST", path, body);
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  Response send(String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(response.headers().firstValue("Content-Length"))
          .hasValue(Integer.toString(response.body().length));
      return new Response(response.statusCode(),
          new String(response.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
