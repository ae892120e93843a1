package dev.tombstone.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.util.List;
import java.util.Map;

/**
 * S3's limit on the request head: headers and query string together may take 8 KiB, beyond
 * which S3 answers {@code RequestHeaderSectionTooLarge} before it looks at the request. (The
 * HTTP layer refuses any request head over {@link #SERVER_MAX_HEAD} for every protocol.)
 */
final class HeaderLimits {
  /** S3's limit, reported in the error's {@code MaxSizeAllowed}. */
  static final int S3_MAX_HEADER_SECTION = 8192;
  /** The largest request head the server reads at all; beyond it the connection is refused. */
  static final int SERVER_MAX_HEAD = 64 * 1024;

  private HeaderLimits() {}

  static HttpHandler s3(HttpHandler next, ResponseEnvelope envelope) {
    return exchange -> {
      if (size(exchange) > S3_MAX_HEADER_SECTION) {
        if (exchange.getRequestContentLength() != 0) {
          // The body stays unread; S3 closes such connections after an error too.
          exchange.setPersistent(false);
        }
        Answers.s3Error(exchange, envelope, 400, "RequestHeaderSectionTooLarge",
            "Your request header section exceeds the maximum allowed size.",
            List.of(Map.entry("MaxSizeAllowed", Integer.toString(S3_MAX_HEADER_SECTION))));
        return;
      }
      next.handleRequest(exchange);
    };
  }

  /** The bytes of the header lines and the query string, as the client sent them. */
  static long size(HttpServerExchange exchange) {
    long size = exchange.getQueryString().length();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      int name = values.getHeaderName().length();
      for (String value : values) {
        size += name + 2 + value.length() + 2;
      }
    }
    return size;
  }
}
