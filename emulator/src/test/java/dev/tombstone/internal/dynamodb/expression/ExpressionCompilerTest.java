package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {
  private static final Item USER = Item.builder().put("UserId", "u1").put("n", AttributeValue.n(5))
      .build();

  @Test
  void manyThreadsCompilingTheSameTextShareOneParse() throws Exception {
    ExpressionCompiler compiler = new ExpressionCompiler();
    int threads = 32;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Object>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        Callable<List<Object>> task = () -> {
          start.await();
          List<Object> seen = new ArrayList<>();
          for (int i = 0; i < 500; i++) {
            CompiledCondition plain = compiler.condition(ExpressionKind.CONDITION,
                "attribute_exists(UserId)", null, null);
            CompiledCondition bound = compiler.condition(ExpressionKind.CONDITION,
                "n > :v", null, Map.of(":v", AttributeValue.n(seed % 10)));
            seen.add(plain);
            assertThat(plain.matches(USER)).isTrue();
            assertThat(bound.matches(USER)).isEqualTo(5 > seed % 10);
          }
          return seen;
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Future<List<Object>> result : results) {
        distinct.addAll(result.get());
      }
      assertThat(distinct).hasSize(1);
      assertThat(compiler.cachedCount()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCacheStaysBounded() {
    ExpressionCompiler compiler = new ExpressionCompiler(8);

    for (int i = 0; i < 100; i++) {
      compiler.condition(ExpressionKind.CONDITION, "attribute_exists(a" + i + ")", null, null);
      compiler.projection("a" + i, null);
    }

    assertThat(compiler.cachedCount()).isLessThanOrEqualTo(16);
  }

  @Test
  void aCachedFailureIsReportedEveryTimeWithTheKindsPrefix() {
    ExpressionCompiler compiler = new ExpressionCompiler();
    String text = "a = = :v";

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> compiler.condition(ExpressionKind.CONDITION, text, null, null))
          .isInstanceOf(DynamoDbError.Validation.class)
          .hasMessage("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"");
      assertThatThrownBy(() -> compiler.condition(ExpressionKind.FILTER, text, null, null))
          .hasMessage("Invalid FilterExpression: Syntax error; token: \"=\", near: \"= = :v\"");
    }
  }

  @Test
  void placeholdersAreBoundPerRequest() {
    ExpressionCompiler compiler = new ExpressionCompiler();
    String text = "#k = :v";

    CompiledCondition first = compiler.condition(ExpressionKind.CONDITION, text,
        Map.of("#k", "UserId"), Map.of(":v", AttributeValue.s("u1")));
    CompiledCondition second = compiler.condition(ExpressionKind.CONDITION, text,
        Map.of("#k", "UserId"), Map.of(":v", AttributeValue.s("u2")));

    assertThat(first.matches(USER)).isTrue();
    assertThat(second.matches(USER)).isFalse();
    assertThat(first.usedNames()).containsExactly("#k");
    assertThat(first.usedValues()).containsExactly(":v");
    assertThatThrownBy(() -> compiler.condition(ExpressionKind.CONDITION, text, null, null))
        .hasMessage("Invalid ConditionExpression: An expression attribute name used in the"
            + " document path is not defined; attribute name: #k");
  }

  @Test
  void reportsWhatItUsedNotWhatWasUnused() {
    CompiledCondition c = new ExpressionCompiler().condition(ExpressionKind.CONDITION,
        "attribute_exists(a)", Map.of("#x", "x"), Map.of(":v", AttributeValue.n(1)));

    assertThat(c.usedNames()).isEmpty();
    assertThat(c.usedValues()).isEmpty();
  }

  @Test
  void rejectsProjectionAsAConditionKind() {
    assertThatThrownBy(() -> new ExpressionCompiler()
        .condition(ExpressionKind.PROJECTION, "a = :v", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loadsAllReservedWords() {
    assertThat(ReservedWords.size()).isEqualTo(573);
    assertThat(ReservedWords.contains("sTaTuS")).isTrue();
    assertThat(ReservedWords.contains("UserId")).isFalse();
  }
}
