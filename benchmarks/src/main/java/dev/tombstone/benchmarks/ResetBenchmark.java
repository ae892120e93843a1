package dev.tombstone.benchmarks;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
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
 * What the JUnit extension does between two tests of a class sharing one emulator, and what a
 * test with an emulator of its own pays instead is in {@link SecondStartBenchmark}.
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

  /** Before every measured reset, a test's worth of state: 3 tables of 10 items, 3 buckets. */
  @Setup(Level.Invocation)
  public void seed() {
    for (int t = 0; t < 3; t++) {
      String table = "table" + t;
      tombstone.dynamoDb().createTable(table, KeySchema.of(KeyAttribute.s("Id")));
      String bucket = "bucket" + t;
      tombstone.s3().createBucket(bucket);
      tombstone.s3().setVersioning(bucket, dev.tombstone.s3.Versioning.ENABLED);
      for (int i = 0; i < 10; i++) {
        tombstone.dynamoDb().putItem(table, Item.builder().put("Id", "k" + i).build());
        tombstone.s3().putObject(bucket, "k" + i, "v");
      }
    }
  }

  /**
   * What the extension's beforeEach does for a shared emulator: drop that state and clear the
   * request journal. (Level.Invocation set-up adds timer overhead of well under a microsecond.)
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void resetBetweenTests() {
    tombstone.reset();
    tombstone.clearRequests();
  }
}
