package dev.tombstone.benchmarks.baseline;

/** Reads the {@code --port <port>} arguments the baselines share with {@code tombstone.jar}. */
final class Ports {
  private Ports() {}

  static int of(String[] args) {
    if (args.length != 2 || !args[0].equals("--port")) {
      throw new IllegalArgumentException("usage: --port <port>");
    }
    return Integer.parseInt(args[1]);
  }
}
