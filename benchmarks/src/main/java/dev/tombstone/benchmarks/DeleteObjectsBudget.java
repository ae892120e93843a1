package dev.tombstone.benchmarks;

import dev.tombstone.Tombstone;
import io.undertow.Undertow;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a 1,000-key DeleteObjects costs at one connection, beside the least any server can spend
 * on it, measured in one JVM and one run: the round trip of the same requests to a bare Undertow
 * that reads the body and answers a small fixed body (the floor of {@code vs-floor.sh}), to a
 * bare Undertow answering a {@code DeleteResult} of 1,000 {@code <Deleted>} entries (as large as
 * a correct answer is), to {@link LeastDeleteObjects} (a bare Undertow doing only the work a
 * correct answer needs), and to Tombstone deleting 1,000 of 100,000 objects; and, hot, the two
 * digests S3 requires of the body (its SHA-256 for the signature's payload hash, its MD5 for
 * Content-MD5) and what a bare {@link ConcurrentHashMap} of 100,000 keys takes to find and
 * remove 1,000 of them: the least any server spends on the work itself.
 *
 * <p>Each round stores 100,000 objects of 1 KiB in Tombstone through the in-process API (and
 * their keys in the least-work server), then
 * sends 100 requests to each server in turn on one kept-alive connection; a server's figure is
 * the median over rounds (the first third are warm-up) of each round's median round trip.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.tombstone.benchmarks.DeleteObjectsBudget [rounds]}. A measurement, not a test.
 */
public final class DeleteObjectsBudget {
  private static final String BUCKET = "budget";
  private static final int KEYS = 1000;
  private static final int REQUESTS = 100;

