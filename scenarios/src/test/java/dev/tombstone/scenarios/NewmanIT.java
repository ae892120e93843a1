package dev.tombstone.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tombstone.scenarios.postman.PostmanGenerator;
import dev.tombstone.scenarios.script.ScenarioLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the committed Postman collections with newman against the product JAR
 * ({@code java -jar tombstone.jar --port 0}) and the scenarios JAR's sample gateways, as a user
 * would from Postman. newman comes from npm ({@code npm ci} with the committed lock file); a
 * machine without node and npm fails here with a message saying so.
 */
class NewmanIT {
  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");
  private static final Path NPM_DIR = Path.of(required("tombstone.scenarios.npmDir"));
  private static final Path POSTMAN_DIR = Path.of(required("tombstone.scenarios.postmanDir"));
  private static Process emulator;
  private static Process gateways;
  private static String baseUrl;
  private static String gatewayUrl;

  @BeforeAll
  static void start() throws Exception {
    installNewman();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    emulator = new ProcessBuilder(java, "-jar", required("tombstone.jar"), "--port", "0").start();
    baseUrl = awaitUrl(emulator, emulator.getErrorStream(), "listening on");
    gateways = new ProcessBuilder(java, "-jar", required("tombstone.scenarios.jar"),
        "--emulator", baseUrl, "--port", "0").redirectErrorStream(true).start();
    gatewayUrl = awaitUrl(gateways, gateways.getInputStream(), "Sample gateways listening on");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (Process process : new Process[] {gateways, emulator}) {
      if (process != null) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }

  @TestFactory
  List<DynamicTest> newmanRunsEveryCollectionGreen() {
    return ScenarioLoader.all().stream().map(scenario -> DynamicTest.dynamicTest(scenario.id(), () -> {
      Path collection = POSTMAN_DIR.resolve(PostmanGenerator.fileName(scenario));
      assertThat(collection).exists();
      Result result = run(NPM_DIR, List.of(NPM_DIR.resolve("node_modules/.bin/newman").toString(),
          "run", collection.toString(),
          "--env-var", "baseUrl=" + baseUrl,
          "--env-var", "gatewayUrl=" + gatewayUrl,
          "--reporters", "cli", "--color", "off", "--timeout-request", "30000"));
      if (result.exitCode() != 0) {
        fail("newman failed on " + collection.getFileName() + " (exit " + result.exitCode() + "):\n"
            + result.output());
      }
      assertThat(result.output()).contains("assertions").doesNotContain("AssertionError");
    })).toList();
  }

  /** Installs the pinned newman unless node_modules already holds that version. */
  private static void installNewman() throws Exception {
    Path installed = NPM_DIR.resolve("node_modules/newman/package.json");
    String lock = Files.readString(NPM_DIR.resolve("package-lock.json"));
    if (Files.exists(installed) && lock.contains("\"node_modules/newman\": {\n      \"version\": \""
        + version(Files.readString(installed)) + "\"")) {
      return;
    }
    Result npm;
    try {
      npm = run(NPM_DIR, List.of("npm", "ci", "--no-audit", "--no-fund"));
    } catch (IOException e) {
      throw new IllegalStateException("newman is installed with npm, and npm is not on the PATH: "
          + "install Node.js 18+ with npm to run the Postman collections (" + e.getMessage() + ")", e);
    }
    if (npm.exitCode() != 0) {
      throw new IllegalStateException("npm ci failed in " + NPM_DIR + ":\n" + npm.output());
    }
  }

  private static String version(String packageJson) {
    Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(packageJson);
    return m.find() ? m.group(1) : "";
  }

  private static String awaitUrl(Process process, java.io.InputStream stream, String marker)
      throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
      List<String> seen = new ArrayList<>();
      try {
        for (String line; (line = reader.readLine()) != null; ) {
          seen.add(line);
          Matcher m = URL.matcher(line);
          if (line.contains(marker) && m.find()) {
            drain(reader);
            return m.group(1);
          }
        }
      } catch (IOException e) {
        seen.add(e.toString());
      }
      throw new IllegalStateException("process ended without '" + marker + "':\n" + String.join("\n", seen));
    });
    try {
      return url.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("no '" + marker + "' line within 60 s", e);
    }
  }

  /** Keeps reading a child's output so it never blocks on a full pipe. */
  private static void drain(BufferedReader reader) {
    Thread t = new Thread(() -> {
      try {
        while (reader.readLine() != null) {
          // discarded: the processes log nothing the test needs
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "drain");
    t.setDaemon(true);
    t.start();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Path dir, List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return e.toString();
      }
    });
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in 5 minutes:\n" + output.getNow(""));
    }
    return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set: run with Maven");
    }
    return value;
  }
}
