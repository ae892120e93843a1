package dev.tombstone.internal.server;

import dev.tombstone.faults.FaultRule.Service;
import dev.tombstone.internal.s3.protocol.S3Protocol;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ResponseCommitListener;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * Sends each request to the protocol it belongs to, by its shape: an {@code X-Amz-Target} of
 * DynamoDB or DynamoDB Streams (which answer 404 to anything but a POST of JSON), the
 * MagnetoDB path prefix, a DynamoDB JSON {@code POST /}, an {@code OPTIONS} to the service root
 * (DynamoDB's CORS preflight), the admin endpoints, and S3 for everything else.
 */
final class Router implements HttpHandler {
  static final HttpString X_AMZ_TARGET = new HttpString("X-Amz-Target");

  private final HttpHandler dynamoDb;
  private final HttpHandler notPostToDynamoDb;
  private final HttpHandler magnetoDb;
  private final HttpHandler admin;
  private final HttpHandler s3;
  private final ResponseCommitListener recordInJournal;

  Router(Emulator emulator) {
    RequestJournal journal = emulator.journal();
    this.recordInJournal = journal::record;
    ResponseEnvelope envelope = new ResponseEnvelope(emulator.clock());
    SignatureLayer signatures = emulator.credentials()
        .map(credentials -> new SignatureLayer(credentials, emulator.clock(), envelope))
        .orElse(null);
    // Faults are a layer of their own, in front of the protocols (not MagnetoDB's dialect).
    FaultLayer faults = new FaultLayer(emulator.faults(), emulator.dynamoDb(), envelope,
        journal::record);
    this.dynamoDb = faults.guard(Service.DYNAMODB,
        new DynamoDbHttpHandler(emulator, envelope, signatures));
    this.notPostToDynamoDb = new NotPostToDynamoDb(envelope);
    this.magnetoDb = new MagnetoDbHttpHandler(emulator);
    this.admin = new AdminHandler(emulator);
    this.s3 = HeaderLimits.s3(
        faults.guard(Service.S3, new S3HttpHandler(emulator, envelope, signatures)), envelope);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    // On commit, not on completion: the entry then exists before the client sees the answer.
    exchange.addResponseCommitListener(recordInJournal);
    route(exchange).handleRequest(exchange);
  }

  private HttpHandler route(HttpServerExchange exchange) {
    String target = exchange.getRequestHeaders().getFirst(X_AMZ_TARGET);
    if (target != null
        && (target.startsWith("DynamoDB_") || target.startsWith("DynamoDBStreams_"))) {
      // DynamoDB answers a body it cannot read (not one of its two JSON types) as any non-POST.
      return exchange.getRequestMethod().equals(Methods.POST)
          && !DynamoDbContentType.hasUnreadableBody(exchange) ? dynamoDb : notPostToDynamoDb;
    }
    String path = exchange.getRequestPath();
    if (exchange.getRequestMethod().equals(Methods.OPTIONS) && S3Protocol.addressesService(
        exchange.getRequestHeaders().getFirst(Headers.HOST), path)) {
      // S3 has no preflight for its service root; a browser's DynamoDB client sends one there.
      return notPostToDynamoDb;
    }
    if (path.startsWith("/v1/data/")) {
      return magnetoDb;
    }
    if (exchange.getRequestMethod().equals(Methods.POST)
        && path.equals("/")
        && DynamoDbContentType.isAmzJson(
            exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE))) {
      return dynamoDb;
    }
    if (path.startsWith(AdminHandler.TOMBSTONE_PREFIX)
        || path.startsWith(AdminHandler.LOCALSTACK_PREFIX)) {
      return admin;
    }
    return s3;
  }
}
