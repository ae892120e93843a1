package dev.tombstone.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FuzzTimeTest {
  private static final long BOUND = 40;

  private static String sleepThenAnswer(long millis, String answer) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return answer;
  }

  @Test
  void aFastInputRunsOnce() {
    AtomicInteger runs = new AtomicInteger();

    String answer = FuzzTime.bounded(() -> "run " + runs.incrementAndGet(), BOUND);

    assertThat(answer).isEqualTo("run 1");
    assertThat(runs).hasValue(1);
  }

  @Test
  void anInputSlowOnlyTheFirstTimePassesWithItsFirstResult() {
    AtomicInteger runs = new AtomicInteger();

    String answer = FuzzTime.bounded(() -> {
      int run = runs.incrementAndGet();
      return sleepThenAnswer(run == 1 ? BOUND * 2 : 0, "run " + run);
    }, BOUND);

    assertThat(answer).isEqualTo("run 1");
    assertThat(runs).hasValue(2);
  }

  @Test
  void anInputSlowBothTimesFails() {
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> FuzzTime.bounded(
        () -> sleepThenAnswer(BOUND * 2, "run " + runs.incrementAndGet()), BOUND))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("milliseconds for one input, run again after");
    assertThat(runs).hasValue(2);
  }
}
