package dev.tombstone.benchmarks;

import dev.tombstone.internal.SideTask;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;

/**
 * The least work a correct server can do for the load generator's {@code s3-delete-objects}
 * workload, on the floor's stack: a bare Undertow that checks the body's SHA-256 against
 * {@code x-amz-content-sha256} and its MD5 against {@code Content-MD5}, reads the keys, removes
 * each from one {@link ConcurrentHashMap} filled by the preload's PUTs, and answers the
 * {@code DeleteResult} S3 writes: one {@code <Deleted>} entry per key. The MD5 runs on an idle
 * core (Tombstone's {@code SideTask}) beside the SHA-256 and the search for the keys, as in
 * Tombstone.
 *
 * <p>It is cheaper than any real S3 emulator can be: it checks no signature, trusts the XML to be
 * well formed and of the load generator's shape (it only looks for {@code <Key>} elements), keeps
 * no versions, metadata or journal, and serves one bucket whatever the name. So its rate beside
 * the floor's, in the same run, shows how far the work itself is from a target, apart from any
 * server's way of doing more (it is not a proof: a server could overlap more of the work than
 * this one does). {@code vs-floor.sh} runs it beside Tombstone with {@code LEAST=1}.
 *
 * <p>It answers CreateBucket ({@code PUT /bucket}, 200), PutObject ({@code PUT /bucket/key},
 * 200), DeleteObject ({@code DELETE /bucket/key}, 204) and DeleteObjects ({@code POST
 * /bucket?delete}), whose body must match its digests (else 400); anything else gets an empty
 * 200, as from the floor. Like the floor, it answers on the I/O thread once the body is read.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.tombstone.benchmarks.LeastDeleteObjects [PORT] [HOST]} (defaults 18300, 127.0.0.1).
 */
public final class LeastDeleteObjects {
  private static final HttpString REQUEST_ID = new HttpString("x-amz-request-id");
  private static final byte[] KEY_START = ascii("<Key>");
  private static final byte[] RESULT_START = ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
  private static final byte[] DELETED_START = ascii("<Deleted><Key>");
  private static final byte[] DELETED_END = ascii("</Key></Deleted>");
  private static final byte[] RESULT_END = ascii("</DeleteResult>");
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(() -> digest("SHA-256"));
  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(() -> digest("MD5"));

  /** Bodies up to this size are read into an array of their size; larger ones by Undertow. */
  private static final int MAX_BODY = 64 * 1024;

  private final ConcurrentHashMap<String, Boolean> keys = new ConcurrentHashMap<>();

