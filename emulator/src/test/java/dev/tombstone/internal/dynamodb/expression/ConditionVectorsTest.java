package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of condition-expressions.md §11, transcribed to {@code condition-vectors.jsonl}
 * (one JSON object per line: id, what, item, request, expected; plus {@code emulator} and {@code
 * note} where the emulator deliberately differs from DynamoDB Local).
 */
class ConditionVectorsTest {
  private static final String RESOURCE = "condition-vectors.jsonl";
  private static final ExpressionCompiler COMPILER = new ExpressionCompiler();

  static List<Arguments> vectors() throws IOException {
    List<Arguments> vectors = new ArrayList<>();
    try (InputStream in = ConditionVectorsTest.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          @SuppressWarnings("unchecked")
          Map<String, Object> vector = (Map<String, Object>) JsonReader.read(line);
          vectors.add(Arguments.of(vector.get("id"), vector.get("what"), vector));
        }
      }
    }
    return vectors;
  }

  @Test
  void everyVectorOfTheSpecIsTranscribed() throws IOException {
    assertThat(vectors()).hasSize(326);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectors")
  @SuppressWarnings("unchecked")
  void vector(String id, String what, Map<String, Object> vector) {
    Item stored = stored((Map<String, Object>) vector.get("item"));
    Map<String, Object> expected =
        (Map<String, Object>) vector.getOrDefault("emulator", vector.get("expected"));

    ConditionalDeleteHarness.Outcome outcome = new ConditionalDeleteHarness(COMPILER)
        .delete((Map<String, Object>) vector.get("request"), stored);

    assertThat(outcome.outcome()).as("%s outcome (%s)", id, outcome.message())
        .isEqualTo(expected.get("outcome"));
    assertThat(outcome.message()).as("%s message", id).isEqualTo(expected.get("message"));
    Map<String, Object> item = (Map<String, Object>) expected.get("item");
    assertThat(outcome.item()).as("%s item", id)
        .isEqualTo(item == null ? null : DynamoJson.item(item));
  }

  /** The setup item plus the key {@code pk = "k"}; null for "no item". */
  private static Item stored(Map<String, Object> json) {
    if (json == null) {
      return null;
    }
    Map<String, AttributeValue> attributes =
        new LinkedHashMap<>(DynamoJson.item(json).attributes());
    attributes.put("pk", AttributeValue.s("k"));
    return Item.of(attributes);
  }
}
