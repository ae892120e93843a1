package dev.tombstone.internal.cli;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import dev.tombstone.s3.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The standalone flags, parsed. Both {@code --port 4566} and {@code --port=4566} work.
 *
 * @param mfaSerial the MFA serial MFA-delete buckets accept; empty accepts any
 * @param mfaCodes the MFA codes accepted, each once; empty accepts any (never given without a
 *     serial)
 * @param manualClock the start of a manual clock ({@code --clock manual[:<instant>]}); null for
 *     the system clock
 * @param credentials {@code ACCESS_KEY_ID:SECRET} for strict SigV4 checking, or null
 */
record CommandLine(String host, int port, String region, Action action, Owner owner,
    Optional<String> mfaSerial, List<String> mfaCodes, Instant manualClock, String credentials) {
  CommandLine {
    mfaCodes = List.copyOf(mfaCodes);
  }

  /** Only the address and region: the system clock, the default owner, any MFA device. */
  CommandLine(String host, int port, String region, Action action) {
    this(host, port, region, null, action);
  }

  /** Only the address, region and strict-mode credentials (null for none). */
  CommandLine(String host, int port, String region, String credentials, Action action) {
    this(host, port, region, action, Owner.DEFAULT, Optional.empty(), List.of(), null,
        credentials);
  }

  static final String USAGE =
      """
      Usage: java -jar tombstone.jar [options]

      Serves DynamoDB (JSON 1.0, 2011-12-05, MagnetoDB REST) and S3 on one port.

      Options:
        --host <address>   address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
        --port <port>      port to bind, 0 picks a free one (default 4566)
        --region <region>  region reported in ARNs and bucket locations (default us-east-1)
        --clock manual[:<instant>]
                           a clock moved only by POST /_tombstone/clock, starting at the
                           ISO-8601 instant (default: now); --clock system is the default
        --owner-id <id>    S3 canonical user id of the owner in listings and ACLs
        --owner-name <n>   S3 display name of that owner (default tombstone)
        --mfa-serial <s>   MFA device serial that MFA-delete buckets accept (default any)
        --mfa-code <code>  an MFA code they accept, with --mfa-serial; repeat for more
                           (default any)
        --credentials <ACCESS_KEY_ID:SECRET>
                           strict mode: refuse every request not SigV4-signed with this key pair
        --help             print this help and exit
        --version          print the version and exit

      Admin endpoints: GET /_tombstone/health, POST /_tombstone/reset, GET /_localstack/health,
        GET/POST /_tombstone/clock, POST/GET/DELETE /_tombstone/faults (see the README)
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
    Instant manualClock = null;
    String ownerId = Owner.DEFAULT.id();
    String ownerName = Owner.DEFAULT.displayName();
    Optional<String> mfaSerial = Optional.empty();
    List<String> mfaCodes = new ArrayList<>();
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
          host = resolvable(value);
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
        case "--owner-id" -> {
          ownerId = value != null ? value : next(args, ++i, name);
          if (ownerId.isBlank()) {
            throw new UsageException("--owner-id needs a canonical user id");
          }
        }
        case "--owner-name" -> ownerName = value != null ? value : next(args, ++i, name);
        case "--mfa-serial" -> {
          String serial = value != null ? value : next(args, ++i, name);
          if (serial.isBlank() || serial.contains(" ")) {
            throw new UsageException("--mfa-serial needs a serial without spaces");
          }
          mfaSerial = Optional.of(serial);
        }
        case "--mfa-code" -> {
          String code = value != null ? value : next(args, ++i, name);
          if (code.isBlank() || code.contains(" ")) {
            throw new UsageException("--mfa-code needs a code without spaces");
          }
          if (!mfaCodes.contains(code)) {
            mfaCodes.add(code);
          }
        }
        case "--clock" -> manualClock = clock(value != null ? value : next(args, ++i, name));
        case "--credentials" -> {
          value = value != null ? value : next(args, ++i, name);
          int colon = value.indexOf(':');
          if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException(
                "--credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, e.g. AKID:SECRET");
          }
          try {
            Tombstone.builder().credentials(value.substring(0, colon), value.substring(colon + 1));
          } catch (IllegalArgumentException e) {
            throw new UsageException("--credentials: " + e.getMessage());
          }
          credentials = value;
        }
        default -> throw new UsageException("unknown option '" + arg + "'");
      }
    }
    if (!mfaCodes.isEmpty() && mfaSerial.isEmpty()) {
      // MFA delete checks a code together with a serial; a code alone would be ignored.
      throw new UsageException("--mfa-code needs --mfa-serial, the serial the code belongs to");
    }
    return new CommandLine(host, port, region, Action.RUN, new Owner(ownerId, ownerName),
        mfaSerial, mfaCodes, manualClock, credentials);
  }

  /** {@code system} (null), {@code manual} (now) or {@code manual:<instant>}. */
  private static Instant clock(String text) throws UsageException {
    if (text.equals("system")) {
      return null;
    }
    if (text.equals("manual")) {
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    if (text.startsWith("manual:")) {
      String instant = text.substring("manual:".length());
      Instant start;
      try {
        start = Instant.parse(instant);
      } catch (DateTimeParseException e) {
        throw new UsageException("--clock manual:<instant> needs an ISO-8601 UTC instant such as"
            + " 2026-01-01T00:00:00Z, was '" + instant + "'");
      }
      try {
        ManualClock.startingAt(start);   // only to apply the clock's own range check here
      } catch (IllegalArgumentException e) {
        throw new UsageException("--clock: " + e.getMessage());
      }
      return start;
    }
    throw new UsageException(
        "--clock must be system, manual or manual:<instant>, was '" + text + "'");
  }

  /** {@code host} if it is an address or a name that resolves now; Undertow binds it later. */
  private static String resolvable(String host) throws UsageException {
    try {
      InetAddress.getByName(host);
      return host;
    } catch (UnknownHostException e) {
      throw new UsageException(
          "--host must be an IP address or a host name that resolves, was '" + host + "'");
    }
  }

  private static String next(List<String> args, int index, String flag) throws UsageException {
    // An option in the value's place means the value was left out ("--region --port 0");
    // a value that really begins with "--" can still be given as --flag=--value.
    if (index >= args.size() || args.get(index).startsWith("--")) {
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
