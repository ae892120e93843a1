package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The shaded JAR as users run it: {@code java -jar tombstone.jar}. */
class StandaloneJarIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private final Path jar = Path.of(System.getProperty("tombstone.jar"));

  private Process start(Path log, String... args) throws Exception {
    return start(log, List.of(), args);
  }

  private Process start(Path log, List<String> jvmOptions, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    Collections.addAll(command, args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
  }

  private static List<String> lines(Path log) throws Exception {
    return Files.readAllLines(log, StandardCharsets.UTF_8);
  }

  private static String firstLine(Path log, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && process.isAlive()) {
      List<String> lines = lines(log);
      if (!lines.isEmpty()) {
        return lines.get(0);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no start-up line; output: " + lines(log));
  }

  @Test
  void servesDynamoDbThroughTheShadedJar_andStopsCleanlyOnSigterm(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("out.log");
    Process process = start(log, "--port", "0");
    try {
      String line = firstLine(log, process);
      assertThat(line).as("the one start-up line").contains("INFO Tombstone");
      Matcher url = LISTENING.matcher(line);
      assertThat(url.find()).isTrue();
      URI endpoint = URI.create(url.group(1));

      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(endpoint.resolve("/_tombstone/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).contains("\"status\":\"running\"");

      try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint)
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
          .build()) {
        dynamo.createTable(b -> b.tableName("users").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("UserId").keyType(KeyType.HASH))
            .attributeDefinitions(d -> d.attributeName("UserId")
                .attributeType(ScalarAttributeType.S)));
        Map<String, AttributeValue> key = Map.of("UserId", AttributeValue.fromS("user003"));
        dynamo.putItem(b -> b.tableName("users").item(key));
        assertThat(dynamo.deleteItem(b -> b.tableName("users").key(key)
            .returnValues(ReturnValue.ALL_OLD)).attributes()).isEqualTo(key);
      }

      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
      assertThat(lines(log)).as("nothing but the start-up line was logged").hasSize(1);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void unknownFlag_exitsWithCode2(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("out.log");
    Process process = start(log, "--nope");

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("unknown option '--nope'");
  }

  @Test
  void dependenciesAreRelocated_andServiceFilesFollowThem() throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = file.stream().map(e -> e.getName()).toList();
      assertThat(names).noneMatch(n -> n.matches(
          "(META-INF/versions/\\d+/)?(io/undertow|org/xnio|org/jboss|org/wildfly|io/smallrye"
              + "|com/fasterxml)/.+"));
      String provider = "META-INF/services/dev.tombstone.internal.shaded.xnio.XnioProvider";
      assertThat(names).contains(provider);
      String content = new String(file.getInputStream(file.getEntry(provider)).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(content).contains("dev.tombstone.internal.shaded.xnio.nio.NioXnioProvider");
      assertThat(names).noneMatch(n -> n.startsWith("META-INF/services/io.undertow")
          || n.startsWith("META-INF/services/org.xnio"));
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.tombstone.internal.cli.Main");
    }
  }

  @Test
  void bundledLibrariesGetAPrivateMBeanServer_andThePlatformOneIsNeverStarted(@TempDir Path dir)
      throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      byte[] platformFactory =
          "java/lang/management/ManagementFactory".getBytes(StandardCharsets.US_ASCII);
      List<String> referencing = file.stream()
          .filter(e -> e.getName().endsWith(".class"))
          .filter(e -> contains(read(file, e), platformFactory))
          .map(e -> e.getName())
          .toList();
      assertThat(referencing).as("classes calling the JDK's ManagementFactory").isEmpty();
    }
    Path log = dir.resolve("out.log");
    Path classes = dir.resolve("classes.log");
    Process process =
        start(log, List.of("-Xlog:class+load=info:file=" + classes), "--port", "0");
    try {
      Matcher url = LISTENING.matcher(firstLine(log, process));
      assertThat(url.find()).isTrue();
      HttpResponse<String> listTables = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url.group(1)))
              .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
              .header("Content-Type", "application/x-amz-json-1.0")
              .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(listTables.statusCode()).isEqualTo(200);
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
    String loaded = Files.readString(classes);
    assertThat(loaded).contains("dev.tombstone.internal.jmx.ShadedManagementFactory");
    assertThat(loaded).doesNotContain("sun.management.ManagementFactoryHelper");
  }

  private static byte[] read(JarFile file, java.util.jar.JarEntry entry) {
    try {
      return file.getInputStream(entry).readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void manualClockFlag_letsTheClockEndpointExpireTtlItems(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("out.log");
    Process process = start(log, "--port", "0", "--clock", "manual:2026-01-01T00:00:00Z");
    try {
      Matcher url = LISTENING.matcher(firstLine(log, process));
      assertThat(url.find()).isTrue();
      URI endpoint = URI.create(url.group(1));
      HttpClient http = HttpClient.newHttpClient();
      try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint)
          .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create("test", "test"))).build()) {
        dynamo.createTable(b -> b.tableName("sessions").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id")
                .attributeType(ScalarAttributeType.S)));
        dynamo.updateTimeToLive(b -> b.tableName("sessions")
            .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("s-1"));
        dynamo.putItem(b -> b.tableName("sessions").item(Map.of("id", AttributeValue.fromS("s-1"),
            "expiresAt", AttributeValue.fromN("1767229200"))));

        HttpResponse<String> now = http.send(HttpRequest.newBuilder(
            endpoint.resolve("/_tombstone/clock")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> moved = http.send(HttpRequest.newBuilder(
            endpoint.resolve("/_tombstone/clock")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"advance\":\"PT2H\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(now.body()).isEqualTo("{\"now\":\"2026-01-01T00:00:00Z\"}");
        assertThat(moved.body()).isEqualTo("{\"now\":\"2026-01-01T02:00:00Z\"}");
        assertThat(dynamo.getItem(b -> b.tableName("sessions").key(key)).hasItem()).isFalse();
      }
    } finally {
      process.destroyForcibly();
    }
  }
}
