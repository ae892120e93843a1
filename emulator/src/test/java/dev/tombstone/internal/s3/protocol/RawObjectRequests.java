package dev.tombstone.internal.s3.protocol;

import dev.tombstone.Tombstone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Unsigned requests to any path with a plain HTTP client: for the fields of an error document,
 * which the SDK does not keep, and for requests the SDK will not send.
 */
final class RawObjectRequests {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Tombstone tombstone;

  RawObjectRequests(Tombstone tombstone) {
    this.tombstone = tombstone;
  }

  /**
   * @param pathAndQuery e.g. {@code /bucket/key?uploadId=x}
   * @param headers name, value, name, value ...
   */
  HttpResponse<String> send(String method, String pathAndQuery, String body,
      String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + pathAndQuery))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text of the first {@code <name>} element of {@code xml}; null when there is none. */
  static String element(String xml, String name) {
    int start = xml.indexOf("<" + name + ">");
    if (start < 0) {
      return null;
    }
    start += name.length() + 2;
    return xml.substring(start, xml.indexOf("</" + name + ">", start));
  }
}
