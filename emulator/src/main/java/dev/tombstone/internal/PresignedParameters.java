package dev.tombstone.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shape checks S3 makes on a SigV4 presigned query before anything else, in S3's order,
 * with S3's texts (all {@code AuthorizationQueryParametersError}). Shared by the S3 protocol,
 * which checks presigned URLs whether or not signatures are verified, and by strict mode's
 * verifier, so both refuse a malformed URL the same way.
 *
 * <pre>{@code
 * PresignedParameters.problem(Map.of("X-Amz-Algorithm", "AWS4-HMAC-SHA512")::get);
 * // Optional[X-Amz-Algorithm only supports "AWS4-HMAC-SHA256 and AWS4-ECDSA-P256-SHA256"]
 * }</pre>
 */
public final class PresignedParameters {
  /** The longest lifetime S3 accepts: a week, in seconds. */
  public static final long MAX_EXPIRES = 604_800;
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final List<String> REQUIRED = List.of("X-Amz-Algorithm", "X-Amz-Credential",
      "X-Amz-Signature", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires");

  private PresignedParameters() {}

  /**
   * The first thing wrong with a presigned query's parameters, or empty when they are well
   * formed.
   *
   * @param parameter a decoded parameter's value by name, null when absent
   */
  public static Optional<String> problem(Function<String, String> parameter) {
    String algorithm = parameter.apply("X-Amz-Algorithm");
    if (!"AWS4-HMAC-SHA256".equals(algorithm) && !"AWS4-ECDSA-P256-SHA256".equals(algorithm)) {
      return Optional.of("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256 and"
          + " AWS4-ECDSA-P256-SHA256\"");
    }
    for (String name : REQUIRED) {
      if (parameter.apply(name) == null) {
        return Optional.of("Query-string authentication version 4 requires the X-Amz-Algorithm,"
            + " X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and"
            + " X-Amz-Expires parameters.");
      }
    }
    long expires;
    try {
      expires = Long.parseLong(parameter.apply("X-Amz-Expires"));
    } catch (NumberFormatException e) {
      return Optional.of("X-Amz-Expires should be a number");
    }
    if (expires < 0) {
      return Optional.of("X-Amz-Expires must be non-negative");
    }
    if (expires > MAX_EXPIRES) {
      return Optional.of("X-Amz-Expires must be less than a week (in seconds); that is, the"
          + " given X-Amz-Expires must be less than 604800 seconds");
    }
    try {
      LocalDateTime.parse(parameter.apply("X-Amz-Date"), AMZ_DATE);
    } catch (DateTimeParseException e) {
      return Optional.of("X-Amz-Date must be in the ISO8601 Long Format"
          + " \"yyyyMMdd'T'HHmmss'Z'\"");
    }
    String[] scope = parameter.apply("X-Amz-Credential").split("/", -1);
    if (scope.length != 5 || scope[0].isEmpty() || !scope[4].equals("aws4_request")) {
      return Optional.of("Error parsing the X-Amz-Credential parameter; the Credential is"
          + " mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    }
    return Optional.empty();
  }
}
