package dev.tombstone.benchmarks;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.s3.Versioning;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JUnit extension does between two tests of a class sharing one emulator, measured
 * together with a test's worth of state to drop: every invocation seeds 3 tables of 10 items and
 * 3 versioned buckets of 10 objects, then resets. The figure is an upper bound of the reset
 * alone; a reset cannot be timed by itself without per-invocation set-up, which JMH cannot time
 * honestly for work this short. What a test with an emulator of its own pays instead is in
 * {@link SecondStartBenchmark}.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar ResetBenchmark}
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResetBenchmark {
  private Tombstone tombstone;

  @Setup(Level.Trial)
  public void start() {
    tombstone = Tombstone.builder().start();
  }

  @TearDown(Level.Trial)
  public void stop() {
    tombstone.close();
  }

  /** Seeds a test's worth of state, then does what the extension's beforeEach does. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void seedThenReset() {
    for (int t = 0; t < 3; t++) {
      String table = "table" + t;
      tombstone.dynamoDb().createTable(table, KeySchema.of(KeyAttribute.s("Id")));
      String bucket = "bucket" + t;
      tombstone.s3().createBucket(bucket);
      tombstone.s3().setVersioning(bucket, Versioning.ENABLED);
      for (int i = 0; i < 10; i++) {
        tombstone.dynamoDb().putItem(table, Item.builder().put("Id", "k" + i).build());
        tombstone.s3().putObject(bucket, "k" + i, "v");
      }
    }
    tombstone.reset();
    tombstone.clearRequests();
  }
}
