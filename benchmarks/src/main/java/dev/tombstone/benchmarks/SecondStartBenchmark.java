package dev.tombstone.benchmarks;

import dev.tombstone.Tombstone;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Starting and stopping one more in-process emulator in a JVM that has started one before:
 * what a PER_METHOD or concurrently running test pays instead of a reset.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar SecondStartBenchmark}
 */
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
public class SecondStartBenchmark {

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void startAndStopAnother() {
    Tombstone.builder().start().close();
  }
}
