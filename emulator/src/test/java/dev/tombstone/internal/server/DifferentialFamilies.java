package dev.tombstone.internal.server;

import dev.tombstone.Tombstone;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the differential check's classes share: DynamoDB Local 3.3.1 in process and a Tombstone,
 * started once per class, and the number of cases and the seed
 * ({@code -Ddifferential.cases}, {@code -Ddifferential.seed}).
 */
abstract class DifferentialFamilies {
  static final int CASES = Integer.getInteger("differential.cases", 2_000);
  static final long SEED = Long.getLong("differential.seed", 16L);
  static Object local;
  static Tombstone tombstone;
  static URI theirs;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    local = startDynamoDbLocal(port);
    theirs = URI.create("http://127.0.0.1:" + port);
    tombstone = Tombstone.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (tombstone != null) {
      tombstone.close();
      tombstone = null;
    }
    if (local != null) {
      local.getClass().getMethod("stop").invoke(local);
      local = null;
    }
  }

  /** Both sides, for one family's requests. */
  static SideBySide sides() throws Exception {
    return new SideBySide(theirs, tombstone.endpoint());
  }

  // By reflection: DynamoDB Local is on the classpath only in the differential profile.
  private static Object startDynamoDbLocal(int port) throws Exception {
    System.setProperty("sqlite4java.library.path",
        Path.of("target/differential-natives").toAbsolutePath().toString());
    Class<?> runner =
        Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    Object server = runner.getMethod("createServerFromCommandLineArgs", String[].class)
        .invoke(null, (Object) new String[] {"-inMemory", "-port", Integer.toString(port)});
    server.getClass().getMethod("start").invoke(server);
    return server;
  }
}
