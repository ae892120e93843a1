package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.RecordedRequest;
import dev.tombstone.Tombstone;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestJournalTest {
  static Tombstone tombstone;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
  }

  @AfterAll
  static void stop() {
    tombstone.close();
  }

  @BeforeEach
  void clear() {
    tombstone.clearRequests();
  }

  static int send(String method, String path, String target, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(tombstone.endpoint().resolve(path))
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      request.header("X-Amz-Target", target)
          .header("Content-Type", "application/x-amz-json-1.0");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void requests_recordsDynamoDbTargetBodyAndStatus() throws Exception {
    String body = "{\"TableName\":\"users\",\"Key\":{\"UserId\":{\"S\":\"u1\"}}}";

    send("POST", "/", "DynamoDB_20120810.DeleteItem", body);

    assertThat(tombstone.requests()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/");
      assertThat(r.target()).isEqualTo("DynamoDB_20120810.DeleteItem");
      assertThat(r.body()).isEqualTo(body);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.toString()).isEqualTo(
          "POST / DynamoDB_20120810.DeleteItem -> 400 " + body);
    });
  }

  @Test
  void requests_recordsS3PathAndQueryWithoutBody() throws Exception {
    send("PUT", "/uploads", null, "");
    send("PUT", "/uploads/a.txt", null, "object data");
    send("GET", "/uploads?versions", null, "");

    assertThat(tombstone.requests()).extracting(RecordedRequest::toString).containsExactly(
        "PUT /uploads -> 200",
        "PUT /uploads/a.txt -> 200",
        "GET /uploads?versions -> 200");
  }

  @Test
  void clearRequests_forgetsEverything() throws Exception {
    send("GET", "/_tombstone/health", null, "");

    tombstone.clearRequests();

    assertThat(tombstone.requests()).isEmpty();
  }

  @Test
  void requests_keepTheClocksInstantToTheNanosecond_andTargetsOfEveryRequest() throws Exception {
    Instant at = Instant.parse("2026-01-02T03:04:05.123456789Z");
    try (Tombstone fixed = Tombstone.builder()
        .clock(Clock.fixed(at, ZoneOffset.UTC)).start()) {
      for (String operation : new String[] {"ListTables", "DeleteItem", "ListTables"}) {
        HTTP.send(HttpRequest.newBuilder(fixed.endpoint().resolve("/"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .header("X-Amz-Target", "DynamoDB_20120810." + operation)
            .header("Content-Type", "application/x-amz-json-1.0").build(),
            HttpResponse.BodyHandlers.discarding());
      }

      assertThat(fixed.requests()).extracting(RecordedRequest::time).containsOnly(at);
      assertThat(fixed.requests()).extracting(RecordedRequest::target).containsExactly(
          "DynamoDB_20120810.ListTables", "DynamoDB_20120810.DeleteItem",
          "DynamoDB_20120810.ListTables");
    }
  }

  @Test
  void journal_keepsOnlyTheLatestRequests_oldestFirst() {
    RequestJournal journal = new RequestJournal(Clock.systemUTC());
    for (int i = 0; i < RequestJournal.CAPACITY + 3; i++) {
      journal.add(new RequestJournal.Entry(Instant.EPOCH, "GET", "/" + i, "", "", "", 200, ""));
    }

    assertThat(journal.snapshot()).hasSize(RequestJournal.CAPACITY)
        .extracting(RequestJournal.Entry::path)
        .startsWith("/3", "/4").endsWith("/" + (RequestJournal.CAPACITY + 2));
  }

  @Test
  void longBodies_areCutWithAnEllipsis() throws Exception {
    String body = "{\"TableName\":\"" + "t".repeat(5000) + "\"}";

    send("POST", "/", "DynamoDB_20120810.ListTables", body);

    String recorded = tombstone.requests().get(0).body();
    assertThat(recorded).hasSize(RecordedRequest.MAX_BODY_CHARS + 3).endsWith("ttt...")
        .startsWith("{\"TableName\":\"ttt");
  }
}
