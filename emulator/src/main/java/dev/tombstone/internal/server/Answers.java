package dev.tombstone.internal.server;

import dev.tombstone.internal.s3.protocol.ResponseIds;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes the answers a fault makes up, through the same {@link ResponseEnvelope} as the
 * protocols' own answers, plus what each service adds: DynamoDB's content type and CRC-32, S3's
 * XML content type and error document.
 */
final class Answers {
  private static final HttpString CRC32_HEADER = new HttpString("x-amz-crc32");

  private Answers() {}

  static void dynamoDb(HttpServerExchange exchange, ResponseEnvelope envelope, int status,
      byte[] body) {
    envelope.beginDynamoDb(exchange, status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE,
        DynamoDbHttpHandler.contentType(exchange));
    CRC32 crc = new CRC32();
    crc.update(body);
    exchange.getResponseHeaders().put(CRC32_HEADER, Long.toString(crc.getValue()));
    ResponseEnvelope.send(exchange, ByteBuffer.wrap(body), true);
  }

  static void s3Error(HttpServerExchange exchange, ResponseEnvelope envelope, int status,
      String code, String message) {
    s3Error(exchange, envelope, status, code, message, List.of());
  }

  /** An S3 error document with code-specific elements after the message, in order. */
  static void s3Error(HttpServerExchange exchange, ResponseEnvelope envelope, int status,
      String code, String message, List<Map.Entry<String, String>> fields) {
    ResponseIds ids = RequestIds.s3();
    StringBuilder xml = new StringBuilder(S3Faults.XML_DECLARATION).append("<Error><Code>")
        .append(code).append("</Code><Message>");
    S3Faults.escape(xml, message);
    xml.append("</Message>");
    for (Map.Entry<String, String> field : fields) {
      xml.append('<').append(field.getKey()).append('>');
      S3Faults.escape(xml, field.getValue());
      xml.append("</").append(field.getKey()).append('>');
    }
    xml.append("<RequestId>").append(ids.requestId()).append("</RequestId><HostId>")
        .append(ids.hostId()).append("</HostId></Error>");
    s3(exchange, envelope, ids, status, xml.toString().getBytes(StandardCharsets.UTF_8));
  }

  static void s3(HttpServerExchange exchange, ResponseEnvelope envelope, int status,
      byte[] body) {
    s3(exchange, envelope, RequestIds.s3(), status, body);
  }

  private static void s3(HttpServerExchange exchange, ResponseEnvelope envelope,
      ResponseIds ids, int status, byte[] body) {
    envelope.beginS3(exchange, status, ids);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/xml");
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (head) {
      exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
    }
    ResponseEnvelope.send(exchange, ByteBuffer.wrap(body), !head);
  }
}
