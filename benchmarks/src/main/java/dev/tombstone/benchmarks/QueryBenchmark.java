package dev.tombstone.benchmarks;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.Query;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query over one partition of 10,000 items, alone in its table and next to 10⁶ items in other
 * partitions: the two figures must match within noise, since Query reads only its partition.
 * Run with:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar QueryBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class QueryBenchmark {
  static final int PARTITION_ITEMS = 10_000;
  static final int OTHER_PARTITION_SIZE = 100;

  /** Items in partitions other than the one queried. */
  @Param({"0", "1000000"})
  public int otherItems;

  private DynamoDbState state;
  private Query.Request wholePartition;
  private Query.Request firstPage;
  private Query.Request sortRange;

  @Setup(Level.Trial)
  public void fill() {
    state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable("events", KeySchema.of(KeyAttribute.s("pk"), KeyAttribute.n("sk")));
    for (int i = 0; i < PARTITION_ITEMS; i++) {
      state.putItem("events", item("hot", i));
    }
    for (int i = 0; i < otherItems; i++) {
      state.putItem("events", item("p" + (i / OTHER_PARTITION_SIZE), i % OTHER_PARTITION_SIZE));
    }
    KeyCondition hot = KeyCondition.partitionKey("pk", AttributeValue.s("hot"));
    wholePartition = Query.Request.of("events", hot);
    firstPage = Query.Request.of("events", hot).withLimit(100);
    sortRange = Query.Request.of("events", hot.and("sk", KeyCondition.Operator.BETWEEN,
        AttributeValue.n("5000"), AttributeValue.n("5099")));
  }

  private static Item item(String partition, int sort) {
    return Item.builder()
        .put("pk", AttributeValue.s(partition))
        .put("sk", AttributeValue.n(Integer.toString(sort)))
        .put("status", AttributeValue.s(sort % 2 == 0 ? "OPEN" : "DONE"))
        .build();
  }

  /** All 10,000 items of the partition in one page. */
  @Benchmark
  public Query.Result wholePartition() {
    return state.query(wholePartition);
  }

  /** The first 100 items of the partition. */
  @Benchmark
  public Query.Result firstPageOf100() {
    return state.query(firstPage);
  }

  /** 100 items from the middle of the partition by a sort key range. */
  @Benchmark
  public Query.Result sortKeyRangeOf100() {
    return state.query(sortRange);
  }
}
