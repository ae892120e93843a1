package dev.tombstone.internal.s3;

import java.util.List;
import java.util.regex.Pattern;

/**
 * S3's general purpose bucket naming rules, shared by the domain (CreateBucket) and the
 * protocol (which checks a name before it reads a request body).
 */
public final class BucketNames {
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> RESERVED_SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  private BucketNames() {}

  /** Whether {@code name} follows the rules. */
  public static boolean isValid(String name) {
    if (name == null || !ALLOWED.matcher(name).matches() || name.contains("..")
        || IPV4.matcher(name).matches()) {
      return false;
    }
    return RESERVED_PREFIXES.stream().noneMatch(name::startsWith)
        && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
  }
}
