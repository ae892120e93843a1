package dev.tombstone.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens many idle TCP connections to a running Tombstone (10,000 by default) and checks that
 * real requests — DynamoDB DeleteItem and S3 DeleteObject, each after the write it undoes — are
 * still answered, and how fast, compared with the same requests before the idle connections
 * were opened. Each measured request goes over a new connection ({@code Connection: close}),
 * so it also has to get through the accept queue while the idle ones are held.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.tombstone.benchmarks.IdleConnections
 * <emulator/target/tombstone.jar | http://host:port> [connections=10000] [samples=300]}. Given the
 * JAR, it starts {@code java -jar} on a free port as a separate process (so the server's and the
 * client's sockets count against two processes' descriptor limits, not one) and stops it at
 * the end. It needs {@code ulimit -n} above the connection count. After the measurements it
 * waits until the server's 60-second read timeout has passed and counts the idle connections
 * the server closed. A measurement, not a test: it is not part of {@code mvn verify}.
 */
public final class IdleConnections {
  private final InetSocketAddress address;
  private final String host;

  private IdleConnections(URI endpoint) {
    this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    this.host = endpoint.getHost() + ":" + endpoint.getPort();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: IdleConnections <tombstone.jar | http://host:port> "
          + "[connections=10000] [samples=300]");
      System.exit(2);
    }
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int samples = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    Process server = null;
    URI endpoint;
    if (args[0].startsWith("http://")) {
      endpoint = URI.create(args[0]);
    } else {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      server = new ProcessBuilder(java.toString(), "-jar", args[0], "--port",
          Integer.toString(port)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      endpoint = URI.create("http://127.0.0.1:" + port);
    }
    try {
      new IdleConnections(endpoint).run(connections, samples);
    } finally {
      if (server != null) {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private void run(int connections, int samples) throws Exception {
    awaitHealthy();
    check(dynamo("CreateTable", "{\"TableName\":\"idle\",\"KeySchema\":[{\"AttributeName\":"
        + "\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
        + "\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}"), 200, "CreateTable");
    check(request("PUT", "/idle-bucket", ""), 200, "CreateBucket");

    measure("warm-up", samples, 0);
    long[][] before = measure("without idle connections", samples, 0);

    List<SocketChannel> idle = new ArrayList<>(connections);
    long opening = System.nanoTime();
    try {
      for (int i = 0; i < connections; i++) {
        SocketChannel channel = SocketChannel.open(address);
        channel.configureBlocking(false);
        idle.add(channel);
      }
    } catch (IOException e) {
      System.out.printf("could open only %d connections: %s%n", idle.size(), e);
    }
    long openedAt = System.nanoTime();
    System.out.printf("opened %d idle connections in %.1f s%n", idle.size(),
        (openedAt - opening) / 1e9);
    long[][] during = measure("with " + idle.size() + " idle connections open", samples,
        samples);
    double measuredIn = (System.nanoTime() - openedAt) / 1e9;
    System.out.printf("idle connections still open after %.1f s: %d of %d%n", measuredIn,
        open(idle), idle.size());

    System.out.printf("%n| requests | without idle connections | with %,d idle connections |%n",
        idle.size());
    System.out.println("|---|---|---|");
    String[] names = {"DeleteItem", "DeleteObject"};
    for (int i = 0; i < names.length; i++) {
      System.out.printf("| %s (%d) | %s | %s |%n", names[i], samples, summary(before[i]),
          summary(during[i]));
    }

    long wait = TimeUnit.SECONDS.toNanos(65) - (System.nanoTime() - openedAt);
    if (wait > 0) {
      Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
    }
    System.out.printf("%nafter %.0f s (the server's read timeout is 60 s): %d of %d idle "
        + "connections still open%n", (System.nanoTime() - openedAt) / 1e9, open(idle),
        idle.size());
    for (SocketChannel channel : idle) {
      channel.close();
    }
    long[][] after = measure("after closing them", samples, 2L * samples);
    for (int i = 0; i < names.length; i++) {
      System.out.printf("%s after: %s%n", names[i], summary(after[i]));
    }
  }

  /**
   * Runs {@code samples} rounds of PutItem, DeleteItem, PutObject and DeleteObject, each on a new
   * connection; returns the DeleteItem and DeleteObject latencies in nanoseconds. Any answer
   * other than the expected status ends the run with an exception.
   */
  private long[][] measure(String label, int samples, long offset) throws Exception {
    long[] deleteItem = new long[samples];
    long[] deleteObject = new long[samples];
    for (int i = 0; i < samples; i++) {
      String id = "k" + (offset + i);
      check(dynamo("PutItem", "{\"TableName\":\"idle\",\"Item\":{\"id\":{\"S\":\"" + id
          + "\"},\"v\":{\"S\":\"x\"}}}"), 200, "PutItem");
      long start = System.nanoTime();
      String deleted = dynamo("DeleteItem", "{\"TableName\":\"idle\",\"Key\":{\"id\":{\"S\":\""
          + id + "\"}},\"ReturnValues\":\"ALL_OLD\"}");
      deleteItem[i] = System.nanoTime() - start;
      check(deleted, 200, "DeleteItem");
      if (!deleted.contains("\"v\":{\"S\":\"x\"}")) {
        throw new IllegalStateException("DeleteItem did not return the old item: " + deleted);
      }
      check(request("PUT", "/idle-bucket/" + id, "payload"), 200, "PutObject");
      start = System.nanoTime();
      String removed = request("DELETE", "/idle-bucket/" + id, "");
      deleteObject[i] = System.nanoTime() - start;
      check(removed, 204, "DeleteObject");
    }
    check(request("GET", "/idle-bucket?list-type=2", ""), 200, "ListObjectsV2");
    System.out.printf("%s: DeleteItem %s; DeleteObject %s%n", label, summary(deleteItem),
        summary(deleteObject));
    return new long[][] {deleteItem, deleteObject};
  }

  private static int open(List<SocketChannel> channels) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1);
    int open = 0;
    for (SocketChannel channel : channels) {
      try {
        buffer.clear();
        if (channel.read(buffer) == 0) {
          open++;
        }
      } catch (IOException reset) {
        // closed by the server
      }
    }
    return open;
  }

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("median %.2f ms, p99 %.2f ms, max %.2f ms",
        sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        check(request("GET", "/_tombstone/health", ""), 200, "health");
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void check(String response, int status, String what) {
    if (!response.startsWith("HTTP/1.1 " + status + " ")) {
      throw new IllegalStateException(what + " answered " + response);
    }
  }

  private String dynamo(String operation, String json) throws IOException {
    return exchange("POST / HTTP/1.1\r\nHost: " + host + "\r\nX-Amz-Target: DynamoDB_20120810."
        + operation + "\r\nContent-Type: application/x-amz-json-1.0\r\n", json);
  }

  private String request(String method, String path, String body) throws IOException {
    return exchange(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n", body);
  }

  /** One request on a new connection; the whole answer (head and body), read to the end. */
  private String exchange(String head, String body) throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(30_000);
      socket.connect(address, 30_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
