package dev.tombstone.internal.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  /** How many distinct targets are kept as shared instances. */
  static final int MAX_SHARED = 256;

  // Holds an Entry, or a Captured exchange whose body is decoded only when someone looks.
  private final Object[] ring = new Object[CAPACITY];
  private final Map<String, String> repeated = new ConcurrentHashMap<>();
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
    Instant now = clock.instant();
    put(new Captured(
        now.getEpochSecond(),
        now.getNano(),
        exchange.getRequestMethod().toString(),
        root(exchange.getRequestPath()),
        query == null ? "" : query,
        target == null ? "" : shared(target),
        retained(exchange.getAttachment(BODY)),
        fault != null && !fault.answered() ? NO_ANSWER : exchange.getStatusCode(),
        fault == null ? "" : fault.description()));
  }

  /**
   * DynamoDB's path {@code "/"} as one instance. The journal's entries outlive a young
   * collection or two, and the collector copies every private copy they hold.
   */
  private static String root(String path) {
    return "/".equals(path) ? "/" : path;
  }

  /**
   * One instance of a repeated target ({@code DynamoDB_20120810.DeleteItem}), for the same
   * reason; the first {@link #MAX_SHARED} distinct targets are kept.
   */
  private String shared(String text) {
    String known = repeated.get(text);
    if (known != null) {
      return known;
    }
    if (repeated.size() < MAX_SHARED) {
      repeated.putIfAbsent(text, text);
    }
    return text;
  }

  /** Records a request the emulator made itself (an expiry). */
  void add(Entry request) {
    put(request);
  }

  private synchronized void put(Object request) {
    ring[(int) (recorded % CAPACITY)] = request;
    recorded++;
  }

  /** The recorded requests, oldest first (at most {@link #CAPACITY}). */
  public synchronized List<Entry> snapshot() {
    int size = (int) Math.min(recorded, CAPACITY);
    List<Entry> copy = new ArrayList<>(size);
    for (long i = recorded - size; i < recorded; i++) {
      Object request = ring[(int) (i % CAPACITY)];
      copy.add(request instanceof Captured captured ? captured.entry() : (Entry) request);
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

  /** The body, or the prefix of it the journal shows, so a large body is not kept alive. */
  private static byte[] retained(byte[] body) {
    return body != null && body.length > MAX_BODY_CHARS + 1
        ? Arrays.copyOf(body, MAX_BODY_CHARS + 1)
        : body;
  }

  /**
   * An exchange as recorded on the request path: the body stays bytes until it is read, the
   * time two numbers until it is asked for.
   */
  private record Captured(
      long epochSecond, int nano, String method, String path, String query, String target,
      byte[] body, int status, String fault) {
    Entry entry() {
      return new Entry(Instant.ofEpochSecond(epochSecond, nano), method, path, query, target,
          bodyText(body), status, fault);
    }
  }

  private static String bodyText(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    int max = MAX_BODY_CHARS;
    // Decoding a prefix may split a multi-byte character at the end; the "..." marks the cut.
    // A retained prefix is one byte longer than shown, so a cut body still shows as cut.
    if (body.length <= max) {
      return new String(body, StandardCharsets.UTF_8);
    }
    return new String(body, 0, max, StandardCharsets.UTF_8) + "...";
  }
}
