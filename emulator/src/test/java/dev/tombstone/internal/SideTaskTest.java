package dev.tombstone.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SideTaskTest {
  @Test
  void theResultComesBackWhereverTheWorkRan() {
    for (int i = 0; i < 1000; i++) {
      int n = i;
      SideTask<Integer> task = SideTask.offer(() -> n * 2);
      assertThat(task.join()).isEqualTo(n * 2);
    }
  }

  @Test
  void anIdleSideThreadTakesTheWorkUp() throws InterruptedException {
    // On one core there are no side threads; the test needs two.
    if (Runtime.getRuntime().availableProcessors() < 2) {
      assertThat(SideTask.offer(Thread::currentThread).join()).isSameAs(Thread.currentThread());
      return;
    }
    Thread caller = Thread.currentThread();
    int onSide = 0;
    for (int i = 0; i < 50; i++) {
      CountDownLatch started = new CountDownLatch(1);
      SideTask<Thread> task = SideTask.offer(() -> {
        started.countDown();
        return Thread.currentThread();
      });
      started.await(100, TimeUnit.MILLISECONDS);
      if (task.join() != caller) {
        onSide++;
      }
    }
    assertThat(onSide).isGreaterThan(0);
  }

  @Test
  void theWorkRunsExactlyOnceEvenWhenTheCallerAndASideThreadRace() {
    AtomicInteger runs = new AtomicInteger();
    for (int i = 0; i < 10_000; i++) {
      SideTask.offer(runs::incrementAndGet).join();
    }
    assertThat(runs).hasValue(10_000);
  }

  @Test
  void whenEverySideThreadIsBusyTheCallerRunsTheWorkItself() throws InterruptedException {
    int sideThreads = Runtime.getRuntime().availableProcessors() - 1;
    CountDownLatch started = new CountDownLatch(sideThreads);
    CountDownLatch release = new CountDownLatch(1);
    List<SideTask<Boolean>> blockers = new ArrayList<>();
    try {
      // An offer made while a thread is between two tasks is dropped, so offer until every
      // side thread holds a blocker; the dropped ones run on this thread at the end.
      for (int i = 0; i < 1000 && started.getCount() > 0; i++) {
        long before = started.getCount();
        blockers.add(SideTask.offer(() -> {
          started.countDown();
          return awaitQuietly(release);
        }));
        for (int wait = 0; wait < 50 && started.getCount() == before; wait++) {
          Thread.sleep(1);
        }
      }
      assertThat(started.getCount()).as("side threads not busy").isZero();

      assertThat(SideTask.offer(Thread::currentThread).join()).isSameAs(Thread.currentThread());
    } finally {
      release.countDown();
    }
    for (SideTask<Boolean> blocker : blockers) {
      assertThat(blocker.join()).isTrue();
    }
  }

  @Test
  void aJoinWaitsForWorkThatIsStillRunning() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      CountDownLatch started = new CountDownLatch(1);
      SideTask<String> task = SideTask.offer(() -> {
        started.countDown();
        sleepQuietly(20);
        return "done";
      });
      // Whether a side thread took it up or the caller runs it, the result is the work's.
      started.await(100, TimeUnit.MILLISECONDS);
      assertThat(task.join()).isEqualTo("done");
    }
  }

  @Test
  void whatTheWorkThrowsReachesTheCaller() {
    for (int i = 0; i < 200; i++) {
      SideTask<Object> failing = SideTask.offer(() -> {
        throw new IllegalStateException("broken");
      });
      assertThat(catchThrowable(failing::join))
          .isInstanceOf(IllegalStateException.class).hasMessage("broken");
      SideTask<Object> error = SideTask.offer(() -> {
        throw new AssertionError("worse");
      });
      assertThat(catchThrowable(error::join)).isInstanceOf(AssertionError.class);
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
