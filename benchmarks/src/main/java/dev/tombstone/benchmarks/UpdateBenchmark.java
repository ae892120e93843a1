package dev.tombstone.benchmarks;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.ItemUpdate;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.ExpressionKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Applying a compiled UpdateExpression: a three-action SET on a 20-attribute item. {@link
 * #newItemOnly} builds the same new item by hand, the floor that any apply must allocate; the
 * difference in {@code gc.alloc.rate.norm} is what apply allocates beyond the new item. {@link
 * #attributeExistsBaseline} repeats {@code ConditionBenchmark.attributeExists} so one run gives
 * both figures. Run with:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar UpdateBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class UpdateBenchmark {
  static final String THREE_SETS =
      "SET deletedAt = :now, visits = visits + :one, status_code = :inactive";

  private Item item;
  private ItemUpdate threeSets;
  private ItemCondition attributeExists;
  private AttributeValue now;
  private AttributeValue inactive;

  @Setup
  public void setUp() {
    Item.Builder builder = Item.builder()
        .put("UserId", "user003")
        .put("visits", AttributeValue.n(41))
        .put("status_code", "active");
    for (int i = 3; i < 20; i++) {
      builder.put("attr" + i, AttributeValue.s("value-" + i));
    }
    item = builder.build();
    now = AttributeValue.s("2026-12-03T12:00:00Z");
    inactive = AttributeValue.s("inactive");
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":now", now);
    values.put(":one", AttributeValue.n(1));
    values.put(":inactive", inactive);
    ExpressionCompiler compiler = new ExpressionCompiler();
    threeSets = compiler.update(THREE_SETS, null, values);
    attributeExists = compiler.condition(ExpressionKind.CONDITION, "attribute_exists(UserId)",
        null, null);
  }

  /** The compiled three-action SET applied to the 20-attribute item. */
  @Benchmark
  public Item applyThreeSets() {
    return threeSets.apply(item);
  }

  /** The same new item built directly: the allocation floor of {@link #applyThreeSets}. */
  @Benchmark
  public Item newItemOnly() {
    return item.toBuilder()
        .put("deletedAt", now)
        .put("visits", AttributeValue.n(42))
        .put("status_code", inactive)
        .build();
  }

  /** {@code ConditionBenchmark.attributeExists}, measured in the same run as a baseline. */
  @Benchmark
  public boolean attributeExistsBaseline() {
    return attributeExists.matches(item);
  }
}
