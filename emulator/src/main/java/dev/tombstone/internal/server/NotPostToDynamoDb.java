package dev.tombstone.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * DynamoDB's answer to a request that names a DynamoDB operation in {@code X-Amz-Target} but is
 * not a POST, or is a POST whose body is not of one of its two JSON content types
 * ({@link DynamoDbContentType}): 404 with the body {@code <UnknownOperationException/>} and a
 * newline, and no content type (dynamodb-api.md §1.2, §1.6 step 2). Neither the operation nor a
 * fault rule runs, and the body is not read. An {@code OPTIONS} with an {@code Origin} is a
 * CORS preflight instead, answered 200 by {@link DynamoDbCors}; the router also sends here an
 * {@code OPTIONS} to S3's service root, where S3 has nothing to answer a preflight for.
 */
final class NotPostToDynamoDb implements HttpHandler {
  private static final HttpString CRC32_HEADER = new HttpString("x-amz-crc32");
  private static final byte[] BODY =
      "<UnknownOperationException/>\n".getBytes(StandardCharsets.US_ASCII);
  private static final String BODY_CRC32 = crc32(BODY);

  private final ResponseEnvelope envelope;

  NotPostToDynamoDb(ResponseEnvelope envelope) {
    this.envelope = envelope;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (DynamoDbCors.isPreflight(exchange)) {
      envelope.beginDynamoDb(exchange, 200);
      DynamoDbCors.preflightHeaders(exchange);
      ResponseEnvelope.sendEmpty(exchange);
      return;
    }
    envelope.beginDynamoDb(exchange, 404);
    exchange.getResponseHeaders().put(CRC32_HEADER, BODY_CRC32);
    ResponseEnvelope.send(exchange, ByteBuffer.wrap(BODY),
        !exchange.getRequestMethod().equals(Methods.HEAD));
  }

  private static String crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return Long.toString(crc.getValue());
  }
}
