package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KeyCondition, Filter, Select, paging and index vectors for Query, run in-process through
 * {@link DynamoDbJsonProtocol#handle}. Each line of {@code query-vectors.jsonl} holds the
 * request members and what DynamoDB Local 3.3.1 answered to them on the table and items of
 * {@code query-vectors-setup.jsonl} (recorded by sending the same bodies to it); where the
 * emulator follows AWS instead, the line carries {@code emulator} (the expected answer) and
 * {@code note} (why). Items, counts and keys are compared as JSON values, messages byte for byte.
 */
class QueryVectorsTest {
  private static final String BASE = "/dev/tombstone/internal/dynamodb/protocol/";
  static final String TABLE = "qvt";
  private static DynamoDbJsonProtocol protocol;

  /** One vector: the Query members as sent and the expected answer. */
  record Vector(String id, String what, String request, Json.Obj outcome) {
    @Override
    public String toString() {
      return id + " " + what;
    }
  }

  @BeforeAll
  static void setUp() throws IOException {
    protocol = new DynamoDbJsonProtocol(new DynamoDbState("us-east-1", Clock.systemUTC()));
    int puts = 0;
    for (String line : read("query-vectors-setup.jsonl").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String operation = line.startsWith("{\"CreateTable\"") ? "CreateTable" : "PutItem";
      JsonResponse response = protocol.handle(DynamoDbJsonProtocol.PREFIX_2012 + operation,
          RawJson.member(line, operation).getBytes(StandardCharsets.UTF_8));
      assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      puts += operation.equals("PutItem") ? 1 : 0;
    }
    assertThat(puts).isEqualTo(10);
  }

  static List<Vector> vectors() throws IOException {
    List<Vector> vectors = new ArrayList<>();
    for (String line : read("query-vectors.jsonl").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Json.Obj json = (Json.Obj) Json.parse(line.getBytes(StandardCharsets.UTF_8));
      String outcome = RawJson.member(line, json.has("emulator") ? "emulator" : "expected");
      vectors.add(new Vector(Members.string(json, "id"), Members.string(json, "what"),
          RawJson.member(line, "request"),
          (Json.Obj) Json.parse(outcome.getBytes(StandardCharsets.UTF_8))));
    }
    return vectors;
  }

  @Test
  void atLeast80Vectors() throws IOException {
    assertThat(vectors()).hasSizeGreaterThanOrEqualTo(80);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(Vector v) throws IOException {
    String members = RawJson.inner(v.request());
    String body = members.contains("\"TableName\"") ? v.request()
        : "{\"TableName\":\"" + TABLE + "\"" + (members.isEmpty() ? "" : "," + members) + "}";

    JsonResponse response = protocol.handle(DynamoDbJsonProtocol.PREFIX_2012 + "Query",
        body.getBytes(StandardCharsets.UTF_8));

    String text = new String(response.body(), StandardCharsets.UTF_8);
    Json.Obj answer = (Json.Obj) Json.parse(response.body());
    String outcome = Members.string(v.outcome(), "outcome");
    if (outcome.equals("success")) {
      assertThat(response.status()).as(text).isEqualTo(200);
      for (String member : List.of("Items", "Count", "ScannedCount", "LastEvaluatedKey")) {
        assertThat(answer.get(member)).as(member + " in " + text)
            .isEqualTo(v.outcome().get(member));
      }
    } else {
      assertThat(response.status()).as(text).isEqualTo(400);
      assertThat(Members.string(answer, "__type")).as(text).endsWith("#" + outcome);
      assertThat(Members.string(answer, "message")).isEqualTo(
          Members.string(v.outcome(), "message"));
    }
  }

  private static String read(String name) throws IOException {
    try (InputStream in = QueryVectorsTest.class.getResourceAsStream(BASE + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
