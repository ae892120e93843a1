package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The UpdateExpression vectors of {@code expression/update-vectors.jsonl}: one JSON object per
 * line with id, what, the stored item before (null for none), the UpdateItem members after
 * table and key, and the expected outcome. Every line says where its expectation was checked
 * ({@code checked}); where the emulator follows DynamoDB's documentation instead of DynamoDB
 * Local, {@code emulator} holds the outcome served and {@code note} says why. Every vector is an
 * UpdateItem on table {@code uetab} with key {@code pk = "k"}.
 */
final class UpdateVectors {
  static final int COUNT = 252;
  static final String TABLE = "uetab";
  static final String KEY = "{\"pk\":{\"S\":\"k\"}}";
  private static final String RESOURCE =
      "/dev/tombstone/internal/dynamodb/expression/update-vectors.jsonl";
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT);

  private UpdateVectors() {}

  /** One vector; {@code item} is the raw JSON of the setup item, null for "no item". */
  record Vector(String id, String what, String item, String request, Json.Obj outcome) {
    String expectedOutcome() {
      return Members.string(outcome, "outcome");
    }

    String expectedMessage() {
      return Members.string(outcome, "message");
    }

    /** The expected member {@code name} ("attributes", "stored", "item") as values; or null. */
    Map<String, AttributeValue> expectedItem(String name) {
      return outcome.has(name) && !(outcome.get(name) instanceof Json.Null)
          ? DECODER.map(outcome, name).valid() : null;
    }

    String updateItemBody() {
      String members = RawJson.inner(request);
      return "{\"TableName\":\"" + TABLE + "\",\"Key\":" + KEY
          + (members.isEmpty() ? "" : "," + members) + "}";
    }

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

  /** The values of an item or {@code Attributes} member of a response body; null when absent. */
  static Map<String, AttributeValue> values(Json.Obj body, String member) {
    return body.has(member) ? DECODER.map(body, member).valid() : null;
  }

  static List<Vector> all() throws IOException {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in = UpdateVectors.class.getResourceAsStream(RESOURCE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        Json.Obj json = (Json.Obj) Json.parse(line.getBytes(StandardCharsets.UTF_8));
        boolean hasItem = json.has("item") && !(json.get("item") instanceof Json.Null);
        vectors.add(new Vector(
            Members.string(json, "id"), Members.string(json, "what"),
            hasItem ? RawJson.member(line, "item") : null,
            RawJson.member(line, "request"),
            (Json.Obj) json.get(json.has("emulator") ? "emulator" : "expected")));
      }
    }
    return vectors;
  }
}
