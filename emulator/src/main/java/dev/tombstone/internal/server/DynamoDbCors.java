package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * DynamoDB's CORS, which has no configuration: every answer to a request with an {@code Origin}
 * allows any origin, and a preflight {@code OPTIONS} with an {@code Origin} is 200 with an empty
 * body that echoes the requested headers and method (dynalite test/connection.js, 'should set
 * CORS if OPTIONS and Origin and Headers and Method', 'should return UnknownOperationException
 * and set CORS if using Origin'). Those answers also expose response headers to the page:
 * ScyllaDB's test_cors.py, written to pass against DynamoDB, requires {@code
 * Access-Control-Expose-Headers} on them without naming its value; the value is the one AWS's
 * other JSON services send (ACM, Cognito). It leaves out {@code x-amz-crc32}, which DynamoDB does
 * not expose to browsers (aws/aws-sdk-js#1614: the browser SDK skips the CRC check for that
 * reason).
 */
final class DynamoDbCors {
  static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
  private static final HttpString EXPOSE_HEADERS =
      new HttpString("Access-Control-Expose-Headers");
  static final String EXPOSED = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";
  private static final HttpString REQUEST_HEADERS =
      new HttpString("Access-Control-Request-Headers");
  private static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
  /** Two days, in seconds. */
  private static final String MAX_AGE_SECONDS = "172800";

  private DynamoDbCors() {}

  /**
   * Adds {@code Access-Control-Allow-Origin: *} and the exposed headers when the request carries
   * an {@code Origin}.
   */
  static void allowOrigin(HttpServerExchange exchange) {
    if (exchange.getRequestHeaders().contains(Headers.ORIGIN)) {
      exchange.getResponseHeaders().put(ALLOW_ORIGIN, "*");
      exchange.getResponseHeaders().put(EXPOSE_HEADERS, EXPOSED);
    }
  }

  /** Whether the request is a preflight DynamoDB answers: an {@code OPTIONS} with an Origin. */
  static boolean isPreflight(HttpServerExchange exchange) {
    return exchange.getRequestMethod().equals(Methods.OPTIONS)
        && exchange.getRequestHeaders().contains(Headers.ORIGIN);
  }

  /**
   * Adds the preflight headers after {@link ResponseEnvelope#beginDynamoDb} (which allowed the
   * origin): the requested headers and method as sent, when sent, and the two-day max age.
   */
  static void preflightHeaders(HttpServerExchange exchange) {
    HeaderMap request = exchange.getRequestHeaders();
    HeaderMap response = exchange.getResponseHeaders();
    String headers = request.getFirst(REQUEST_HEADERS);
    if (headers != null) {
      response.put(ALLOW_HEADERS, headers);
    }
    String method = request.getFirst(REQUEST_METHOD);
    if (method != null) {
      response.put(ALLOW_METHODS, method);
    }
    response.put(MAX_AGE, MAX_AGE_SECONDS);
  }
}
