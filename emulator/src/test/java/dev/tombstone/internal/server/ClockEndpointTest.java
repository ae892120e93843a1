package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.UpdateTimeToLive;
import dev.tombstone.testing.RunningTombstone;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET/POST /_tombstone/clock} through the JDK's HTTP client. */
class ClockEndpointTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  static final ManualClock clock = ManualClock.startingAt(START);

  // One server for the class: stopping a server per test races its last answer's completion.
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final Tombstone tombstone = server.tombstone();

  HttpResponse<String> get(Tombstone target) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(target.endpoint().resolve("/_tombstone/clock"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(Tombstone target, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(target.endpoint().resolve("/_tombstone/clock"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void get_answersTheCurrentInstant() throws Exception {
    HttpResponse<String> response = get(tombstone);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"now\":\"2026-01-01T00:00:00Z\"}");
  }

  @Test
  void postAdvance_movesTheClock_andExpiresDueItemsBeforeAnswering() throws Exception {
    tombstone.dynamoDb().createTable("tab", KeySchema.of(KeyAttribute.s("id")));
    tombstone.dynamoDb().updateTimeToLive(UpdateTimeToLive.Request.enable("tab", "ttl"));
    tombstone.dynamoDb().putItem("tab", Item.builder().put("id", "a")
        .put("ttl", AttributeValue.n(Long.toString(START.getEpochSecond() + 3600))).build());

    HttpResponse<String> response = post(tombstone, "{\"advance\":\"PT48H\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"now\":\"2026-01-03T00:00:00Z\"}");
    assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
    assertThat(tombstone.dynamoDb().items("tab")).isEmpty();
  }

  @Test
  void postSet_setsTheClock() throws Exception {
    HttpResponse<String> response = post(tombstone, "{\"set\":\"2027-06-01T12:30:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"now\":\"2027-06-01T12:30:00Z\"}");
    assertThat(get(tombstone).body()).isEqualTo("{\"now\":\"2027-06-01T12:30:00Z\"}");
  }

  @Test
  void postReset_returnsTheClockToItsStart_asTombstoneResetDoes() throws Exception {
    post(tombstone, "{\"advance\":\"P2200D\"}");

    HttpResponse<String> reset = HTTP.send(
        HttpRequest.newBuilder(tombstone.endpoint().resolve("/_tombstone/reset"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(get(tombstone).body()).isEqualTo("{\"now\":\"2026-01-01T00:00:00Z\"}");
    assertThat(clock.now()).isEqualTo(START);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|the body is empty",
      "not json|the body is not valid JSON",
      "[]|the body must be a JSON object",
      "{}|give exactly one of",
      "{\"advance\":\"PT1H\",\"set\":\"2026-01-01T00:00:00Z\"}|give exactly one of",
      "{\"advance\":48}|\\\"advance\\\" must be a string",
      "{\"advance\":\"two days\"}|\\\"advance\\\" must be an ISO-8601 duration",
      "{\"set\":\"tomorrow\"}|\\\"set\\\" must be an ISO-8601 UTC instant",
      "{\"rewind\":\"PT1H\"}|unknown member \\\"rewind\\\"",
      "{\"advance\":\"-PT1H\"}|the clock moves forward only: it is 2026-01-01T00:00:00Z,"
          + " cannot go back by PT-1H (POST /_tombstone/reset returns it to its start,"
          + " 2026-01-01T00:00:00Z, and empties the emulator)",
      "{\"set\":\"2025-01-01T00:00:00Z\"}|cannot go back to 2025-01-01T00:00:00Z (POST",
      "{\"advance\":\"PT1H\"} {}|nothing after it",
      "{\"set\":\"+10000-01-01T00:00:00Z\"}|the clock can be moved from 0000-01-01T00:00:00Z"
          + " to 9999-12-31T23:59:59.999999999Z",
      "{\"set\":\"+300000000-01-01T00:00:00Z\"}|not to +300000000-01-01T00:00:00Z",
      "{\"advance\":\"P2920000D\"}|the clock can be moved from",
      "{\"advance\":\"PT40000000000000000S\"}|the clock can be moved from",
  })
  void badBodies_get400WithAClearMessage_andLeaveTheClockAlone(String body, String message)
      throws Exception {
    HttpResponse<String> response = post(tombstone, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"error\":\"").contains(message);
    assertThat(clock.now()).isEqualTo(START);
  }

  @Test
  void theLatestInstantTheClockTakes_stillServesBothServices() throws Exception {
    HttpResponse<String> moved = post(tombstone, "{\"set\":\"9999-12-31T23:59:59Z\"}");
    HttpResponse<String> createTable = HTTP.send(HttpRequest.newBuilder(tombstone.endpoint())
        .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"late\","
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
            + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
            + "\"BillingMode\":\"PAY_PER_REQUEST\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> createBucket = HTTP.send(
        HttpRequest.newBuilder(tombstone.endpoint().resolve("/late-bucket"))
            .PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(createTable.statusCode()).as(createTable.body()).isEqualTo(200);
    assertThat(createBucket.statusCode()).as(createBucket.body()).isEqualTo(200);
  }

  @Test
  void systemClock_canBeRead_butNotMoved() throws Exception {
    try (Tombstone system = Tombstone.builder().start()) {
      HttpResponse<String> read = get(system);
      HttpResponse<String> move = post(system, "{\"advance\":\"PT1H\"}");

      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(Instant.parse(read.body().substring(8, read.body().length() - 2)))
          .isBeforeOrEqualTo(Instant.now());
      assertThat(move.statusCode()).isEqualTo(409);
      assertThat(move.body()).contains("--clock manual");
    }
  }

  @Test
  void aClockBuiltToGoBack_goesBackOverHttpToo() throws Exception {
    ManualClock twoWays = ManualClock.allowingBackward(START);
    try (Tombstone embedded = Tombstone.builder().clock(twoWays).start()) {
      HttpResponse<String> back = post(embedded, "{\"advance\":\"-PT1H\"}");
      HttpResponse<String> set = post(embedded, "{\"set\":\"2025-06-01T00:00:00Z\"}");

      assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
      assertThat(back.body()).isEqualTo("{\"now\":\"2025-12-31T23:00:00Z\"}");
      assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
      assertThat(twoWays.now()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
    }
  }

  @Test
  void otherMethods_areNotAllowed() throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(tombstone.endpoint().resolve("/_tombstone/clock"))
            .DELETE().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
  }
}
