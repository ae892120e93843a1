package dev.tombstone.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tombstone.Tombstone;
import dev.tombstone.junit.TombstoneTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * loading of the emulator included (what a user pays in a fresh test JVM).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.tombstone.benchmarks.ExtensionOverhead [runs]}. A measurement, not a test.
 */
public final class ExtensionOverhead {
  private ExtensionOverhead() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    long plain = median(runs, "plain");
    long extension = median(runs, "extension");
    System.out.printf("first test, plain class:       %d ms (median of %d fresh JVMs)%n",
        plain, runs);
    System.out.printf("first test, @TombstoneTest:    %d ms%n", extension);
    System.out.printf("added by the extension:        %d ms%n", extension - plain);
  }

  private static long median(int runs, String which) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          Probe.class.getName(), which).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("probe failed: " + out);
      }
      String last = out.substring(out.lastIndexOf('\n') + 1);
      times.add(Long.parseLong(last.trim()));
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  /** Runs one class through the launcher and prints the milliseconds it took. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      Class<?> testClass = args[0].equals("plain") ? Plain.class : WithExtension.class;
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
