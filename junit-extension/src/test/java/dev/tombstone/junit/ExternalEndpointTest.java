package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The same kind of test class, pointed at a Tombstone running as a separate process. */
class ExternalEndpointTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  static Process server;
  static URI endpoint;
  static volatile TombstoneNames seen;

  @BeforeAll
  static void startStandaloneServer() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.tombstone.internal.cli.Main", "--port", "0")
        .redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    endpoint = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            return URI.create(m.group(1));
          }
        }
        throw new IllegalStateException("the server exited without a start-up line");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(60, TimeUnit.SECONDS);
    // Keep draining the output so the server never blocks on a full pipe.
    Thread drain = new Thread(() -> lines.lines().forEach(line -> { }), "server-output");
    drain.setDaemon(true);
    drain.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.destroy();
    server.waitFor(30, TimeUnit.SECONDS);
  }

  private static Map<String, String> external() {
    return Map.of("tombstone.endpoint", endpoint.toString(),
        "tombstone.region", "us-west-2",
        "tombstone.accessKeyId", "ext-key",
        "tombstone.secretAccessKey", "ext-secret");
  }

  @TombstoneTest
  @DynamoDbTable(name = "users", partitionKey = "UserId")
  @DynamoDbItems(table = "users", value = "fixtures/users.json")
  @S3Bucket(name = "uploads", versioning = S3Bucket.Versioning.ENABLED)
  @S3Objects(bucket = "uploads", value = "fixtures/s3")
  static class CleanupAgainstAnyEndpoint {
    @Test
    void deletes(DynamoDbClient dynamo, S3Client s3, TombstoneNames names, URI uri) {
      seen = names;
      String users = names.table("users");
      String uploads = names.bucket("uploads");
      assertThat(uri).isEqualTo(endpoint);
      assertThat(dynamo.serviceClientConfiguration().region()).isEqualTo(Region.US_WEST_2);

      dynamo.deleteItem(b -> b.tableName(users)
          .key(Map.of("UserId", AttributeValue.fromS("user001"))));
      s3.deleteObject(b -> b.bucket(uploads).key("a.txt"));

      assertThat(dynamo.scan(b -> b.tableName(users)).count()).isEqualTo(1);
      assertThat(s3.listObjectVersions(b -> b.bucket(uploads)).deleteMarkers()).hasSize(1);
      assertThat(s3.listObjectsV2(b -> b.bucket(uploads)).contents())
          .extracting(o -> o.key()).containsExactly("reports/q1.csv");
    }

    @Test
    void cannotHaveTheInProcessHandle(Tombstone tombstone) {}
  }

  @Test
  void declaredResourcesGetUniqueNames_andAreDeletedAfterTheTest() {
    EngineExecutionResults results = Kit.run(CleanupAgainstAnyEndpoint.class, external());

    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    assertThat(seen.suffix()).matches("-[0-9a-f]{10}");
    try (DynamoDbClient dynamo = client(DynamoDbClient.builder());
        S3Client s3 = client(S3Client.builder().forcePathStyle(true))) {
      assertThat(dynamo.listTables().tableNames()).isEmpty();
      assertThat(s3.listBuckets().buckets()).isEmpty();
    }
  }

  @TombstoneTest
  @DynamoDbTable(name = "users", partitionKey = "UserId")
  @S3Bucket(name = "uploads")
  static class RepeatedDeclarations {
    @Test
    @DynamoDbTable(name = "users", partitionKey = "UserId")
    @S3Bucket(name = "uploads")
    void test(DynamoDbClient dynamo, TombstoneNames names) {
      assertThat(dynamo.listTables().tableNames()).containsExactly(names.table("users"));
    }
  }

  @Test
  void aDeclarationRepeatedOnTheMethod_createsTheTableAndBucketOnce() {
    Kit.run(RepeatedDeclarations.class, external()).testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void injectingTheInProcessHandle_explainsWhyItIsImpossible() {
    Throwable failure = Kit.onlyFailure(Kit.run(CleanupAgainstAnyEndpoint.class, external()));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("Tombstone: cannot inject Tombstone into parameter")
        .hasMessageContaining("the tests run against the external endpoint " + endpoint
            + " (tombstone.endpoint), which has no in-process state to hand out. Inject the SDK"
            + " clients and TombstoneNames instead, or unset tombstone.endpoint.");
  }

  @TombstoneTest
  @S3Bucket(name = "uploads")
  @S3Objects(bucket = "uploads", value = "fixtures/s3")
  static class PresignsAgainstAnyEndpoint {
    @Test
    void presignedGetAndDelete(S3Presigner presigner, TombstoneNames names) throws Exception {
      String uploads = names.bucket("uploads");
      HttpClient http = HttpClient.newHttpClient();
      URI get = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(o -> o.bucket(uploads).key("reports/q1.csv"))).url().toURI();
      URI getA = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(o -> o.bucket(uploads).key("a.txt"))).url().toURI();
      URI delete = presigner.presignDeleteObject(b -> b.signatureDuration(Duration.ofMinutes(5))
          .deleteObjectRequest(o -> o.bucket(uploads).key("a.txt"))).url().toURI();

      assertThat(get.toString()).startsWith(endpoint + "/" + uploads + "/reports/q1.csv?")
          .contains("X-Amz-Credential=ext-key%2F").contains("%2Fus-west-2%2Fs3%2Faws4_request");
      assertThat(http.send(HttpRequest.newBuilder(get).build(),
          HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("q1 figures\n");
      assertThat(http.send(HttpRequest.newBuilder(delete).DELETE().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
      assertThat(http.send(HttpRequest.newBuilder(getA).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theInjectedPresigner_signsForTheExternalEndpoint() {
    Kit.run(PresignsAgainstAnyEndpoint.class, external()).testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id", sortKey = "Line",
      sortKeyType = dev.tombstone.dynamodb.AttributeType.N, timeToLiveAttribute = "expiresAt",
      globalSecondaryIndexes = @DynamoDbTable.GlobalIndex(name = "byStatus",
          partitionKey = "Status", projection = DynamoDbTable.Projection.INCLUDE,
          nonKeyAttributes = "Total"),
      localSecondaryIndexes = @DynamoDbTable.LocalIndex(name = "byDate", sortKey = "Date",
          projection = DynamoDbTable.Projection.KEYS_ONLY),
      stream = DynamoDbTable.Stream.NEW_AND_OLD_IMAGES)
  static class IndexesAndTtl {
    @Test
    void created(DynamoDbClient dynamo, TombstoneNames names) {
      String orders = names.table("orders");
      var table = dynamo.describeTable(b -> b.tableName(orders)).table();

      assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(g -> {
        assertThat(g.indexName()).isEqualTo("byStatus");
        assertThat(g.projection().nonKeyAttributes()).containsExactly("Total");
      });
      assertThat(table.localSecondaryIndexes()).singleElement()
          .satisfies(l -> assertThat(l.projection().projectionTypeAsString())
              .isEqualTo("KEYS_ONLY"));
      assertThat(dynamo.describeTimeToLive(b -> b.tableName(orders)).timeToLiveDescription()
          .attributeName()).isEqualTo("expiresAt");
      assertThat(table.streamSpecification().streamViewTypeAsString())
          .isEqualTo("NEW_AND_OLD_IMAGES");
    }
  }

  @TombstoneTest
  @DynamoDbTable(name = "orders", partitionKey = "Id",
      localSecondaryIndexes = @DynamoDbTable.LocalIndex(name = "byDate", sortKey = "Date"))
  static class RefusedIndex {
    @Test
    void test() {}
  }

  @Test
  void indexesAndTtl_areCreatedThroughTheSdk_andRefusalsNameTheDeclaration() {
    Kit.run(IndexesAndTtl.class, external()).testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(Kit.onlyFailure(Kit.run(RefusedIndex.class, external())))
        .isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
        .hasMessageStartingWith("Tombstone: @DynamoDbTable(name = \"orders\") on "
            + RefusedIndex.class.getName() + " failed: DynamoDbException: One or more parameter"
            + " values were invalid: Table KeySchema does not have a range key, which is"
            + " required when specifying a LocalSecondaryIndex");
  }

  @TombstoneTest
  @S3Bucket(name = "vault", versioning = S3Bucket.Versioning.ENABLED, objectLock = true)
  static class LockedBucket {
    @Test
    void created(S3Client s3, TombstoneNames names) {
      String vault = names.bucket("vault");
      assertThat(s3.getObjectLockConfiguration(b -> b.bucket(vault)).objectLockConfiguration()
          .objectLockEnabledAsString()).isEqualTo("Enabled");
      s3.putObject(b -> b.bucket(vault).key("a.txt")
          .objectLockMode(software.amazon.awssdk.services.s3.model.ObjectLockMode.GOVERNANCE)
          .objectLockRetainUntilDate(java.time.Instant.now().plus(Duration.ofDays(1))),
          software.amazon.awssdk.core.sync.RequestBody.fromString("kept"));
    }
  }

  @Test
  void aBucketWithObjectLock_isCreated_andEmptiedPastGovernanceRetention() {
    Kit.run(LockedBucket.class, external()).testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
    try (S3Client s3 = client(S3Client.builder().forcePathStyle(true))) {
      assertThat(s3.listBuckets().buckets()).isEmpty();
    }
  }

  @TombstoneTest
  @DynamoDbTable(name = "ledger", partitionKey = "Id", deletionProtection = true)
  static class ProtectedTable {
    @Test
    void created(DynamoDbClient dynamo, TombstoneNames names) {
      assertThat(dynamo.describeTable(b -> b.tableName(names.table("ledger"))).table()
          .deletionProtectionEnabled()).isTrue();
    }
  }

  @Test
  void aProtectedTable_isCreated_andDeletedAfterTheTest() {
    Kit.run(ProtectedTable.class, external()).testEvents()
        .assertStatistics(s -> s.succeeded(1).failed(0));
    try (DynamoDbClient dynamo = client(DynamoDbClient.builder())) {
      assertThat(dynamo.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void environmentNames_followTheProperties() {
    assertThat(List.of(ExternalEndpoint.ENDPOINT, ExternalEndpoint.ACCESS_KEY_ID,
        ExternalEndpoint.SECRET_ACCESS_KEY, ExternalEndpoint.REGION))
        .extracting(ExternalEndpoint::environmentName)
        .containsExactly("TOMBSTONE_ENDPOINT", "TOMBSTONE_ACCESS_KEY_ID",
            "TOMBSTONE_SECRET_ACCESS_KEY", "TOMBSTONE_REGION");
  }

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>,
      C> C client(B builder) {
    return builder.endpointOverride(endpoint).region(Region.US_WEST_2)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("ext-key", "ext-secret")))
        .build();
  }
}
