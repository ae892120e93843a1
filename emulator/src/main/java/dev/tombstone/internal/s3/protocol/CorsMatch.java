package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.CorsRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How S3 picks the CORS rule for a request: the first rule whose AllowedOrigin matches the
 * {@code Origin} exactly (case counts), whose AllowedMethod lists the method, and whose
 * AllowedHeader entries cover every requested header (case does not count). One {@code *} in an
 * origin or header stands for any run of characters.
 */
final class CorsMatch {
  /** The methods a CORS rule, and so a preflight, can name. */
  static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");

  private CorsMatch() {}

  static Optional<CorsRule> first(List<CorsRule> rules, String origin, String method,
      List<String> requestedHeaders) {
    for (CorsRule rule : rules) {
      if (rule.allowedMethods().contains(method)
          && rule.allowedOrigins().stream().anyMatch(allowed -> matches(allowed, origin))
          && requestedHeaders.stream().allMatch(header -> rule.allowedHeaders().stream()
              .anyMatch(allowed -> matches(allowed.toLowerCase(Locale.ROOT), header)))) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** The names of {@code Access-Control-Request-Headers}, trimmed and lower-cased, in order. */
  static List<String> requestedHeaders(Optional<String> value) {
    if (value.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String name : value.get().split(",")) {
      String trimmed = name.trim();
      if (!trimmed.isEmpty()) {
        names.add(trimmed.toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** {@code value} against a pattern with at most one {@code *} (PutBucketCors checks that). */
  static boolean matches(String pattern, String value) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(value);
    }
    String prefix = pattern.substring(0, star);
    String suffix = pattern.substring(star + 1);
    return value.length() >= prefix.length() + suffix.length()
        && value.startsWith(prefix) && value.endsWith(suffix);
  }
}
