package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
  /** Bodies longer than this many characters are cut and end with {@code "..."}. */
  public static final int MAX_BODY_CHARS = 2048;
  /** The status of a request whose connection a fault closed before any answer. */
  public static final int NO_ANSWER = 0;
  /** Handlers that read a text body attach it here so the journal can show it. */
  public static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

  private final Entry[] ring = new Entry[CAPACITY];
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
    add(new Entry(
        clock.instant(),
        exchange.getRequestMethod().toString(),
        exchange.getRequestPath(),
        query == null ? "" : query,
        target == null ? "" : target,
        bodyText(exchange.getAttachment(BODY)),
        fault != null && !fault.answered() ? NO_ANSWER : exchange.getStatusCode(),
        fault == null ? "" : fault.description()));
  }

  synchronized void add(Entry request) {
    ring[(int) (recorded % CAPACITY)] = request;
    recorded++;
  }

  /** The recorded requests, oldest first (at most {@link #CAPACITY}). */
  public synchronized List<Entry> snapshot() {
    int size = (int) Math.min(recorded, CAPACITY);
    List<Entry> copy = new ArrayList<>(size);
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

  /** One answered request; {@code Tombstone.requests()} shows it as a {@code RecordedRequest}. */
  public record Entry(
      Instant time, String method, String path, String query, String target, String body,
      int status, String fault) {}

  private static String bodyText(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    int max = MAX_BODY_CHARS;
    // Decoding a prefix may split a multi-byte character at the end; the "..." marks the cut.
    if (body.length <= max) {
      return new String(body, StandardCharsets.UTF_8);
    }
    return new String(body, 0, max, StandardCharsets.UTF_8) + "...";
  }
}
