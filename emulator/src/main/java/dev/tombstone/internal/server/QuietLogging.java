package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Undertow's and XNIO's start-up INFO lines ("XNIO version ...") off the console when they
 * fall back to java.util.logging. A level configured by the user is left alone; warnings and
 * errors still come through.
 */
final class QuietLogging {
  // java.util.logging holds loggers weakly: keep them, or the level is lost.
  private static final List<Logger> CONFIGURED = new ArrayList<>();

  private QuietLogging() {}

  static synchronized void apply() {
    if (!CONFIGURED.isEmpty()) {
      return;
    }
    // Class-derived names stay right after the shaded JAR relocates these packages.
    for (String name :
        List.of(
            org.xnio.Xnio.class.getPackageName(),
            io.undertow.Undertow.class.getPackageName(),
            org.jboss.threads.JBossExecutors.class.getPackageName())) {
      Logger logger = Logger.getLogger(name);
      if (logger.getLevel() == null) {
        logger.setLevel(Level.WARNING);
      }
      CONFIGURED.add(logger);
    }
  }
}
