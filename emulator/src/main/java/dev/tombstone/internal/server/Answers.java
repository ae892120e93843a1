package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Writes the answers a fault makes up, framed as each service frames its own: DynamoDB's
 * request id, CRC-32 and Date; S3's request and host ids, Date and Server. (These mirror the
 * protocol handlers' framing; once the server has one response envelope, use it here.)
 */
final class Answers {
  private static final HttpString AMZN_REQUEST_ID = new HttpString("x-amzn-RequestId");
  private static final HttpString CRC32_HEADER = new HttpString("x-amz-crc32");
  private static final HttpString S3_REQUEST_ID = new HttpString("x-amz-request-id");
  private static final HttpString S3_HOST_ID = new HttpString("x-amz-id-2");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private Answers() {}

  static void dynamoDb(HttpServerExchange exchange, Clock clock, int status, byte[] body) {
    exchange.setStatusCode(status);
    HeaderMap headers = exchange.getResponseHeaders();
    String requested = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    headers.put(Headers.CONTENT_TYPE,
        requested != null && requested.trim().toLowerCase(Locale.ROOT)
            .startsWith("application/json") ? "application/json" : "application/x-amz-json-1.0");
    headers.put(AMZN_REQUEST_ID, RequestIds.next());
    CRC32 crc = new CRC32();
    crc.update(body);
    headers.put(CRC32_HEADER, Long.toString(crc.getValue()));
    headers.put(Headers.DATE, HTTP_DATE.format(clock.instant()));
    headers.put(Headers.CONTENT_LENGTH, body.length);
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }

  static void s3Error(HttpServerExchange exchange, Clock clock, int status, String code,
      String message) {
    s3Error(exchange, clock, status, code, message, java.util.List.of());
  }

  /** An S3 error document with code-specific elements after the message, in order. */
  static void s3Error(HttpServerExchange exchange, Clock clock, int status, String code,
      String message, java.util.List<java.util.Map.Entry<String, String>> fields) {
    String requestId = RequestIds.next(16);
    byte[] hostBytes = new byte[48];
    ThreadLocalRandom.current().nextBytes(hostBytes);
    String hostId = Base64.getEncoder().encodeToString(hostBytes);
    StringBuilder xml = new StringBuilder(S3Faults.XML_DECLARATION).append("<Error><Code>")
        .append(code).append("</Code><Message>");
    S3Faults.escape(xml, message);
    xml.append("</Message>");
    for (java.util.Map.Entry<String, String> field : fields) {
      xml.append('<').append(field.getKey()).append('>');
      S3Faults.escape(xml, field.getValue());
      xml.append("</").append(field.getKey()).append('>');
    }
    xml.append("<RequestId>").append(requestId).append("</RequestId><HostId>")
        .append(hostId).append("</HostId></Error>");
    exchange.getResponseHeaders().put(S3_REQUEST_ID, requestId);
    exchange.getResponseHeaders().put(S3_HOST_ID, hostId);
    s3(exchange, clock, status, xml.toString().getBytes(StandardCharsets.UTF_8));
  }

  static void s3(HttpServerExchange exchange, Clock clock, int status, byte[] body) {
    exchange.setStatusCode(status);
    HeaderMap headers = exchange.getResponseHeaders();
    if (!headers.contains(S3_REQUEST_ID)) {
      headers.put(S3_REQUEST_ID, RequestIds.next(16));
    }
    headers.put(Headers.DATE, HTTP_DATE.format(clock.instant()));
    headers.put(Headers.SERVER, "AmazonS3");
    headers.put(Headers.CONTENT_TYPE, "application/xml");
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    headers.put(Headers.CONTENT_LENGTH, head ? 0 : body.length);
    if (head) {
      exchange.endExchange();
    } else {
      exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
  }
}
