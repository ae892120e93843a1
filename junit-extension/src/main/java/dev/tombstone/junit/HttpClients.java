package dev.tombstone.junit;

import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * Picks the HTTP client explicitly when a known one is present: left to itself the SDK refuses
 * to choose when several are on the classpath. URLConnection is preferred for sync clients
 * because it starts fastest.
 */
final class HttpClients {
  private static final String URL_CONNECTION =
      "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";
  private static final String APACHE = "software.amazon.awssdk.http.apache.ApacheHttpClient";
  private static final String NETTY =
      "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

  private HttpClients() {}

  static Optional<SdkHttpClient.Builder<?>> sync() {
    if (Clients.isPresent(URL_CONNECTION)) {
      return Optional.of(UrlConnection.builder());
    }
    if (Clients.isPresent(APACHE)) {
      return Optional.of(Apache.builder());
    }
    return Optional.empty();
  }

  static Optional<SdkAsyncHttpClient.Builder<?>> async() {
    return Clients.isPresent(NETTY) ? Optional.of(Netty.builder()) : Optional.empty();
  }

  // One holder per implementation, so only the present ones are ever loaded.
  private static final class UrlConnection {
    static SdkHttpClient.Builder<?> builder() {
      return software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder();
    }
  }

  private static final class Apache {
    // Deprecated in favour of the Apache 5 client, but still the one most classpaths carry.
    @SuppressWarnings("deprecation")
    static SdkHttpClient.Builder<?> builder() {
      return software.amazon.awssdk.http.apache.ApacheHttpClient.builder();
    }
  }

  private static final class Netty {
    static SdkAsyncHttpClient.Builder<?> builder() {
      return software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient.builder();
    }
  }
}
