package dev.tombstone.testing;

import dev.tombstone.Tombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One emulator per test class for the emulator's own tests: started before the first test,
 * {@linkplain Tombstone#reset() reset} before each test, and closed after the last together with
 * the SDK clients it handed out.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));
 * private final S3Client s3 = server.s3();
 * }</pre>
 *
 * <p>This module cannot use the project's own JUnit extension (that one depends on it), hence
 * this small stand-in. Register it on a static field; it keeps one class's state, so that class's
 * tests must run on one thread.
 */
public final class RunningTombstone
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private final UnaryOperator<Tombstone.Builder> settings;
  private final List<AutoCloseable> clients = new ArrayList<>();
  private Tombstone tombstone;
  private S3Client s3;
  private S3AsyncClient s3Async;
  private DynamoDbClient dynamoDb;

  private RunningTombstone(UnaryOperator<Tombstone.Builder> settings) {
    this.settings = settings;
  }

  /** An emulator at the builder's defaults. */
  public static RunningTombstone perClass() {
    return perClass(UnaryOperator.identity());
  }

  /** An emulator started from a builder that {@code settings} configured, e.g. with a clock. */
  public static RunningTombstone perClass(UnaryOperator<Tombstone.Builder> settings) {
    return new RunningTombstone(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    tombstone = settings.apply(Tombstone.builder()).start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    tombstone().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      for (AutoCloseable client : clients) {
        client.close();
      }
    } finally {
      clients.clear();
      s3 = null;
      s3Async = null;
      dynamoDb = null;
      if (tombstone != null) {   // null when the start in beforeAll failed
        tombstone.close();
        tombstone = null;
      }
    }
  }

  /** The running emulator. */
  public Tombstone tombstone() {
    if (tombstone == null) {
      throw new IllegalStateException(
          "no emulator is running: register RunningTombstone with @RegisterExtension on a static"
              + " field and use it from a test, not from a static initializer");
    }
    return tombstone;
  }

  /** A path-style S3 client for the emulator, built on first use. */
  public S3Client s3() {
    if (s3 == null) {
      s3 = track(dev.tombstone.internal.s3.protocol.SdkClients::sync);
    }
    return s3;
  }

  /** An asynchronous path-style S3 client for the emulator, built on first use. */
  public S3AsyncClient s3Async() {
    if (s3Async == null) {
      s3Async = track(dev.tombstone.internal.s3.protocol.SdkClients::async);
    }
    return s3Async;
  }

  /** A DynamoDB client for the emulator, built on first use. */
  public DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = track(t -> dev.tombstone.internal.dynamodb.protocol.SdkClients.dynamoDb(
          t.endpoint()));
    }
    return dynamoDb;
  }

  private <C extends AutoCloseable> C track(Function<Tombstone, C> factory) {
    C client = factory.apply(tombstone());
    clients.add(client);
    return client;
  }
}
