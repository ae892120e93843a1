package dev.tombstone.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the time from {@code java -jar tombstone.jar} to the first answered request (a
 * DynamoDB ListTables) as the median of several runs, the CPU time the JVM had used by then,
 * and the JAR's size.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.tombstone.benchmarks.StartupTime
 * emulator/target/tombstone.jar [runs] [JVM options...]}, e.g. {@code
 * -XX:SharedArchiveFile=tombstone.jsa} to measure with an application class-data archive. In
 * place of the JAR, the name of a baseline main class ({@code
 * dev.tombstone.benchmarks.baseline.JdkHttpServerBaseline} or {@code ...UndertowBaseline}) measures
 * a bare server from this JAR the same way. Run it on an otherwise idle machine; it is a
 * measurement, not a test.
 */
public final class StartupTime {
  private static final byte[] LIST_TABLES =
      ("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
              + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 2\r\n"
              + "Connection: close\r\n\r\n{}")
          .getBytes(StandardCharsets.US_ASCII);

  private StartupTime() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: StartupTime <path to tombstone.jar | baseline main class> [runs]"
              + " [JVM options...]");
      System.exit(2);
    }
    String target = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(args).subList(Math.min(2, args.length), args.length));
    if (target.endsWith(".jar")) {
      command.addAll(List.of("-jar", target));
    } else {
      // A baseline server from this JAR, started the same way.
      command.addAll(List.of("-cp", ownJar().toString(), target));
    }
    command.add("--port");
    List<Double> millis = new ArrayList<>();
    List<Double> cpuMillis = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      Run result = once(command);
      millis.add(result.wallMillis());
      cpuMillis.add(result.cpuMillis());
    }
    Collections.sort(millis);
    Collections.sort(cpuMillis);
    System.out.printf("runs (ms): %s%n", millis);
    System.out.printf("median start-up to first answered request: %.0f ms%n",
        millis.get(millis.size() / 2));
    System.out.printf("median CPU time (all threads) until then: %.0f ms%n",
        cpuMillis.get(cpuMillis.size() / 2));
    if (target.endsWith(".jar")) {
      Path jar = Path.of(target);
      System.out.printf("jar size: %.2f MB (%d bytes)%n", Files.size(jar) / 1_048_576.0,
          Files.size(jar));
    }
  }

  /** Wall-clock time to the first answer, and the CPU time the JVM had used by then. */
  private record Run(double wallMillis, double cpuMillis) {}

  private static Run once(List<String> command) throws Exception {
    int port = freePort();
    List<String> withPort = new ArrayList<>(command);
    withPort.add(Integer.toString(port));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(withPort).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      while (!answers(port)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("tombstone exited with " + process.exitValue());
        }
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
          throw new IllegalStateException("no answer within 30 s");
        }
        Thread.onSpinWait();
      }
      double wall = (System.nanoTime() - start) / 1e6;
      // CPU time is far less sensitive than wall time to other load on a small machine.
      double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
      return new Run(wall, cpu);
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(LIST_TABLES);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] status = in.readNBytes(12);
      return new String(status, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  private static Path ownJar() throws Exception {
    return Path.of(StartupTime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