  private DeleteObjectsBudget() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    byte[] answer = deleteResult();
    Undertow floor = bareUndertow(ByteBuffer.wrap(
        "{\"Attributes\":{\"pk\":{\"S\":\"floor\"}}}".getBytes(StandardCharsets.US_ASCII)));
    Undertow largeAnswer = bareUndertow(ByteBuffer.wrap(answer));
    LeastDeleteObjects leastWork = new LeastDeleteObjects();
    Undertow least = leastWork.start("127.0.0.1", 0);
    List<Double> floorTimes = new ArrayList<>();
    List<Double> largeAnswerTimes = new ArrayList<>();
    List<Double> leastTimes = new ArrayList<>();
    List<Double> tombstoneTimes = new ArrayList<>();
    long tombstoneAnswer = 0;
    try (Tombstone tombstone = Tombstone.builder().start()) {
      tombstone.s3().createBucket(BUCKET);
      byte[] object = new byte[1024];
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < REQUESTS * KEYS; k++) {
          tombstone.s3().putObject(BUCKET, key(round, k), object);
          leastWork.put(key(round, k));
        }
        byte[][] requests = new byte[REQUESTS][];
        for (int i = 0; i < REQUESTS; i++) {
          requests[i] = request(round, i);
        }
        boolean counted = round >= rounds / 3;
        Run run = roundTrips(port(floor), requests);
        add(floorTimes, counted, run);
        run = roundTrips(port(largeAnswer), requests);
        add(largeAnswerTimes, counted, run);
        run = roundTrips(port(least), requests);
        add(leastTimes, counted, run);
        run = roundTrips(tombstone.port(), requests);
        add(tombstoneTimes, counted, run);
        tombstoneAnswer = run.middleAnswerBytes();
      }
    } finally {
      floor.stop();
      largeAnswer.stop();
      least.stop();
    }
    byte[] body = body(0, REQUESTS / 2);
    System.out.printf("1,000-key DeleteObjects on one connection, median round trip"
        + " (median of %d rounds of %d requests):%n", floorTimes.size(), REQUESTS);
    System.out.printf("  floor, small fixed answer:           %6.0f us%n", median(floorTimes));
    System.out.printf("  floor, answering %,d bytes:      %6.0f us%n", answer.length,
        median(largeAnswerTimes));
    System.out.printf("  least work (LeastDeleteObjects):     %6.0f us%n", median(leastTimes));
    System.out.printf("  Tombstone (answers %,d bytes):   %6.0f us%n", tombstoneAnswer,
        median(tombstoneTimes));
    System.out.printf("  hot, the %,d-byte body's SHA-256: %.0f us, its MD5: %.0f us%n",
        body.length, hotMicros("SHA-256", body), hotMicros("MD5", body));
    System.out.printf("  a bare hash map of 100,000 keys, 1,000 of them found, then removed:"
        + " %.0f us%n", bareMapMicros());
  }

  /** Keys as long as the load generator's: {@code o/}, a ten-character run tag, the index. */
  private static String key(int round, int k) {
    return "o/" + String.format("run%07d", round) + "/" + k;
  }

  private static byte[] body(int round, int request) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>false</Quiet>");
    for (int k = request * KEYS; k < (request + 1) * KEYS; k++) {
      xml.append("<Object><Key>").append(key(round, k)).append("</Key></Object>");
    }
    return xml.append("</Delete>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] request(int round, int request) {
    byte[] body = body(round, request);
    return RawHttp.request("POST", "/" + BUCKET + "?delete=", "127.0.0.1", "s3",
        Map.of("Content-MD5", Base64.getEncoder().encodeToString(RawHttp.digest("MD5", body)),
            "Content-Type", "application/xml"), body);
  }

  /** A DeleteResult as large as Tombstone's answer to the middle request of a round. */
  private static byte[] deleteResult() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
    for (int k = REQUESTS / 2 * KEYS; k < (REQUESTS / 2 + 1) * KEYS; k++) {
      xml.append("<Deleted><Key>").append(key(0, k)).append("</Key></Deleted>");
    }
    return xml.append("</DeleteResult>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Undertow bareUndertow(ByteBuffer answer) {
    Undertow server = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes(
            (done, bytes) -> done.getResponseSender().send(answer.duplicate())))
        .build();
    server.start();
    return server;
  }

  private static int port(Undertow server) {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** One server's round: its median round trip and the size of its answer to the middle request. */
  private record Run(double medianMicros, long middleAnswerBytes) {}

  private static Run roundTrips(int port, byte[][] requests) throws IOException {
    long[] nanos = new long[requests.length];
    long answerBytes = 0;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      for (int i = 0; i < requests.length; i++) {
        long start = System.nanoTime();
        out.write(requests[i]);
        out.flush();
        RawHttp.Response response = RawHttp.readResponse(in);
        nanos[i] = System.nanoTime() - start;
        if (response.status() != 200) {
          throw new IllegalStateException("request " + i + " answered " + response.status());
        }
        if (i == requests.length / 2) {
          answerBytes = response.length();
        }
      }
    }
    Arrays.sort(nanos);
    return new Run(nanos[nanos.length / 2] / 1e3, answerBytes);
  }

  private static void add(List<Double> times, boolean counted, Run run) {
    if (counted) {
      times.add(run.medianMicros());
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /**
   * Median over rounds: 100,000 fresh keys in a map, then 100 batches of 1,000 keys (new strings,
   * as a parsed request has) first looked up, then removed, as {@code DeleteObjects} does.
   */
  private static double bareMapMicros() {
    ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();
    List<Double> perBatch = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      for (int k = 0; k < REQUESTS * KEYS; k++) {
        map.put(key(round, k), new Object());
      }
      String[] keys = new String[REQUESTS * KEYS];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = key(round, k);
      }
      long start = System.nanoTime();
      for (int batch = 0; batch < REQUESTS; batch++) {
        int from = batch * KEYS;
        for (int k = from; k < from + KEYS; k++) {
          map.get(keys[k]);
        }
        for (int k = from; k < from + KEYS; k++) {
          map.remove(keys[k]);
        }
      }
      if (round >= 4) {
        perBatch.add((System.nanoTime() - start) / 1e3 / REQUESTS);
      }
    }
    return median(perBatch);
  }

  /** The best of 2,000 digests of {@code bytes}, in microseconds. */
  private static double hotMicros(String algorithm, byte[] bytes) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 2000; i++) {
      long start = System.nanoTime();
      RawHttp.digest(algorithm, bytes);
      best = Math.min(best, System.nanoTime() - start);
    }
    return best / 1e3;
  }
}
