package dev.tombstone.benchmarks;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.s3.Versioning;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.tombstone.benchmarks.Soak
 * [minutes=10] [connections=64]}. A measurement, not a test: run it on a quiet machine.
 */
public final class Soak {
  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);

  private Soak(URI endpoint) {
    this.endpoint = endpoint;
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
      System.out.printf("total errors: %d%n", soak.errors.get());
    }
  }

  private void loop(int worker) {
    long n = 0;
    while (running.get()) {
      String id = "w" + worker + "-" + (n++ % 1000);
      try {
        dynamoDbPaths(id);
        s3Paths(id);
      } catch (Exception e) {
        errors.incrementAndGet();
      }
    }
  }

  private void dynamoDbPaths(String id) throws Exception {
    String item = "{\"TableName\":\"soak\",\"Item\":{\"id\":{\"S\":\"" + id
        + "\"},\"status\":{\"S\":\"NEW\"}}}";
    String statusIs = ",\"ConditionExpression\":\"#s = :s\","
        + "\"ExpressionAttributeNames\":{\"#s\":\"status\"},"
        + "\"ExpressionAttributeValues\":{\":s\":{\"S\":\"";
    dynamo("PutItem", item, 200);
    HttpResponse<String> refused =
        dynamo("DeleteItem", deleteKey(id, statusIs + "SHIPPED\"}}"), 400);
    if (!refused.body().contains("ConditionalCheckFailedException")) {
      unexpected(refused);
    }
    dynamo("DeleteItem", deleteKey(id, statusIs + "NEW\"}},\"ReturnValues\":\"ALL_OLD\""),
        200);
    dynamo("PutItem", item, 200);
    dynamo("DeleteItem", deleteKey(id,
        ",\"Expected\":{\"status\":{\"Value\":{\"S\":\"NEW\"}}}"), 200);
    dynamo("PutItem", item, 200);
    dynamo("BatchWriteItem", "{\"RequestItems\":{\"soak\":[{\"DeleteRequest\":{\"Key\":"
        + "{\"id\":{\"S\":\"" + id + "\"}}}}]}}", 200);
    dynamo("PutItem", item, 200);
    dynamo("TransactWriteItems", "{\"TransactItems\":[{\"Delete\":{\"TableName\":\"soak\","
        + "\"Key\":{\"id\":{\"S\":\"" + id + "\"}}}}]}", 200);
    dynamo("PutItem", item, 200);
    send(HttpRequest.newBuilder(endpoint).header("X-Amz-Target", "DynamoDB_20111205.DeleteItem")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(body("{\"TableName\":\"soak\",\"Key\":{\"HashKeyElement\":{\"S\":\"" + id
            + "\"}}}")), 200);
    dynamo("PutItem", item, 200);
    send(HttpRequest.newBuilder(
            endpoint.resolve("/v1/data/default_tenant/tables/soak/delete_item"))
        .header("Content-Type", "application/json")
        .POST(body("{\"key\":{\"id\":{\"S\":\"" + id + "\"}}}")), 200);
    dynamo("DeleteItem", deleteKey(id, ""), 200);
  }

  private static String deleteKey(String id, String more) {
    return "{\"TableName\":\"soak\",\"Key\":{\"id\":{\"S\":\"" + id + "\"}}" + more + "}";
  }

  private void s3Paths(String id) throws Exception {
    put("/soak-plain/" + id, 200);
    send(HttpRequest.newBuilder(endpoint.resolve("/soak-plain/" + id)).DELETE(), 204);
    put("/soak-plain/" + id, 200);
    String document = "<Delete><Quiet>true</Quiet><Object><Key>" + id + "</Key></Object>"
        + "<Object><Key>" + id + "-absent</Key></Object></Delete>";
    send(HttpRequest.newBuilder(endpoint.resolve("/soak-plain?delete"))
        .header("Content-MD5", md5(document)).POST(body(document)), 200);
    HttpResponse<String> written = put("/soak-versioned/" + id, 200);
    HttpResponse<String> marker = send(HttpRequest.newBuilder(
        endpoint.resolve("/soak-versioned/" + id)).DELETE(), 204);
    for (HttpResponse<String> version : List.of(marker, written)) {
      String versionId = version.headers().firstValue("x-amz-version-id").orElseThrow();
      send(HttpRequest.newBuilder(endpoint.resolve("/soak-versioned/" + id + "?versionId="
          + versionId)).DELETE(), 204);
    }
    HttpResponse<String> created = send(HttpRequest.newBuilder(
        endpoint.resolve("/soak-plain/" + id + "?uploads")).POST(body("")), 200);
    String upload = created.body().replaceAll("(?s).*<UploadId>(.*)</UploadId>.*", "$1");
    send(HttpRequest.newBuilder(endpoint.resolve("/soak-plain/" + id + "?uploadId=" + upload))
        .DELETE(), 204);
  }

  private HttpResponse<String> dynamo(String operation, String json, int expected)
      throws Exception {
    return send(HttpRequest.newBuilder(endpoint)
        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
        .header("Content-Type", "application/x-amz-json-1.0").POST(body(json)), expected);
  }

  private HttpResponse<String> put(String path, int expected) throws Exception {
    return send(HttpRequest.newBuilder(endpoint.resolve(path)).PUT(body("soak payload")),
        expected);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    requests.incrementAndGet();
    if (response.statusCode() != expected) {
      unexpected(response);
    }
    return response;
  }

  private void unexpected(HttpResponse<String> response) {
    if (errors.incrementAndGet() <= 5) {
      System.err.println("unexpected " + response.statusCode() + " for " + response.request()
          + ": " + response.body());
    }
  }

  private static HttpRequest.BodyPublisher body(String text) {
    return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
  }

  private static String md5(String text) throws Exception {
    return Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

}
