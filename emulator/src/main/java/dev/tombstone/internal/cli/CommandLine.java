package dev.tombstone.internal.cli;

import dev.tombstone.Tombstone;
import java.util.List;

/**
 * The standalone flags, parsed. Both {@code --port 4566} and {@code --port=4566} work.
 *
 * @param credentials {@code ACCESS_KEY_ID:SECRET} for strict SigV4 checking, or null
 */
record CommandLine(String host, int port, String region, String credentials, Action action) {
  static final String USAGE =
      """
      Usage: java -jar tombstone.jar [options]

      Serves DynamoDB (JSON 1.0, 2011-12-05, MagnetoDB REST) and S3 on one port.

      Options:
        --host <address>   address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
        --port <port>      port to bind, 0 picks a free one (default 4566)
        --region <region>  region reported in ARNs and bucket locations (default us-east-1)
        --credentials <ACCESS_KEY_ID:SECRET>
                           strict mode: refuse every request not SigV4-signed with this key pair
        --help             print this help and exit
        --version          print the version and exit

      Admin endpoints: GET /_tombstone/health, POST /_tombstone/reset, GET /_localstack/health
      """;

  enum Action {
    RUN,
    HELP,
    VERSION
  }

  /** A command line the user got wrong; the message says how. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static CommandLine parse(List<String> args) throws UsageException {
    String host = "127.0.0.1";
    int port = 4566;
    String region = "us-east-1";
    String credentials = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      switch (name) {
        case "--help", "-h" -> {
          return new CommandLine(host, port, region, credentials, Action.HELP);
        }
        case "--version" -> {
          return new CommandLine(host, port, region, credentials, Action.VERSION);
        }
        case "--host" -> {
          value = value != null ? value : next(args, ++i, name);
          if (value.isBlank()) {
            throw new UsageException("--host needs an address, e.g. --host 0.0.0.0");
          }
          host = value;
        }
        case "--port" -> port = port(value != null ? value : next(args, ++i, name));
        case "--region" -> {
          value = value != null ? value : next(args, ++i, name);
          try {
            Tombstone.builder().region(value);
          } catch (IllegalArgumentException e) {
            throw new UsageException("--region must look like us-east-1, was '" + value + "'");
          }
          region = value;
        }
        case "--credentials" -> {
          value = value != null ? value : next(args, ++i, name);
          int colon = value.indexOf(':');
          if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException(
                "--credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, e.g. AKID:SECRET");
          }
          credentials = value;
        }
        default -> throw new UsageException("unknown option '" + arg + "'");
      }
    }
    return new CommandLine(host, port, region, credentials, Action.RUN);
  }

  private static String next(List<String> args, int index, String flag) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException(flag + " needs a value");
    }
    return args.get(index);
  }

  private static int port(String text) throws UsageException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--port must be a number in 0..65535, was '" + text + "'");
  }
}