  LeastDeleteObjects() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18300;
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    new LeastDeleteObjects().start(host, port);
    System.out.println("least DeleteObjects server listening on http://" + host + ":" + port);
  }

  /** Starts serving on {@code port} (0: any free one). */
  Undertow start(String host, int port) {
    Undertow server = Undertow.builder()
        .addHttpListener(port, host)
        .setIoThreads(Runtime.getRuntime().availableProcessors())
        .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
        .setHandler(this::serve)
        .build();
    server.start();
    return server;
  }

  /**
   * Reads the body straight into an array of its declared length, as Tombstone does, and then
   * answers. Undertow's {@code receiveFullBytes} reads a pooled buffer at a time: after a 48 KB
   * answer on the same connection, the next 48 KB request took 0.44 ms to arrive that way,
   * against 0.05 ms after a small answer.
   */
  private void serve(HttpServerExchange exchange) throws IOException {
    long declared = exchange.getRequestContentLength();
    if (declared < 0 || declared > MAX_BODY) {
      exchange.getRequestReceiver().receiveFullBytes(this::answer);
      return;
    }
    ByteBuffer body = ByteBuffer.allocate((int) declared);
    StreamSourceChannel channel = exchange.getRequestChannel();
    if (drain(channel, body)) {
      answer(exchange, body.array());
      return;
    }
    channel.getReadSetter().set(ready -> {
      try {
        if (!drain(ready, body)) {
          return;
        }
      } catch (IOException e) {
        IoUtils.safeClose(exchange.getConnection());
        return;
      }
      ready.getReadSetter().set(null);
      ready.suspendReads();
      Connectors.executeRootHandler(done -> answer(done, body.array()), exchange);
    });
    channel.resumeReads();
  }

  /** Reads what is there into {@code body}; true once it is full. */
  private static boolean drain(StreamSourceChannel channel, ByteBuffer body) throws IOException {
    while (body.hasRemaining()) {
      int read = channel.read(body);
      if (read == -1) {
        throw new EOFException("the body ended before its Content-Length");
      }
      if (read == 0) {
        return false;
      }
    }
    return true;
  }

  /** Stores {@code key} as a PUT of it would. */
  void put(String key) {
    keys.put(key, Boolean.TRUE);
  }

  private void answer(HttpServerExchange exchange, byte[] body) {
    exchange.getResponseHeaders().put(REQUEST_ID, "least");
    String path = exchange.getRequestPath();
    int keyAt = path.indexOf('/', 1);
    HttpString method = exchange.getRequestMethod();
    if (Methods.POST.equals(method) && keyAt < 0
        && exchange.getQueryParameters().containsKey("delete")) {
      deleteObjects(exchange, body);
    } else if (Methods.PUT.equals(method)) {
      if (keyAt > 0) {
        keys.put(path.substring(keyAt + 1), Boolean.TRUE);
      }
      exchange.endExchange();
    } else if (Methods.DELETE.equals(method) && keyAt > 0) {
      keys.remove(path.substring(keyAt + 1));
      exchange.setStatusCode(204);
      exchange.endExchange();
    } else {
      exchange.endExchange();
    }
  }

  private void deleteObjects(HttpServerExchange exchange, byte[] body) {
    String sha256 = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
    String md5 = exchange.getRequestHeaders().getFirst("Content-MD5");
    if (sha256 == null || md5 == null) {
      refuse(exchange);
      return;
    }
    // The MD5 goes to an idle core, as Tombstone's does, while this thread checks the SHA-256
    // and finds the keys; nothing is removed before both digests passed.
    SideTask<byte[]> bodyMd5 = SideTask.offer(() -> MD5.get().digest(body));
    boolean shaMatches = Arrays.equals(HexFormat.of().parseHex(sha256), SHA_256.get().digest(body));
    int[] keyBounds = keyBounds(body);
    if (!Arrays.equals(Base64.getDecoder().decode(md5), bodyMd5.join()) || !shaMatches) {
      refuse(exchange);
      return;
    }
    Answer answer = new Answer(64 + body.length + body.length / 16);
    answer.append(RESULT_START, 0, RESULT_START.length);
    for (int i = 0; i < keyBounds.length && keyBounds[i] >= 0; i += 2) {
      int start = keyBounds[i];
      int length = keyBounds[i + 1] - start;
      keys.remove(new String(body, start, length, StandardCharsets.UTF_8));
      answer.append(DELETED_START, 0, DELETED_START.length);
      answer.append(body, start, length);
      answer.append(DELETED_END, 0, DELETED_END.length);
    }
    answer.append(RESULT_END, 0, RESULT_END.length);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/xml");
    // Without a length Undertow sends the answer chunked, in several writes: 0.4 ms instead of
    // 0.05 under the load generator.
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, Integer.toString(answer.size));
    exchange.getResponseSender().send(ByteBuffer.wrap(answer.bytes, 0, answer.size));
  }

  /**
   * Where each {@code <Key>}'s text starts and ends, in pairs, for up to 1,024 keys; -1 after
   * the last.
   */
  private static int[] keyBounds(byte[] body) {
    int[] bounds = new int[2 * 1024];
    int count = 0;
    for (int at = indexOf(body, KEY_START, 0); at >= 0 && count < bounds.length;
        at = indexOf(body, KEY_START, at)) {
      int start = at + KEY_START.length;
      int end = start;
      while (body[end] != '<') {
        end++;
      }
      bounds[count++] = start;
      bounds[count++] = end;
      at = end;
    }
    if (count < bounds.length) {
      bounds[count] = -1;
    }
    return bounds;
  }

  private static void refuse(HttpServerExchange exchange) {
    exchange.setStatusCode(400);
    exchange.endExchange();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    byte first = needle[0];
    int last = haystack.length - needle.length;
    for (int i = from; i <= last; i++) {
      if (haystack[i] == first && Arrays.equals(haystack, i, i + needle.length, needle, 0,
          needle.length)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The answer's bytes. A key is copied as the request wrote it: the load generator's keys need
   * no escaping, in the request or in the answer.
   */
  private static final class Answer {
    private byte[] bytes;
    private int size;

    Answer(int capacity) {
      bytes = new byte[capacity];
    }

    void append(byte[] from, int offset, int length) {
      if (size + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
      }
      System.arraycopy(from, offset, bytes, size, length);
      size += length;
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
