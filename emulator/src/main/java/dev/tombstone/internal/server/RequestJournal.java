package dev.tombstone.internal.server;

import dev.tombstone.RecordedRequest;
import dev.tombstone.internal.server.faults.FaultMark;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@link #CAPACITY} requests, oldest first. Internal: users read it through
 * {@code Tombstone.requests()}. A fixed ring so recording costs one small object per request
 * and memory stays bounded however long the emulator runs.
 */
public final class RequestJournal {
  static final int CAPACITY = 512;
  /** Handlers that read a text body attach it here so the journal can show it. */
  public static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

  private final RecordedRequest[] ring = new RecordedRequest[CAPACITY];
  private final Clock clock;
  private long recorded;

  RequestJournal(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records an exchange when its answer's status and headers are committed, or when a fault
   * closed its connection without an answer.
   */
  void record(HttpServerExchange exchange) {
    String query = exchange.getQueryString();
    String target = exchange.getRequestHeaders().getFirst(Router.X_AMZ_TARGET);
    FaultMark fault = FaultMark.of(exchange);
    add(new RecordedRequest(
        clock.instant(),
        exchange.getRequestMethod().toString(),
        exchange.getRequestPath(),
        query == null ? "" : query,
        target == null ? "" : target,
        bodyText(exchange.getAttachment(BODY)),
        fault != null && !fault.answered() ? RecordedRequest.NO_ANSWER : exchange.getStatusCode(),
        fault == null ? "" : fault.description()));
  }

  synchronized void add(RecordedRequest request) {
    ring[(int) (recorded % CAPACITY)] = request;
    recorded++;
  }

  /** The recorded requests, oldest first (at most {@link #CAPACITY}). */
  public synchronized List<RecordedRequest> snapshot() {
    int size = (int) Math.min(recorded, CAPACITY);
    List<RecordedRequest> copy = new ArrayList<>(size);
    for (long i = recorded - size; i < recorded; i++) {
      copy.add(ring[(int) (i % CAPACITY)]);
    }
    return copy;
  }

  /** Forgets every recorded request. */
  public synchronized void clear() {
    Arrays.fill(ring, null);
    recorded = 0;
  }

  private static String bodyText(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    int max = RecordedRequest.MAX_BODY_CHARS;
    // Decoding a prefix may split a multi-byte character at the end; the "..." marks the cut.
    if (body.length <= max) {
      return new String(body, StandardCharsets.UTF_8);
    }
    return new String(body, 0, max, StandardCharsets.UTF_8) + "...";
  }
}
