package dev.tombstone.internal.dynamodb.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of condition-expressions.md §11, transcribed to {@code
 * expression/condition-vectors.jsonl} (one JSON object per line: id, what, item, request,
 * expected; plus {@code emulator} and {@code note} where the emulator deliberately differs from
 * DynamoDB Local, in which case that outcome is the expected one). Every vector is a DeleteItem
 * on table {@code cetab} with key {@code pk = "k"}.
 */
final class ConditionVectors {
  static final int COUNT = 326;
  static final String TABLE = "cetab";
  static final String KEY = "{\"pk\":{\"S\":\"k\"}}";
  private static final String RESOURCE =
      "/dev/tombstone/internal/dynamodb/expression/condition-vectors.jsonl";

  private ConditionVectors() {}

  /** One vector line, with the raw JSON of its parts; {@code item} is null for "no item". */
  record Vector(String id, String what, String item, String request, Json.Obj outcome) {
    String expectedOutcome() {
      return Members.string(outcome, "outcome");
    }

    String expectedMessage() {
      return Members.string(outcome, "message");
    }

    /** The DeleteItem body: the vector's members sent byte for byte after table and key. */
    String deleteItemBody() {
      String members = RawJson.inner(request);
      return "{\"TableName\":\"" + TABLE + "\",\"Key\":" + KEY
          + (members.isEmpty() ? "" : "," + members) + "}";
    }

    /** The PutItem body that stores the setup item under the vector's key. */
    String putItemBody() {
      String members = RawJson.inner(item);
      return "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"k\"}"
          + (members.isEmpty() ? "" : "," + members) + "}}";
    }

    @Override
    public String toString() {
      return id + " " + what;
    }
  }

  static List<Vector> all() throws IOException {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in = ConditionVectors.class.getResourceAsStream(RESOURCE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        Json.Obj json = (Json.Obj) Json.parse(line.getBytes(StandardCharsets.UTF_8));
        String outcome = RawJson.member(line, json.has("emulator") ? "emulator" : "expected");
        boolean hasItem = json.has("item") && !(json.get("item") instanceof Json.Null);
        vectors.add(new Vector(
            Members.string(json, "id"), Members.string(json, "what"),
            hasItem ? RawJson.member(line, "item") : null,
            RawJson.member(line, "request"),
            (Json.Obj) Json.parse(outcome.getBytes(StandardCharsets.UTF_8))));
      }
    }
    return vectors;
  }
}
