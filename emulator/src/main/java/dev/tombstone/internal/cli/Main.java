package dev.tombstone.internal.cli;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.internal.server.Version;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar tombstone.jar}: runs the emulator until SIGTERM or Ctrl-C. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(List.of(args));
    } catch (CommandLine.UsageException e) {
      return usageError(e, err);
    }
    switch (commandLine.action()) {
      case HELP -> {
        out.print(CommandLine.USAGE);
        return 0;
      }
      case VERSION -> {
        out.println("tombstone " + Version.current());
        return 0;
      }
      default -> {
        return serve(commandLine, err);
      }
    }
  }

  private static int serve(CommandLine commandLine, PrintStream err) {
    StartupLogging.useOneLineFormat();
    Tombstone tombstone;
    try {
      tombstone = builder(commandLine).start();
    } catch (CommandLine.UsageException e) {
      return usageError(e, err);
    } catch (UncheckedIOException e) {
      err.println("tombstone: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  tombstone.close();
                  stopped.countDown();
                },
                "tombstone-shutdown"));
    // java.util.logging itself rather than System.getLogger: the JAR runs alone on its class
    // path, where System.Logger always ends in JUL, and its first lookup through the service
    // loader costs ~10 ms of CPU at every start.
    java.util.logging.Logger.getLogger("dev.tombstone")
        .log(
            java.util.logging.Level.INFO,
            "Tombstone {0} listening on {1} (DynamoDB and S3, region {2}{3})",
            new Object[] {
              Version.current(),
              tombstone.endpoint(),
              tombstone.region(),
              tombstone.clock() instanceof ManualClock manual
                  ? ", manual clock at " + manual.now() : ""
            });
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static int usageError(CommandLine.UsageException e, PrintStream err) {
    err.println("tombstone: " + e.getMessage());
    err.println("Try 'java -jar tombstone.jar --help' for the options.");
    return 2;
  }

  /**
   * The builder the flags ask for. The parser checks every value it can; a value the builder
   * still refuses is a malformed flag all the same, never a stack trace.
   */
  static Tombstone.Builder builder(CommandLine commandLine) throws CommandLine.UsageException {
    try {
      Tombstone.Builder builder =
          Tombstone.builder()
              .host(commandLine.host())
              .port(commandLine.port())
              .region(commandLine.region())
              .owner(commandLine.owner().id(), commandLine.owner().displayName());
      if (commandLine.manualClock() != null) {
        builder.clock(ManualClock.startingAt(commandLine.manualClock()));
      }
      if (commandLine.mfaSerial().isPresent()) {
        builder.mfaDevice(commandLine.mfaSerial().get(),
            commandLine.mfaCodes().toArray(String[]::new));
      }
      if (commandLine.credentials() != null) {
        int colon = commandLine.credentials().indexOf(':');
        builder.credentials(commandLine.credentials().substring(0, colon),
            commandLine.credentials().substring(colon + 1));
      }
      return builder;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.UsageException(e.getMessage());
    }
  }
}
