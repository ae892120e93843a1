package dev.tombstone.benchmarks.baseline;

import io.undertow.Undertow;

/**
 * What the mandated HTTP stack costs on its own, for {@code StartupTime}: an Undertow server
 * with default settings answering every request with an empty ListTables result, without any
 * emulator code.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.tombstone.benchmarks.baseline.UndertowBaseline
 * --port <port>}
 */
public final class UndertowBaseline {
  private UndertowBaseline() {}

  public static void main(String[] args) {
    Undertow.builder()
        .addHttpListener(Ports.of(args), "127.0.0.1")
        .setHandler(exchange -> exchange.getResponseSender().send("{\"TableNames\":[]}"))
        .build()
        .start();
  }
}
