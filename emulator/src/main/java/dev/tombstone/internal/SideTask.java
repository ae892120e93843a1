package dev.tombstone.internal;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A computation handed to an idle core while the caller goes on with other work of the same
 * request. Only a core that is idle at that moment takes it: when every side thread is busy
 * the offer is dropped, and {@link #join} runs the computation on the caller's thread. So under
 * load nothing changes but an atomic check, and the caller never waits for more than a
 * computation that is already running.
 *
 * <p>The side threads (one fewer than the machine's cores, none on one core) are daemons, made
 * on demand and gone after a second without work.
 */
public final class SideTask<T> {
  private static final int UNCLAIMED = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;

  private static final SideThreads SIDE_THREADS = sideThreads();

  private final Supplier<T> work;
  private final AtomicInteger state = new AtomicInteger(UNCLAIMED);
  private volatile Thread waiter;
  // Written before state becomes DONE, read after: the volatile state orders them.
  private T value;
  private Throwable failure;

  private SideTask(Supplier<T> work) {
    this.work = work;
  }

  /** Starts {@code work} on an idle core if there is one; {@link #join} gets its result. */
  public static <T> SideTask<T> offer(Supplier<T> work) {
    SideTask<T> task = new SideTask<>(work);
    if (SIDE_THREADS != null) {
      SIDE_THREADS.offer(task::runOnSide);
    }
    return task;
  }

  /**
   * The result: computed here if no side thread took the work up, else waited for.
   *
   * @throws RuntimeException what the work threw; an {@link Error} it threw is thrown too
   */
  public T join() {
    if (state.compareAndSet(UNCLAIMED, RUNNING)) {
      return work.get();
    }
    waiter = Thread.currentThread();
    while (state.get() != DONE) {
      LockSupport.park(this);
    }
    waiter = null;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return value;
  }

  private void runOnSide() {
    if (!state.compareAndSet(UNCLAIMED, RUNNING)) {
      return;
    }
    try {
      value = work.get();
    } catch (Throwable e) {
      // Even an error must reach the caller, which would otherwise wait for ever.
      failure = e;
    }
    state.set(DONE);
    Thread parked = waiter;
    if (parked != null) {
      LockSupport.unpark(parked);
    }
  }

  /**
   * The side threads: each idle one waits on its own slot, so a hand-over is one unpark (a few
   * microseconds). A thread pool with a hand-off queue took 40 µs at the median and
   * milliseconds at the 90th percentile here, longer than the work it was to take over.
   */
  private static final class SideThreads {
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int max;
    private final AtomicInteger running = new AtomicInteger();
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger made = new AtomicInteger();

    SideThreads(int max) {
      this.max = max;
    }

    /** Gives {@code task} to an idle thread, or a new one; drops it when all are busy. */
    void offer(Runnable task) {
      Worker worker = idle.pollFirst();
      if (worker != null) {
        worker.next = task;
        LockSupport.unpark(worker.thread);
        return;
      }
      int now = running.get();
      if (now < max && running.compareAndSet(now, now + 1)) {
        try {
          new Worker(task).thread.start();
        } catch (OutOfMemoryError | SecurityException e) {
          // No thread to be had: the offer is dropped, and the caller runs the work itself.
          running.decrementAndGet();
        }
      }
    }

    private final class Worker implements Runnable {
      final Thread thread;
      volatile Runnable next;

      Worker(Runnable first) {
        this.next = first;
        this.thread = new Thread(this, "tombstone-side-" + made.incrementAndGet());
        thread.setDaemon(true);
      }

      @Override
      public void run() {
        try {
          serve();
        } finally {
          running.decrementAndGet();
        }
      }

      /** Runs tasks until none came for a while. */
      private void serve() {
        while (true) {
          Runnable task = next;
          next = null;
          task.run();
          idle.addFirst(this);
          long deadline = System.nanoTime() + IDLE_NANOS;
          boolean promised = false;
          while (next == null) {
            if (promised) {
              LockSupport.park(this);
              continue;
            }
            long left = deadline - System.nanoTime();
            if (left > 0) {
              LockSupport.parkNanos(this, left);
            } else if (idle.remove(this)) {
              return;
            } else {
              // An offer took this thread off the idle list: its task is on the way.
              promised = true;
            }
          }
        }
      }
    }
  }

  private static SideThreads sideThreads() {
    int threads = Runtime.getRuntime().availableProcessors() - 1;
    return threads < 1 ? null : new SideThreads(threads);
  }
}
