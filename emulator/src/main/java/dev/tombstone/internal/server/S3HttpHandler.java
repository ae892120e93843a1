package dev.tombstone.internal.server;

import dev.tombstone.internal.s3.protocol.RequestHeaders;
import dev.tombstone.internal.s3.protocol.ResponseIds;
import dev.tombstone.internal.s3.protocol.RestRequest;
import dev.tombstone.internal.s3.protocol.S3Protocol;
import dev.tombstone.internal.s3.protocol.S3Response;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads an S3 REST request off Undertow, hands it to the protocol, and writes the answer in the
 * S3 envelope.
 */
final class S3HttpHandler implements HttpHandler {
  /** The most of a refused body read and dropped to keep its connection; past it, closed. */
  private static final long DISCARD_LIMIT = 64L * 1024 * 1024;

  private final S3Protocol protocol;
  private final ResponseEnvelope envelope;

  private final SignatureLayer signatures;
  private final BufferedBodies bodies = new BufferedBodies();
  private final BodyReader.Cut incompleteBody;
  private final HeaderNames headerNames = new HeaderNames();

  /** @param signatures strict mode's check, or null */
  S3HttpHandler(Emulator emulator, ResponseEnvelope envelope, SignatureLayer signatures) {
    this.protocol = new S3Protocol(emulator.s3(), emulator.clock(), emulator.credentials());
    this.envelope = envelope;
    this.signatures = signatures;
    this.incompleteBody = ShortBodies.s3(envelope);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      bodies.serve(exchange, this::serveBuffered, incompleteBody, this);
      return;
    }
    exchange.startBlocking();
    BodyOpener opener = new BodyOpener(exchange);
    StallWatch.start(exchange, opener::received);
    serve(exchange, opener);
  }

  /**
   * Serves a request whose body, if any, was read in full on the I/O thread: the protocol is
   * in-memory work, so it runs there too, with no hand-over to a worker.
   */
  private void serveBuffered(HttpServerExchange exchange, byte[] body) throws IOException {
    serve(exchange, new BufferedBody(body));
  }

  private void serve(HttpServerExchange exchange, TrackedBody opener) throws IOException {
    RestRequest.Body body = opener;
    // A CORS preflight is sent by the browser itself, which never signs it, so S3 takes it
    // unsigned even where every other request must be signed.
    // A browser upload is authorized by the signed policy in its form, checked by the protocol.
    if (signatures != null && !exchange.getRequestMethod().equals(Methods.OPTIONS)
        && !authorizedByForm(exchange)) {
      java.util.Optional<SignatureLayer.Body> admitted;
      try {
        admitted = signatures.admitS3(exchange, opener::open);
      } catch (IOException brokenBody) {
        exchange.setPersistent(false);
        exchange.endExchange();
        return;
      }
      if (admitted.isEmpty()) {
        return;
      }
      body = admitted.get()::open;
    }
    RestRequest request = new RestRequest(
        exchange.getRequestMethod().toString(),
        exchange.getRequestHeaders().getFirst(Headers.HOST),
        exchange.getRequestPath(),
        exchange.getQueryString(),
        headers(exchange.getRequestHeaders()),
        exchange.getRequestContentLength(),
        body);
    ResponseIds ids = RequestIds.s3();
    S3Response response = protocol.handle(request, ids);
    if (exchange.isResponseStarted()) {
      // The connection broke while the body was read (the read timeout closed it, say):
      // Undertow has ended the exchange and there is no one left to answer.
      return;
    }
    if (hasBody(exchange) && (response.status() >= 400 || !opener.opened())
        && !opener.discardRest()) {
      // A body too large to discard, broken, or never sent (the client waits for
      // "100 Continue"): the connection cannot carry another request.
      exchange.setPersistent(false);
    }
    if (PartialAnswers.pending(exchange)) {
      byte[] answer = new byte[response.body().remaining()];
      response.body().duplicate().get(answer);
      response = response.withBody(
          ByteBuffer.wrap(PartialAnswers.complete(exchange, response.status(), answer)));
    }
    write(exchange, request, response, ids);
  }

  private void write(
      HttpServerExchange exchange, RestRequest request, S3Response response, ResponseIds ids) {
    envelope.beginS3(exchange, response.status(), ids);
    HeaderMap headers = exchange.getResponseHeaders();
    for (S3Response.Header header : response.headers()) {
      headers.add(headerNames.of(header.name()), header.value());
    }
    if (request.isHead()) {
      // HEAD answers keep their headers and drop the body, an error document included.
      ResponseEnvelope.sendEmpty(exchange);
    } else {
      ResponseEnvelope.send(exchange, response.body(), true);
    }
  }

  private static boolean authorizedByForm(HttpServerExchange exchange) {
    HeaderMap headers = exchange.getRequestHeaders();
    return S3Protocol.authorizedByForm(exchange.getRequestMethod().toString(),
        headers.getFirst(Headers.HOST), exchange.getRequestPath(), exchange.getQueryString(),
        headers.contains(Headers.AUTHORIZATION));
  }

  private static RequestHeaders headers(HeaderMap map) {
    RequestHeaders.Builder headers = new RequestHeaders.Builder(map.size());
    for (HeaderValues values : map) {
      String name = values.getHeaderName().toString();
      for (String value : values) {
        headers.add(name, value);
      }
    }
    return headers.build();
  }

  private static boolean hasBody(HttpServerExchange exchange) {
    return exchange.getRequestContentLength() > 0
        || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
  }

  /** A request body that knows whether the protocol opened it. */
  private interface TrackedBody extends RestRequest.Body {
    boolean opened();

    /**
     * Reads and drops what the protocol left unread, so the client, which may still be
     * sending, gets to read the answer: closing a socket with unread bytes resets it, and the
     * reset can destroy the answer before the client reads it. Returns whether the body ended.
     */
    boolean discardRest();
  }

  /** A body already read in full. */
  private static final class BufferedBody implements TrackedBody {
    private final byte[] bytes;
    private boolean opened;

    BufferedBody(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public InputStream open() {
      opened = true;
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public byte[] buffered() {
      opened = true;
      return bytes;
    }

    @Override
    public boolean opened() {
      return opened;
    }

    @Override
    public boolean discardRest() {
      return true;
    }
  }

  /** Opens the body once, answering {@code Expect: 100-continue} first. */
  private static final class BodyOpener implements TrackedBody {
    private final HttpServerExchange exchange;
    private boolean opened;
    // Written by the worker, read by the stall watch on the I/O thread.
    private final AtomicLong received = new AtomicLong();

    BodyOpener(HttpServerExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public boolean opened() {
      return opened;
    }

    long received() {
      return received.get();
    }

    @Override
    public boolean discardRest() {
      long declared = exchange.getRequestContentLength();
      if (declared > DISCARD_LIMIT
          || (!opened && HttpContinue.requiresContinueResponse(exchange))) {
        return false;
      }
      try {
        // Not closed: closing Undertow's stream reads the body to its end, however long.
        InputStream rest = open();
        long left = DISCARD_LIMIT;
        byte[] sink = new byte[8192];
        for (int read; (read = rest.read(sink)) >= 0; ) {
          left -= read;
          if (left < 0) {
            return false;
          }
        }
        return true;
      } catch (IOException | RuntimeException broken) {
        return false;
      }
    }

    @Override
    public InputStream open() throws IOException {
      opened = true;
      if (HttpContinue.requiresContinueResponse(exchange)) {
        HttpContinue.sendContinueResponseBlocking(exchange);
      }
      return new ClosedConnectionAware(exchange, received);
    }
  }

  /**
   * Undertow's blocking stream fails with a NullPointerException, not an IOException, when the
   * stall watch has closed the connection under it; report that as the broken read it is. Counts
   * the bytes read, for the stall watch.
   */
  private static final class ClosedConnectionAware extends FilterInputStream {
    private final HttpServerExchange exchange;
    private final AtomicLong received;

    ClosedConnectionAware(HttpServerExchange exchange, AtomicLong received) {
      super(exchange.getInputStream());
      this.exchange = exchange;
      this.received = received;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        if (b >= 0) {
          received.incrementAndGet();
        }
        return b;
      } catch (RuntimeException e) {
        throw brokenIfClosed(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
          received.addAndGet(read);
        }
        return read;
      } catch (RuntimeException e) {
        throw brokenIfClosed(e);
      }
    }

    private IOException brokenIfClosed(RuntimeException e) {
      if (exchange.getConnection().isOpen()) {
        throw e;
      }
      return new IOException("connection closed while reading the request body", e);
    }
  }
}
