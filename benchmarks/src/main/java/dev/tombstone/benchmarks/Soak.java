package dev.tombstone.benchmarks;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.s3.Versioning;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak run: many connections, every delete path of both services, for minutes; each minute
 * it prints the requests served, the errors (any answer other than the expected one; must stay
 * 0) and the heap used after a full GC (must stay flat, since every loop deletes what it wrote).
 *
 * <p>Each worker owns one keep-alive TCP connection and speaks HTTP/1.1 on it directly, checking
 * the framing of every answer ({@code Content-Length}, chunked, or none for 204) and that no
 * byte arrives between answers. An earlier version used the JDK's {@code HttpClient}, whose
 * connection pool now and then closes a pooled connection as the next exchange starts on it
 * ("HTTP/1.1 header parser received no bytes", caused by "Data received while in pool"), on
 * JDK 17.0.15 and 25.0.3 alike; with one connection per worker and no pool, an error here is the
 * server's.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.tombstone.benchmarks.Soak
 * [minutes=10] [connections=64]}. A measurement, not a test: run it on a quiet machine.
 */
public final class Soak {
  private final InetSocketAddress address;
  private final String host;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);

  private Soak(URI endpoint) {
    this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    this.host = endpoint.getHost() + ":" + endpoint.getPort();
  }

  public static void main(String[] args) throws Exception {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    try (Tombstone tombstone = Tombstone.builder().start()) {
      tombstone.dynamoDb().createTable("soak", KeySchema.of(KeyAttribute.s("id")));
      tombstone.s3().createBucket("soak-plain");
      tombstone.s3().createBucket("soak-versioned");
      tombstone.s3().setVersioning("soak-versioned", Versioning.ENABLED);
      Soak soak = new Soak(tombstone.endpoint());
      ExecutorService workers = Executors.newFixedThreadPool(connections);
      for (int i = 0; i < connections; i++) {
        int worker = i;
        workers.execute(() -> soak.loop(worker));
      }
      System.out.printf("minute  requests  req/s  errors  heap-after-GC-MiB  items  keys%n");
      long previous = 0;
      for (int minute = 1; minute <= minutes; minute++) {
        Thread.sleep(60_000);
        long now = soak.requests.get();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%6d  %8d  %5d  %6d  %17.1f  %5d  %4d%n", minute, now - previous,
            (now - previous) / 60, soak.errors.get(), heap / 1048576.0,
            tombstone.dynamoDb().items("soak").size(),
            tombstone.s3().keys("soak-plain").size() + tombstone.s3().keys("soak-versioned")
                .size());
        previous = now;
      }
      soak.running.set(false);
      workers.shutdown();
      workers.awaitTermination(30, TimeUnit.SECONDS);
      System.out.printf("total errors: %d; connections opened again after an error: %d%n",
          soak.errors.get(), soak.reconnects.get());
      soak.errorKinds.forEach(
          (kind, count) -> System.out.printf("%8d  %s%n", count.get(), kind));
    }
  }

  private void loop(int worker) {
    long n = 0;
    Connection connection = null;
    while (running.get()) {
      String id = "w" + worker + "-" + (n++ % 1000);
      try {
        if (connection == null) {
          connection = new Connection();
        }
        dynamoDbPaths(connection, id);
        s3Paths(connection, id);
      } catch (Exception e) {
        error(e.toString());
        if (errors.get() <= 5) {
          System.err.println("worker " + worker + ", " + id + ": " + e);
          e.printStackTrace();
        }
        if (connection != null) {
          connection.close();
          connection = null;
          reconnects.incrementAndGet();
        }
      }
    }
    if (connection != null) {
      connection.close();
    }
  }

  private void error(String kind) {
    errors.incrementAndGet();
    errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  private void dynamoDbPaths(Connection c, String id) throws Exception {
    String item = "{\"TableName\":\"soak\",\"Item\":{\"id\":{\"S\":\"" + id
        + "\"},\"status\":{\"S\":\"NEW\"}}}";
    String statusIs = ",\"ConditionExpression\":\"#s = :s\","
        + "\"ExpressionAttributeNames\":{\"#s\":\"status\"},"
        + "\"ExpressionAttributeValues\":{\":s\":{\"S\":\"";
    dynamo(c, "PutItem", item, 200);
    Response refused = dynamo(c, "DeleteItem", deleteKey(id, statusIs + "SHIPPED\"}}"), 400);
    if (!refused.body().contains("ConditionalCheckFailedException")) {
      unexpected(refused, "DeleteItem refused without ConditionalCheckFailedException");
    }
    dynamo(c, "DeleteItem", deleteKey(id, statusIs + "NEW\"}},\"ReturnValues\":\"ALL_OLD\""),
        200);
    dynamo(c, "PutItem", item, 200);
    dynamo(c, "DeleteItem", deleteKey(id,
        ",\"Expected\":{\"status\":{\"Value\":{\"S\":\"NEW\"}}}"), 200);
    dynamo(c, "PutItem", item, 200);
    dynamo(c, "BatchWriteItem", "{\"RequestItems\":{\"soak\":[{\"DeleteRequest\":{\"Key\":"
        + "{\"id\":{\"S\":\"" + id + "\"}}}}]}}", 200);
    dynamo(c, "PutItem", item, 200);
    dynamo(c, "TransactWriteItems", "{\"TransactItems\":[{\"Delete\":{\"TableName\":\"soak\","
        + "\"Key\":{\"id\":{\"S\":\"" + id + "\"}}}}]}", 200);
    dynamo(c, "PutItem", item, 200);
    send(c, "POST", "/", Map.of("X-Amz-Target", "DynamoDB_20111205.DeleteItem",
        "Content-Type", "application/x-amz-json-1.0"),
        "{\"TableName\":\"soak\",\"Key\":{\"HashKeyElement\":{\"S\":\"" + id + "\"}}}", 200);
    dynamo(c, "PutItem", item, 200);
    send(c, "POST", "/v1/data/default_tenant/tables/soak/delete_item",
        Map.of("Content-Type", "application/json"),
        "{\"key\":{\"id\":{\"S\":\"" + id + "\"}}}", 200);
    dynamo(c, "DeleteItem", deleteKey(id, ""), 200);
  }

  private static String deleteKey(String id, String more) {
    return "{\"TableName\":\"soak\",\"Key\":{\"id\":{\"S\":\"" + id + "\"}}" + more + "}";
  }

  private void s3Paths(Connection c, String id) throws Exception {
    send(c, "PUT", "/soak-plain/" + id, Map.of(), "soak payload", 200);
    send(c, "DELETE", "/soak-plain/" + id, Map.of(), "", 204);
    send(c, "PUT", "/soak-plain/" + id, Map.of(), "soak payload", 200);
    String document = "<Delete><Quiet>true</Quiet><Object><Key>" + id + "</Key></Object>"
        + "<Object><Key>" + id + "-absent</Key></Object></Delete>";
    send(c, "POST", "/soak-plain?delete", Map.of("Content-MD5", md5(document)), document, 200);
    Response written = send(c, "PUT", "/soak-versioned/" + id, Map.of(), "soak payload", 200);
    Response marker = send(c, "DELETE", "/soak-versioned/" + id, Map.of(), "", 204);
    for (Response version : List.of(marker, written)) {
      String versionId = version.headers().get("x-amz-version-id");
      if (versionId == null) {
        unexpected(version, "no x-amz-version-id");
        return;
      }
      send(c, "DELETE", "/soak-versioned/" + id + "?versionId=" + versionId, Map.of(), "", 204);
    }
    Response created = send(c, "POST", "/soak-plain/" + id + "?uploads", Map.of(), "", 200);
    String upload = created.body().replaceAll("(?s).*<UploadId>(.*)</UploadId>.*", "$1");
    send(c, "DELETE", "/soak-plain/" + id + "?uploadId=" + upload, Map.of(), "", 204);
  }

  private Response dynamo(Connection c, String operation, String json, int expected)
      throws IOException {
    return send(c, "POST", "/", Map.of("X-Amz-Target", "DynamoDB_20120810." + operation,
        "Content-Type", "application/x-amz-json-1.0"), json, expected);
  }

  private Response send(Connection c, String method, String path, Map<String, String> headers,
      String body, int expected) throws IOException {
    Response response = c.exchange(method, path, headers, body);
    requests.incrementAndGet();
    if (response.status() != expected) {
      unexpected(response, method + " " + path);
    }
    return response;
  }

  private void unexpected(Response response, String what) {
    error("status " + response.status() + " for " + what.replaceAll("w\\d+-\\d+", "<id>")
        .replaceAll("(versionId|uploadId)=.*", "$1=…"));
    if (errors.get() <= 5) {
      System.err.println("unexpected " + response.status() + " for " + what + ": "
          + response.body());
    }
  }

  private static String md5(String text) throws Exception {
    return Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private record Response(int status, Map<String, String> headers, String body) {}

  /** One keep-alive HTTP/1.1 connection, one exchange at a time. */
  private final class Connection {
    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    Connection() throws IOException {
      socket.setSoTimeout(30_000);
      socket.setTcpNoDelay(true);
      socket.connect(address, 10_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }

    Response exchange(String method, String path, Map<String, String> headers, String body)
        throws IOException {
      if (in.available() > 0) {
        byte[] stray = in.readNBytes(in.available());
        throw new IOException("bytes between answers: "
            + new String(stray, StandardCharsets.ISO_8859_1));
      }
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method).append(' ').append(path)
          .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\nContent-Length: ")
          .append(content.length).append("\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value)
          .append("\r\n"));
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();

      String statusLine = line();
      if (statusLine == null) {
        throw new IOException("connection closed before an answer to " + method + " " + path);
      }
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].equals("HTTP/1.1")) {
        throw new IOException("not an HTTP/1.1 status line: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      Map<String, String> answerHeaders = new TreeMap<>();
      for (String line = line(); line != null && !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        answerHeaders.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      byte[] answer;
      if (status == 204 || status == 304 || method.equals("HEAD")) {
        answer = new byte[0];
      } else if ("chunked".equalsIgnoreCase(answerHeaders.get("transfer-encoding"))) {
        answer = chunked();
      } else if (answerHeaders.containsKey("content-length")) {
        int length = Integer.parseInt(answerHeaders.get("content-length"));
        answer = in.readNBytes(length);
        if (answer.length != length) {
          throw new IOException("answer cut short: " + answer.length + " of " + length);
        }
      } else {
        throw new IOException("answer " + status + " without framing to " + method + " " + path);
      }
      if ("close".equalsIgnoreCase(answerHeaders.get("connection"))) {
        throw new IOException("server closed the connection after " + status + " to " + method
            + " " + path);
      }
      return new Response(status, answerHeaders, new String(answer, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line();
        if (size == null) {
          throw new IOException("connection closed inside a chunked answer");
        }
        int length = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
        if (length == 0) {
          for (String trailer = line(); trailer != null && !trailer.isEmpty();
              trailer = line()) {
            // trailers are not used
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(length));
        line();
      }
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b == '\n') {
          int end = line.length();
          return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1)
              : line.toString();
        }
        line.append((char) b);
      }
      return line.length() == 0 ? null : line.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing after an error
      }
    }
  }
}
