package dev.tombstone.internal.s3.protocol;

import java.io.IOException;
import java.io.InputStream;

/**
 * One S3 REST request as the protocol sees it, independent of the HTTP server. Internal.
 *
 * @param method the HTTP method, upper-case
 * @param host the {@code Host} header, or empty
 * @param rawPath the request path as sent, not percent-decoded
 * @param rawQuery the query string as sent, without {@code ?}
 * @param contentLength the {@code Content-Length}, or -1 when the body is chunked or absent
 * @param body opens the body; reading it may first send {@code 100 Continue}
 */
public record RestRequest(
    String method,
    String host,
    String rawPath,
    String rawQuery,
    RequestHeaders headers,
    long contentLength,
    Body body) {

  /** The request body, read at most once. */
  public interface Body {
    /** Opens the body; the protocol closes the stream once it has read all of it. */
    InputStream open() throws IOException;

    /**
     * The whole body if the server has already read it into memory, else null. Taking it counts
     * as opening the body; the protocol may keep the array but never writes to it.
     */
    default byte[] buffered() {
      return null;
    }
  }

  /** Whether this is a HEAD request, which is answered without a body. */
  public boolean isHead() {
    return method.equals("HEAD");
  }
}
