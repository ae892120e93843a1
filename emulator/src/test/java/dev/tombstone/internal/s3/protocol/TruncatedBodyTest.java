package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.s3.S3State;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A body that ends before its {@code Content-Length} (the client went away, or the read timeout
 * closed the connection while a worker streamed it) is refused and never stored, whichever way
 * the stream ends: the HTTP layer may see end of stream rather than an error.
 */
class TruncatedBodyTest {
  private final S3State state = new S3State("us-east-1", Clock.systemUTC());

  @Test
  void putObject_whoseBodyEndsEarly_isIncompleteBody_andStoresNothing() {
    state.createBucket("bucket");

    S3Response response = send("PUT", "/bucket/key", "", 5_000, "x".repeat(700));

    assertThat(response.status()).isEqualTo(400);
    assertThat(text(response)).contains("<Code>IncompleteBody</Code>",
        "You did not provide the number of bytes specified by the Content-Length HTTP header");
    assertThat(state.keys("bucket")).isEmpty();
  }

  @Test
  void deleteObjects_whoseDocumentEndsEarly_deletesNothing() {
    state.createBucket("bucket");
    state.putObject("bucket", "a", "kept");
    String document = "<Delete><Object><Key>a</Key></Object></Delete>";

    S3Response response = send("POST", "/bucket", "delete", document.length() + 100, document);

    assertThat(response.status()).isEqualTo(400);
    assertThat(text(response)).contains("<Code>IncompleteBody</Code>");
    assertThat(state.keys("bucket")).containsExactly("a");
  }

  @Test
  void aBodyOfTheDeclaredLength_isStoredAsBefore() {
    state.createBucket("bucket");

    S3Response response = send("PUT", "/bucket/key", "", 3, "abc");

    assertThat(response.status()).isEqualTo(200);
    assertThat(state.keys("bucket")).containsExactly("key");
  }

  private S3Response send(String method, String path, String query, long declared, String sent) {
    byte[] body = sent.getBytes(StandardCharsets.UTF_8);
    RestRequest request = new RestRequest(method, "localhost", path, query,
        RequestHeaders.of(List.of(Map.entry("Content-Length", Long.toString(declared)))),
        declared, () -> new ByteArrayInputStream(body));
    return new S3Protocol(state).handle(request, new ResponseIds("R", "H"));
  }

  private static String text(S3Response response) {
    byte[] bytes = new byte[response.body().remaining()];
    response.body().duplicate().get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
