package dev.tombstone.internal.cli;

/**
 * For the standalone JAR only: if the user configured no java.util.logging format, log records
 * print as one line each instead of the JDK's two-line default. Tombstone ships no logging
 * backend or configuration file; any JUL configuration the user passes wins.
 */
final class StartupLogging {
  private static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

  private StartupLogging() {}

  static void useOneLineFormat() {
    if (System.getProperty(FORMAT_PROPERTY) == null
        && System.getProperty("java.util.logging.config.file") == null
        && System.getProperty("java.util.logging.config.class") == null) {
      System.setProperty(FORMAT_PROPERTY, "%1$tF %1$tT %4$s %5$s%6$s%n");
    }
  }
}
