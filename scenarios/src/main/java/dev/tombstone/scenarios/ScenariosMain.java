package dev.tombstone.scenarios;

import dev.tombstone.Tombstone;
import dev.tombstone.scenarios.apps.SampleGateways;
import java.io.PrintStream;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar tombstone-scenarios.jar}: starts the sample gateways of the documented
 * flows, against an already running Tombstone ({@code --emulator <url>}) or an in-process one,
 * and prints the URLs to put into the Postman collections' variables.
 */
public final class ScenariosMain {
  private static final String USAGE = """
      usage: java -jar tombstone-scenarios.jar [options]
        --emulator <url>        use a running Tombstone (e.g. http://127.0.0.1:4566);
                                without it an in-process Tombstone is started
        --emulator-port <port>  port of the in-process Tombstone (default 4566, 0 = free)
        --port <port>           port of the sample gateways (default 4567, 0 = free)
        --origin <origin>       flow B's allowed CORS origin (default http://localhost:5173)
        --help                  print this and exit
      """;

  private ScenariosMain() {}

  /** Entry point; exits with 2 on bad flags. */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(USAGE);
      return;
    }
    Tombstone tombstone = options.emulator() == null
        ? Tombstone.builder().port(options.emulatorPort()).start() : null;
    URI emulator = tombstone != null ? tombstone.endpoint() : options.emulator();
    SampleGateways gateways = SampleGateways.start(emulator,
        SampleGateways.Settings.defaults().withPort(options.port()).withOrigin(options.origin()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateways.close();
      if (tombstone != null) {
        tombstone.close();
      }
      stopped.countDown();
    }));
    PrintStream out = System.out;
    out.println("Tombstone " + (tombstone != null ? "(in-process) " : "") + "at " + emulator);
    out.println("Sample gateways listening on " + gateways.endpoint());
    out.println("Postman variables: baseUrl=" + emulator + " gatewayUrl=" + gateways.endpoint()
        + " frontendOrigin=" + options.origin());
    out.flush();
    stopped.await();
  }

  /** The parsed command line; bad flags throw {@link IllegalArgumentException} saying why. */
  record Options(URI emulator, int emulatorPort, int port, String origin, boolean help) {
    private static final Set<String> WITH_VALUE =
        Set.of("--emulator", "--emulator-port", "--port", "--origin");

    static Options parse(String[] args) {
      URI emulator = null;
      int emulatorPort = 4566;
      int port = 4567;
      String origin = SampleGateways.Settings.defaults().origin();
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help")) {
          help = true;
          continue;
        }
        if (!WITH_VALUE.contains(flag)) {
          throw new IllegalArgumentException("unknown option " + flag);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--emulator" -> emulator = URI.create(value.replaceAll("/+$", ""));
          case "--emulator-port" -> emulatorPort = port(flag, value);
          case "--port" -> port = port(flag, value);
          case "--origin" -> origin = value;
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      return new Options(emulator, emulatorPort, port, origin, help);
    }

    private static int port(String flag, String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65_535) {
          throw new IllegalArgumentException(flag + " must be in 0..65535, was " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " must be a number, was " + value, e);
      }
    }
  }
}
