package dev.tombstone.internal.server;

import dev.tombstone.internal.auth.ChunkCheck;
import dev.tombstone.internal.auth.ChunkSigner;
import dev.tombstone.internal.auth.Credentials;
import dev.tombstone.internal.auth.SignedRequest;
import dev.tombstone.internal.auth.Verdict;
import dev.tombstone.internal.auth.Verifier;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict mode: checks every DynamoDB and S3 request's SigV4 signature against the one key pair
 * configured, and refuses the rest with the service's own error, before any protocol sees the
 * request. The admin endpoints and MagnetoDB (which never used SigV4) are not checked.
 */
final class SignatureLayer {
  private static final DateTimeFormatter ISO_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final String CORAL = "com.amazon.coral.service#";

  private final Verifier verifier;
  private final ResponseEnvelope envelope;

  SignatureLayer(Credentials credentials, Clock clock, ResponseEnvelope envelope) {
    this.verifier = new Verifier(credentials, clock);
    this.envelope = envelope;
  }

  /** True when the DynamoDB request may proceed; otherwise the refusal has been sent. */
  boolean admitDynamoDb(HttpServerExchange exchange, byte[] body) throws Exception {
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    Verdict verdict = verifier.verify(signed("dynamodb", exchange, sha256));
    if (verdict instanceof Verdict.Accepted) {
      return true;
    }
    DynamoDbRefusal refusal = DynamoDbRefusal.of(verdict);
    Map<String, Object> error = new java.util.LinkedHashMap<>();
    error.put("__type", CORAL + refusal.type());
    error.put("message", refusal.message());
    Answers.dynamoDb(exchange, envelope, 400, JsonTree.write(error));
    return false;
  }

  /**
   * Checks an S3 request; a signed aws-chunked body is read here, checked chunk by chunk, and
   * handed on from memory. Empty when the refusal has been sent.
   */
  Optional<Body> admitS3(HttpServerExchange exchange, Body body) throws IOException {
    Verdict verdict = verifier.verify(signed("s3", exchange, null));
    if (!(verdict instanceof Verdict.Accepted accepted)) {
      closeAfterAnswer(exchange);
      S3Refusal.send(exchange, envelope, verdict);
      return Optional.empty();
    }
    String framing = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
    if (!ChunkSigner.signsChunks(framing)) {
      return Optional.of(body);
    }
    byte[] bytes;
    try (InputStream in = body.open()) {
      bytes = in.readAllBytes();
    }
    ChunkCheck check = accepted.chunks().check(bytes, framing, accessKeyId(exchange));
    if (check instanceof ChunkCheck.Intact intact) {
      return Optional.of(() -> new ByteArrayInputStream(intact.body()));
    }
    closeAfterAnswer(exchange);
    if (check instanceof ChunkCheck.Forged forged) {
      S3Refusal.send(exchange, envelope, forged.mismatch());
    } else {
      Answers.s3Error(exchange, envelope, 400, "IncompleteBody",
          "The request body terminated unexpectedly");
    }
    return Optional.empty();
  }

  private static void closeAfterAnswer(HttpServerExchange exchange) {
    if (exchange.getRequestContentLength() != 0) {
      exchange.setPersistent(false);
    }
  }

  /** Opens a request body; the S3 handler's own opener, or the checked bytes. */
  @FunctionalInterface
  interface Body {
    InputStream open() throws IOException;
  }

  private static String accessKeyId(HttpServerExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    int start = authorization == null ? -1 : authorization.indexOf("Credential=");
    if (start < 0) {
      return "";
    }
    int end = authorization.indexOf('/', start);
    return end < 0 ? "" : authorization.substring(start + 11, end);
  }

  private static SignedRequest signed(String service, HttpServerExchange exchange,
      String bodySha256) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      for (String value : values) {
        headers.add(new AbstractMap.SimpleImmutableEntry<>(
            values.getHeaderName().toString(), value));
      }
    }
    return new SignedRequest(service, exchange.getRequestMethod().toString(),
        exchange.getRequestPath(), exchange.getQueryString(), headers, bodySha256);
  }

  static String isoSeconds(java.time.Instant instant) {
    return ISO_SECONDS.format(instant);
  }
}
