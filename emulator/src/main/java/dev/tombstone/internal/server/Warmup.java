package dev.tombstone.internal.server;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.protocol.DynamoDbJsonProtocol;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Start-up work done in parallel with binding the port: XNIO registers its MBeans on an MBean
 * server (in the shaded JAR a private one, see {@code ShadedManagementFactory}; otherwise the
 * platform's, whose first use loads several hundred JDK classes), and the first DynamoDB
 * request loads Jackson and the protocol. Doing both on other threads while the main thread
 * starts Undertow shortens the time to the first answered request. Once per JVM: a second
 * emulator finds the classes loaded.
 */
final class Warmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Warmup() {}

  static void startInBackground() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    daemon("tombstone-warmup-jmx", ManagementFactory::getPlatformMBeanServer);
    daemon("tombstone-warmup-protocol", Warmup::protocol);
  }

  private static void protocol() {
    DynamoDbJsonProtocol protocol =
        new DynamoDbJsonProtocol(new DynamoDbState("us-east-1", Clock.systemUTC()));
    protocol.handle("DynamoDB_20120810.ListTables", "{}".getBytes(StandardCharsets.UTF_8));
    protocol.handle(
        "DynamoDB_20120810.DeleteItem",
        "{\"TableName\":\"warmup\",\"Key\":{\"k\":{\"S\":\"v\"}}}"
            .getBytes(StandardCharsets.UTF_8));
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }
}
