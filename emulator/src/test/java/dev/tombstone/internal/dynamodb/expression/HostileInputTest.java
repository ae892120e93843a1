package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Input built to exhaust the parser: it must answer with a validation error, never crash. */
class HostileInputTest {
  private static final String PREFIX = "Invalid ConditionExpression: ";
  private static final Map<String, AttributeValue> VALUES = Map.of(":v", AttributeValue.n(1));
  private static final String TOO_MANY =
      "The expression contains too many operators; operator count: 301";
  private static final String REDUNDANT = "The expression has redundant parentheses;";

  static Object[][] inputs() {
    return new Object[][] {
        {"(".repeat(100_000), "Expression size has exceeded the maximum allowed size; expression size: 100000"},
        {"NOT ".repeat(100_000) + "a = :v", "Expression size has exceeded the maximum allowed size; expression size: 400006"},
        {"(".repeat(2000) + "a = :v" + ")".repeat(2000), REDUNDANT},
        {"(".repeat(4000), REDUNDANT},
        {"a = " + "(".repeat(4000), REDUNDANT},
        {"attribute_exists(" + "(".repeat(2000) + "a" + ")".repeat(2001), REDUNDANT},
        {"(".repeat(700) + "a = :v" + " OR a = :v".repeat(300), TOO_MANY},
        {"NOT ".repeat(1000) + "a = :v", TOO_MANY},
        {"NOT (".repeat(800) + "a = :v", TOO_MANY},
        {"size(".repeat(400) + "a" + ")".repeat(400) + " = :v", TOO_MANY},
        {"a" + ".a".repeat(2000) + " = :v", "The document path has too many nesting levels; nesting levels: 2001"},
        {"a" + "[0]".repeat(1300) + " = :v", "The document path has too many nesting levels; nesting levels: 1301"},
        {"a IN (" + ":v,".repeat(1300) + ":v)",
            "The IN operator is provided with too many operands; number of operands: 1301"},
    };
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void failsWithAValidationError(String text, String message) {
    assertThat(compile(text)).isEqualTo(PREFIX + message);
  }

  /** Half the JVM's default thread stack on 64-bit Linux, Windows and macOS. */
  @ParameterizedTest
  @MethodSource("inputs")
  void needsLessThan512KilobytesOfStack(String text, String message) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(compile(text));
      } catch (Throwable t) {
        result.set(t);
      }
    }, "small-stack", 512 * 1024);
    thread.start();
    thread.join();

    assertThat(result.get()).isEqualTo(PREFIX + message);
  }

  @Test
  void acceptsTheDeepestLegitimateNesting() {
    String text = "(".repeat(149) + "a = :v" + ") OR a = :v".repeat(149);
    String notChain = "NOT (".repeat(299) + "a = :v" + ")".repeat(299);

    assertThat(new ExpressionCompiler().condition(ExpressionKind.CONDITION, text, null, VALUES)
        .matches(Item.builder().put("a", AttributeValue.n(1)).build())).isTrue();
    assertThat(new ExpressionCompiler().condition(ExpressionKind.CONDITION, notChain, null, VALUES)
        .matches(Item.EMPTY)).isTrue();
  }

  private static String compile(String text) {
    try {
      new ExpressionCompiler().condition(ExpressionKind.CONDITION, text, null, VALUES);
      return "compiled";
    } catch (DynamoDbError.Validation e) {
      return e.getMessage();
    }
  }
}
