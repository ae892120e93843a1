package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.PresignedParameters;
import dev.tombstone.s3.S3Error.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query-string SigV4 (presigned URLs): the parameters are checked for shape and the URL for
 * its lifetime against the emulator's clock: expired, or signed more than 15 minutes in the
 * future. The signature itself is not verified.
 */
final class Presigning {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  // How far in the future a URL's X-Amz-Date may lie, for clocks that disagree a little (the
  // skew S3 allows a signed request's date).
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private Presigning() {}

  /**
   * @return whether the query authenticates the request (SigV4 or SigV2), so it may carry
   *     headers the presigner moved into it ({@link HoistedHeaders})
   * @throws WireError AuthorizationQueryParametersError for malformed parameters, AccessDenied
   *     for an expired URL or one signed for a time still to come
   */
  static boolean check(String rawQuery, Clock clock) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return false;
    }
    Map<String, String> parameters = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals));
      if (name.startsWith("X-Amz-") || name.equals("AWSAccessKeyId") || name.equals("Expires")
          || name.equals("Signature")) {
        parameters.putIfAbsent(name,
            equals < 0 ? "" : PercentDecoding.decode(pair.substring(equals + 1)));
      }
    }
    if (parameters.containsKey("AWSAccessKeyId") && parameters.containsKey("Signature")) {
      checkVersion2(parameters.get("Expires"), clock);
      return true;
    }
    if (!parameters.containsKey("X-Amz-Algorithm") && !parameters.containsKey("X-Amz-Signature")
        && !parameters.containsKey("X-Amz-Credential")) {
      return false;
    }
    Optional<String> problem = PresignedParameters.problem(parameters::get);
    if (problem.isPresent()) {
      throw new WireError(WireError.Kind.AUTHORIZATION_QUERY_PARAMETERS_ERROR, problem.get(),
          List.of());
    }
    long expires = Long.parseLong(parameters.get("X-Amz-Expires"));
    Instant signed = LocalDateTime.parse(parameters.get("X-Amz-Date"), AMZ_DATE)
        .toInstant(ZoneOffset.UTC);
    Instant now = clock.instant();
    Instant expiry = signed.plusSeconds(expires);
    if (signed.isAfter(now.plus(MAX_SKEW))) {
      // S3 writes this X-Amz-Date as epoch milliseconds, unlike the times beside it.
      throw new WireError(WireError.Kind.ACCESS_DENIED, "Request is not yet valid", List.of(
          new Field("X-Amz-Date", Long.toString(signed.toEpochMilli())),
          new Field("Expires", ISO.format(expiry)),
          new Field("ServerTime", ISO.format(now))));
    }
    if (now.isAfter(expiry)) {
      throw new WireError(WireError.Kind.ACCESS_DENIED, "Request has expired", List.of(
          new Field("X-Amz-Expires", Long.toString(expires)),
          new Field("Expires", ISO.format(expiry)),
          new Field("ServerTime", ISO.format(now))));
    }
    return true;
  }

  // SigV2 query authentication (what `aws s3 presign` of CLI v1 produces): Expires is an
  // epoch second.
  private static void checkVersion2(String expires, Clock clock) {
    long epoch;
    try {
      epoch = Long.parseLong(expires == null ? "" : expires.trim());
    } catch (NumberFormatException e) {
      throw new WireError(WireError.Kind.ACCESS_DENIED, "Query-string authentication requires"
          + " the Signature, Expires and AWSAccessKeyId parameters", List.of());
    }
    Instant now = clock.instant();
    Instant expiry = Instant.ofEpochSecond(epoch);
    if (now.isAfter(expiry)) {
      throw new WireError(WireError.Kind.ACCESS_DENIED, "Request has expired", List.of(
          new Field("Expires", ISO.format(expiry)), new Field("ServerTime", ISO.format(now))));
    }
  }

}
