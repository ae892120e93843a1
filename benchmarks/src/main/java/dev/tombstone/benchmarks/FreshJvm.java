package dev.tombstone.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a probe's main class in a fresh JVM on this class path and reads the number it prints. */
final class FreshJvm {
  private FreshJvm() {}

  /** Runs {@code probe} with {@code argument}; returns the number on its last line of output. */
  static long run(Class<?> probe, String argument) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        probe.getName(), argument).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes()).trim();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("probe failed: " + out);
    }
    return Long.parseLong(out.substring(out.lastIndexOf('\n') + 1).trim());
  }

  static long median(List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
