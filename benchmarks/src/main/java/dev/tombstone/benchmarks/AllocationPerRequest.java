package dev.tombstone.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.s3.Versioning;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Bytes the server allocates per request, for the load workloads of {@code ../shared/perf},
 * next to a bare Undertow answering a fixed body (the floor of {@code vs-floor.sh}), both
 * in this JVM. Unlike a rate, the figure does not move with the machine's load: it is the
 * sum of every thread's allocation but the client's, over one run of requests sent one after
 * another on one kept-alive connection, after a run of the same size to warm up.
 *
 * <p>The requests have the headers the load generator sends (a SigV4 {@code Authorization},
 * {@code X-Amz-Date}, {@code x-amz-content-sha256}); the emulator does not check signatures
 * by default, so they are not computed. Items and objects a workload deletes are put through
 * the in-process API first, outside the measured runs.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.tombstone.benchmarks.AllocationPerRequest [requests]}. A measurement, not a test.
 */
public final class AllocationPerRequest {
  private static final String TABLE = "perf_table";
  private static final String BUCKET = "perf-unversioned";
  private static final String VERSIONED = "perf-versioned";
  private static final String VALUE = "v".repeat(64);
  private static final int KEYS_PER_BATCH = 1000;

  private AllocationPerRequest() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    System.out.printf("| workload | floor B/request | Tombstone B/request | ratio |%n");
    System.out.printf("|---|---|---|---|%n");
    for (Workload workload : Workload.values()) {
      int count = workload == Workload.S3_DELETE_OBJECTS ? Math.max(1, requests / 200) : requests;
      long floor = onFloor(workload, count);
      long tombstone = onTombstone(workload, count);
      System.out.printf("| %s | %,d | %,d | %.2f |%n", workload.label, floor, tombstone,
          (double) tombstone / floor);
    }
  }

  /** The load generator's workloads; request {@code i} of a run touches key {@code i}. */
  private enum Workload {
    DDB_DELETE_MISSING("ddb-delete-missing"),
    DDB_DELETE_CONDITIONAL("ddb-delete-conditional"),
    DDB_PUT_DELETE("ddb-put-delete"),
    S3_DELETE_UNVERSIONED("s3-delete-unversioned"),
    S3_DELETE_VERSIONED("s3-delete-versioned"),
    S3_DELETE_OBJECTS("s3-delete-objects (1,000 keys)");

    final String label;

    Workload(String label) {
      this.label = label;
    }

    /** Puts what request {@code i} deletes, through the in-process API. */
    void prepare(Tombstone tombstone, int i) {
      switch (this) {
        case DDB_DELETE_CONDITIONAL -> tombstone.dynamoDb().putItem(TABLE, Item.of(Map.of(
            "pk", AttributeValue.s("k-" + i), "v", AttributeValue.s(VALUE),
            "n", AttributeValue.n("42"))));
        case S3_DELETE_UNVERSIONED -> tombstone.s3().putObject(BUCKET, "o/" + i, new byte[1024]);
        case S3_DELETE_VERSIONED -> tombstone.s3().putObject(VERSIONED, "o/" + i, new byte[1024]);
        case S3_DELETE_OBJECTS -> {
          for (int k = i * KEYS_PER_BATCH; k < (i + 1) * KEYS_PER_BATCH; k++) {
            tombstone.s3().putObject(BUCKET, "o/" + k, new byte[1024]);
          }
        }
        default -> { }
      }
    }

    byte[] request(int i, String host) {
      return switch (this) {
        case DDB_DELETE_MISSING -> dynamoDb(host, "DeleteItem", "{\"TableName\":\"" + TABLE
            + "\",\"Key\":{\"pk\":{\"S\":\"missing-" + i + "\"}}}");
        case DDB_DELETE_CONDITIONAL -> dynamoDb(host, "DeleteItem", "{\"TableName\":\"" + TABLE
            + "\",\"Key\":{\"pk\":{\"S\":\"k-" + i + "\"}},\"ConditionExpression\":"
            + "\"attribute_exists(pk)\",\"ReturnValues\":\"ALL_OLD\"}");
        case DDB_PUT_DELETE -> (i & 1) == 0
            ? dynamoDb(host, "PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":"
                + "\"pd-" + (i >> 1) + "\"},\"v\":{\"S\":\"" + VALUE + "\"},\"n\":{\"N\":\"42\"}}}")
            : dynamoDb(host, "DeleteItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":"
                + "{\"S\":\"pd-" + (i >> 1) + "\"}}}");
        case S3_DELETE_UNVERSIONED -> s3(host, "DELETE", "/" + BUCKET + "/o/" + i, Map.of(),
            new byte[0]);
        case S3_DELETE_VERSIONED -> s3(host, "DELETE", "/" + VERSIONED + "/o/" + i, Map.of(),
            new byte[0]);
        case S3_DELETE_OBJECTS -> {
          StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
              + "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>false</Quiet>");
          for (int k = i * KEYS_PER_BATCH; k < (i + 1) * KEYS_PER_BATCH; k++) {
            xml.append("<Object><Key>o/").append(k).append("</Key></Object>");
          }
          byte[] body = xml.append("</Delete>").toString().getBytes(StandardCharsets.UTF_8);
          yield s3(host, "POST", "/" + BUCKET + "?delete=",
              Map.of("Content-MD5",
                  Base64.getEncoder().encodeToString(RawHttp.digest("MD5", body)),
                  "Content-Type", "application/xml"), body);
        }
      };
    }
  }

  private static long onTombstone(Workload workload, int count) throws Exception {
    try (Tombstone tombstone = Tombstone.builder().start()) {
      tombstone.dynamoDb().createTable(TABLE, KeySchema.of(KeyAttribute.s("pk")));
      tombstone.s3().createBucket(BUCKET);
      tombstone.s3().createBucket(VERSIONED);
      tombstone.s3().setVersioning(VERSIONED, Versioning.ENABLED);
      for (int i = 0; i < 2 * count; i++) {
        workload.prepare(tombstone, i);
      }
      return measure(tombstone.port(), count, i -> workload.request(i,
          "127.0.0.1:" + tombstone.port()));
    }
  }

  private static long onFloor(Workload workload, int count) throws Exception {
    ByteBuffer body = ByteBuffer.allocateDirect(64);
    body.put("{\"Attributes\":{\"pk\":{\"S\":\"floor\"}}}".getBytes(StandardCharsets.US_ASCII))
        .flip();
    HttpString requestId = new HttpString("x-amzn-RequestId");
    Undertow floor = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
        .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes(
            (done, bytes) -> answer(done, requestId, body)))
        .build();
    floor.start();
    try {
      int port = ((InetSocketAddress) floor.getListenerInfo().get(0).getAddress()).getPort();
      return measure(port, count, i -> workload.request(i, "127.0.0.1:" + port));
    } finally {
      floor.stop();
    }
  }

  /** The floor's answer, as {@code ../shared/perf/floor} gives it. */
  private static void answer(HttpServerExchange exchange, HttpString requestId, ByteBuffer body) {
    exchange.getResponseHeaders().put(requestId, "floor");
    if (Methods.DELETE.equals(exchange.getRequestMethod())) {
      exchange.setStatusCode(204);
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/x-amz-json-1.0");
    exchange.getResponseSender().send(body.duplicate());
  }

  /** Warms up with requests 0..count-1, then measures count..2*count-1. */
  private static long measure(int port, int count, IntFunction<byte[]> request)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      long before = 0;
      for (int i = 0; i < 2 * count; i++) {
        byte[] bytes = request.apply(i);
        if (i == count) {
          before = serverAllocatedBytes();
        }
        out.write(bytes);
        out.flush();
        int status = RawHttp.readResponse(in).status();
        if (status >= 300) {
          throw new IllegalStateException("request " + i + " answered " + status);
        }
      }
      return (serverAllocatedBytes() - before) / count;
    }
  }

  /** Every live thread's allocated bytes but the calling (client) thread's. */
  private static long serverAllocatedBytes() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    long self = Thread.currentThread().getId();
    long sum = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] != self && bytes[i] > 0) {
        sum += bytes[i];
      }
    }
    return sum;
  }

  private static byte[] dynamoDb(String host, String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return RawHttp.request("POST", "/", host, "dynamodb", Map.of(
        "Content-Type", "application/x-amz-json-1.0",
        "X-Amz-Target", "DynamoDB_20120810." + operation), body);
  }

  private static byte[] s3(String host, String method, String target, Map<String, String> extra,
      byte[] body) {
    return RawHttp.request(method, target, host, "s3", extra, body);
  }
}
