package dev.tombstone.benchmarks;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.ExpressionKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The condition evaluator's hot paths. Run with:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ConditionBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ConditionBenchmark {
  /** The six-clause expression: nested path, IN, BETWEEN, size(), begins_with and NOT. */
  static final String SIX_CLAUSES =
      "profile.address.city IN (:c1, :c2, :c3) AND age BETWEEN :lo AND :hi"
          + " AND size(tags) > :n AND begins_with(email, :domain)"
          + " AND NOT attribute_exists(deletedAt) AND status_code = :active";

  /** About 200 characters, parsed and validated from cold. */
  static final String COLD_200 =
      "(#p.address.city = :city OR #p.address.zip BETWEEN :z1 AND :z2) AND size(tags) >= :n"
          + " AND NOT contains(tags, :banned) AND begins_with(email, :domain)"
          + " AND attribute_type(age, :numeric) AND age IN (:a1, :a2)";

  private final ExpressionCompiler compiler = new ExpressionCompiler();
  private Item item;
  private ItemCondition attributeExists;
  private ItemCondition sixClauses;
  private ItemCondition legacyThree;
  private Map<String, String> coldNames;
  private Map<String, AttributeValue> coldValues;
  private DynamoDbState state;
  private DeleteItem.Request conditionalDelete;
  private Item user;

  @Setup
  public void setUp() {
    Item.Builder builder = Item.builder()
        .put("UserId", "user003")
        .put("age", AttributeValue.n("42"))
        .put("email", "ada@example.com")
        .put("status_code", "active")
        .put("tags", AttributeValue.ss("admin", "ops", "dev"))
        .put("profile", AttributeValue.m(Map.of("address", AttributeValue.m(Map.of(
            "city", AttributeValue.s("Berlin"), "zip", AttributeValue.s("10115"))))));
    for (int i = builder.build().attributes().size(); i < 20; i++) {
      builder.put("attr" + i, AttributeValue.s("value-" + i));
    }
    item = builder.build();

    attributeExists = compiler.condition(ExpressionKind.CONDITION, "attribute_exists(UserId)",
        null, null);
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":c1", AttributeValue.s("Paris"));
    values.put(":c2", AttributeValue.s("Berlin"));
    values.put(":c3", AttributeValue.s("Rome"));
    values.put(":lo", AttributeValue.n("18"));
    values.put(":hi", AttributeValue.n("65"));
    values.put(":n", AttributeValue.n("2"));
    values.put(":domain", AttributeValue.s("ada@"));
    values.put(":active", AttributeValue.s("active"));
    sixClauses = compiler.condition(ExpressionKind.CONDITION, SIX_CLAUSES, null, values);

    Map<String, ExpectedEntry> expected = new LinkedHashMap<>();
    expected.put("UserId", new ExpectedEntry(AttributeValue.s("user003"), null, null, null, null));
    expected.put("deletedAt", new ExpectedEntry(null, false, null, null, null));
    expected.put("age", new ExpectedEntry(null, null, "BETWEEN",
        List.of(AttributeValue.n("18"), AttributeValue.n("65")), null));
    legacyThree = ExpressionCompiler.legacy(expected, null);

    coldNames = Map.of("#p", "profile");
    coldValues = new LinkedHashMap<>();
    coldValues.put(":city", AttributeValue.s("Berlin"));
    coldValues.put(":z1", AttributeValue.s("10000"));
    coldValues.put(":z2", AttributeValue.s("19999"));
    coldValues.put(":n", AttributeValue.n("1"));
    coldValues.put(":banned", AttributeValue.s("banned"));
    coldValues.put(":domain", AttributeValue.s("ada@"));
    coldValues.put(":numeric", AttributeValue.s("N"));
    coldValues.put(":a1", AttributeValue.n("41"));
    coldValues.put(":a2", AttributeValue.n("42"));

    state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable("users", KeySchema.of(KeyAttribute.s("UserId")));
    user = Item.builder().put("UserId", "user003").put("name", "Ada").build();
    conditionalDelete = DeleteItem.Request.of("users", Map.of("UserId", AttributeValue.s("user003")))
        .withCondition(attributeExists);
  }

  /** (1) A compiled {@code attribute_exists(UserId)} against a 20-attribute item. */
  @Benchmark
  public boolean attributeExists() {
    return attributeExists.matches(item);
  }

  /** (2) A compiled six-clause expression. */
  @Benchmark
  public boolean sixClauses() {
    return sixClauses.matches(item);
  }

  /** (3) Parse and validate a 200-character expression with a fresh compiler (no cache). */
  @Benchmark
  public ItemCondition parseAndValidateCold() {
    return new ExpressionCompiler().condition(ExpressionKind.CONDITION, COLD_200, coldNames,
        coldValues);
  }

  /** (4) Looking an already-compiled expression up in the cache. */
  @Benchmark
  public ItemCondition cachedLookup() {
    return compiler.condition(ExpressionKind.CONDITION, "attribute_exists(UserId)", null, null);
  }

  /** (5) A legacy Expected with three conditions. */
  @Benchmark
  public boolean legacyExpected() {
    return legacyThree.matches(item);
  }

  /** (6) A conditional DeleteItem through the domain API, then the item put back. */
  @Benchmark
  public DeleteItem.Result conditionalDeleteInProcess() {
    state.putItem("users", user);
    return state.deleteItem(conditionalDelete);
  }
}
