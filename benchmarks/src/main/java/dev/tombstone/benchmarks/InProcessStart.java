package dev.tombstone.benchmarks;

import dev.tombstone.Tombstone;
import io.undertow.Undertow;
import java.util.ArrayList;
import java.util.List;

/**
 * The cold in-process start the JUnit extension pays in a fresh test JVM, next to its floor:
 * each run is a fresh JVM timing one {@code Tombstone.builder().start()}, or one bare Undertow
 * server with default settings started the same way, from the call to its return.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.tombstone.benchmarks.InProcessStart [runs]}. A measurement, not a test.
 */
public final class InProcessStart {
  private InProcessStart() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    // Interleaved, so both see the same machine: one run of each, then the next pair.
    List<Long> undertow = new ArrayList<>();
    List<Long> tombstone = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      undertow.add(once("undertow"));
      tombstone.add(once("tombstone"));
    }
    long floor = FreshJvm.median(undertow);
    long ours = FreshJvm.median(tombstone);
    System.out.printf("cold start in a fresh JVM, median of %d interleaved runs:%n", runs);
    System.out.printf("  bare Undertow:          %d ms%n", floor);
    System.out.printf("  Tombstone.start():      %d ms (%.2f x the bare Undertow)%n", ours,
        (double) ours / floor);
  }

  private static long once(String which) throws Exception {
    return FreshJvm.run(Probe.class, which);
  }

  /** Starts one server, prints the milliseconds the start took on its last line, stops it. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      long start = System.nanoTime();
      if (args[0].equals("undertow")) {
        Undertow undertow = Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setHandler(exchange -> exchange.getResponseSender().send("{}"))
            .build();
        undertow.start();
        long millis = (System.nanoTime() - start) / 1_000_000;
        undertow.stop();
        System.out.println();
        System.out.println(millis);
      } else {
        Tombstone tombstone = Tombstone.builder().start();
        long millis = (System.nanoTime() - start) / 1_000_000;
        tombstone.close();
        System.out.println();
        System.out.println(millis);
      }
    }
  }
}
