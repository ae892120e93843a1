package dev.tombstone.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tombstone.Tombstone;
import dev.tombstone.junit.TombstoneTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What the JUnit extension adds to the first test of a class: each run is a fresh JVM that
 * runs one one-test class through the JUnit Platform Launcher, timed from the launcher call to
 * its return; once a plain class, once the same class with {@code @TombstoneTest} and a
 * {@code Tombstone} parameter. The difference of the medians is the extension's cost, class
 * loading of the emulator included (what a user pays in a fresh test JVM). A third class that
 * starts and stops an emulator itself gives the extension's floor: the difference to it is what
 * the extension adds beyond the start.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.tombstone.benchmarks.ExtensionOverhead [runs]}. A measurement, not a test.
 */
public final class ExtensionOverhead {
  private ExtensionOverhead() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    // Interleaved, so the three see the same machine.
    List<Long> plain = new ArrayList<>();
    List<Long> manual = new ArrayList<>();
    List<Long> extension = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      plain.add(once("plain"));
      manual.add(once("manual"));
      extension.add(once("extension"));
    }
    long plainMedian = FreshJvm.median(plain);
    long manualMedian = FreshJvm.median(manual);
    long extensionMedian = FreshJvm.median(extension);
    System.out.printf("first test, plain class:                 %d ms (median of %d fresh JVMs)%n",
        plainMedian, runs);
    System.out.printf("first test, starting Tombstone itself:   %d ms%n", manualMedian);
    System.out.printf("first test, @TombstoneTest:              %d ms%n", extensionMedian);
    System.out.printf("added by the extension:                  %d ms%n",
        extensionMedian - plainMedian);
    System.out.printf("added by the extension beyond the start: %d ms%n",
        extensionMedian - manualMedian);
    // The machine's speed drifts between rounds; the difference within each round does not.
    List<Long> beyond = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      beyond.add(extension.get(i) - manual.get(i));
    }
    System.out.printf("the same, median of the %d per-round differences: %d ms%n", runs,
        FreshJvm.median(beyond));
  }

  private static long once(String which) throws Exception {
    return FreshJvm.run(Probe.class, which);
  }

  /** Runs one class through the launcher and prints the milliseconds it took. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      Class<?> testClass = switch (args[0]) {
        case "plain" -> Plain.class;
        case "manual" -> StartsItself.class;
        default -> WithExtension.class;
      };
      Launcher launcher = LauncherFactory.create();
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      long start = System.nanoTime();
      launcher.execute(request, summary);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (summary.getSummary().getTestsSucceededCount() != 1) {
        throw new IllegalStateException("the probe test did not pass");
      }
      System.out.println(millis);
    }
  }

  /** The baseline: one test, no extension. */
  public static final class Plain {
    @Test
    void test() {
      if (System.nanoTime() == 0) {
        throw new AssertionError();
      }
    }
  }

  /** The same test starting and stopping an emulator itself: the extension's floor. */
  public static final class StartsItself {
    @Test
    void test() {
      try (Tombstone tombstone = Tombstone.builder().start()) {
        if (tombstone.port() == 0) {
          throw new AssertionError();
        }
      }
    }
  }

  /** The same test with the extension and the emulator injected. */
  @TombstoneTest
  public static final class WithExtension {
    @Test
    void test(Tombstone tombstone) {
      if (tombstone.port() == 0) {
        throw new AssertionError();
      }
    }
  }
}
