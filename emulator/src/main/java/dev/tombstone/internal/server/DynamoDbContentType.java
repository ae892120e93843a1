package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * The two content types DynamoDB reads, {@code application/x-amz-json-1.0} and
 * {@code application/json} (parameters after {@code ;} ignored, case and surrounding blanks
 * too), and the type of its answer: {@code application/x-amz-json-1.0} only for a request that
 * sent that type, {@code application/json} otherwise (dynalite test/connection.js, 'should
 * return UnknownOperationException if incorrect target operation'). A body of any other type, or
 * of no type, DynamoDB does not read at all: 404 {@code <UnknownOperationException/>}
 * (test/connection.js, 'should return 404 if body but no content-type' and '… but incorrect
 * content-type').
 */
final class DynamoDbContentType {
  static final String AMZ_JSON = "application/x-amz-json-1.0";
  static final String JSON = "application/json";

  private DynamoDbContentType() {}

  /** Whether {@code contentType} (a header value, or null) is DynamoDB's own JSON type. */
  static boolean isAmzJson(String contentType) {
    return AMZ_JSON.equalsIgnoreCase(mediaType(contentType));
  }

  /** The content type of the answer to a request with this content type (or none). */
  static String answerFor(String contentType) {
    return isAmzJson(contentType) ? AMZ_JSON : JSON;
  }

  /**
   * Whether the request carries a body (a positive {@code Content-Length}, or a
   * {@code Transfer-Encoding}) whose content type is neither of the two JSON types.
   */
  static boolean hasUnreadableBody(HttpServerExchange exchange) {
    var headers = exchange.getRequestHeaders();
    boolean body = headers.contains(Headers.TRANSFER_ENCODING)
        || exchange.getRequestContentLength() > 0;
    if (!body) {
      return false;
    }
    String type = mediaType(headers.getFirst(Headers.CONTENT_TYPE));
    return !AMZ_JSON.equalsIgnoreCase(type) && !JSON.equalsIgnoreCase(type);
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
  }
}
