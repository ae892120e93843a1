package dev.tombstone.benchmarks.baseline;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The floor for {@code StartupTime}: the JDK's built-in HTTP server answering every request
 * with an empty ListTables result. No emulator code, no third-party classes.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.tombstone.benchmarks.baseline.JdkHttpServerBaseline
 * --port <port>}
 */
public final class JdkHttpServerBaseline {
  private JdkHttpServerBaseline() {}

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.of(args)), 0);
    byte[] body = "{\"TableNames\":[]}".getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }
}
