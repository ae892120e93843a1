package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.testing.FuzzTime;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the expression tokenizer, parser and binder directly: any text compiles or fails with
 * DynamoDB's validation error, never anything else, in bounded time.
 */
class ExpressionFuzzTest {
  private static final Map<String, AttributeValue> VALUES = Map.of(
      ":s", new AttributeValue.S("x"), ":n", new AttributeValue.N(java.math.BigDecimal.ONE),
      ":l", new AttributeValue.L(List.of(new AttributeValue.S("y"))));

  @FuzzTest(maxDuration = "1m")
  @DictionaryFile(resourcePath = "expressions.dict")
  void conditionText(FuzzedDataProvider data) {
    String name = data.consumeString(16);
    String text = data.consumeRemainingAsString();
    FuzzTime.boundedRun(() -> compile(text, name));
  }

  private static void compile(String text, String name) {
    try {
      new ExpressionCompiler().condition(ExpressionKind.CONDITION, text,
          Map.of("#a", name, "#b", "b"), VALUES);
    } catch (DynamoDbError.Validation expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
    try {
      new ExpressionCompiler().projection(text, Map.of("#a", name));
    } catch (DynamoDbError.Validation expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
