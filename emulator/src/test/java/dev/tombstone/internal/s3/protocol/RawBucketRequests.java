package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Unsigned requests to a bucket subresource with a plain HTTP client, for documents the SDK
 * refuses to build and for the exact bytes of an answer.
 */
final class RawBucketRequests {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Tombstone tombstone;

  RawBucketRequests(Tombstone tombstone) {
    this.tombstone = tombstone;
  }

  HttpResponse<String> get(String bucket, String subresource) {
    return send(request(bucket, subresource).GET());
  }

  HttpResponse<String> put(String bucket, String subresource, String body) {
    return put(bucket, subresource, body, new String[0]);
  }

  HttpResponse<String> put(String bucket, String subresource, String body, String... headers) {
    HttpRequest.Builder request = request(bucket, subresource)
        .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  HttpResponse<String> delete(String bucket, String subresource) {
    return send(request(bucket, subresource).DELETE());
  }

  /** Asserts the answer is S3's error document with this status, code and message. */
  static void assertError(HttpResponse<String> answer, int status, String code, String message) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).contains("<Code>" + code + "</Code>",
        "<Message>" + message + "</Message>");
  }

  private HttpRequest.Builder request(String bucket, String subresource) {
    return HttpRequest.newBuilder(URI.create(tombstone.endpoint() + "/" + bucket + "?"
        + subresource));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
