package dev.tombstone.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a request's SigV4 signature, in an Authorization header or a presigned query, against
 * the configured key pair and the emulator's clock, in the order AWS checks: the key, the
 * request time (or a presigned URL's expiry), that the signed headers cover {@code host} and, for
 * S3, every {@code x-amz-*} header the request carries, then the signature.
 */
public final class Verifier {
  static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private final Credentials credentials;
  private final Clock clock;

  public Verifier(Credentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  public Verdict verify(SignedRequest request) {
    Optional<String> authorization = request.header("Authorization");
    if (authorization.isPresent()) {
      return verifyHeader(request, authorization.get());
    }
    if (request.rawQuery().contains("X-Amz-Signature=")) {
      return verifyPresigned(request);
    }
    return new Verdict.Unsigned();
  }

  private Verdict verifyHeader(SignedRequest request, String authorization) {
    Optional<AuthorizationHeader> parsed = AuthorizationHeader.parse(authorization);
    if (parsed.isEmpty()) {
      return new Verdict.Malformed("Authorization header requires 'Credential', 'Signature'"
          + " and 'SignedHeaders' parameters of the AWS4-HMAC-SHA256 algorithm.");
    }
    AuthorizationHeader header = parsed.get();
    if (!header.accessKeyId().equals(credentials.accessKeyId())) {
      return new Verdict.UnknownKey(header.accessKeyId());
    }
    String amzDate = request.header("X-Amz-Date").orElse(null);
    Optional<Instant> time = parseTime(amzDate);
    if (time.isEmpty()) {
      return new Verdict.Malformed("Missing or unreadable X-Amz-Date header.");
    }
    Instant now = clock.instant();
    if (Duration.between(time.get(), now).abs().compareTo(MAX_SKEW) > 0) {
      return new Verdict.Skewed(amzDate, time.get(), now);
    }
    List<String> unsigned = unsignedHeaders(request, header.signedHeaders());
    if (!unsigned.isEmpty()) {
      return new Verdict.HeadersNotSigned(unsigned);
    }
    String payloadHash = request.bodySha256() != null ? request.bodySha256()
        : request.header("x-amz-content-sha256").orElse("UNSIGNED-PAYLOAD");
    String canonical =
        CanonicalRequest.of(request, header.signedHeaders(), payloadHash, null);
    String stringToSign = CanonicalRequest.stringToSign(amzDate, header.scope(), canonical);
    byte[] key = SigV4.signingKey(credentials.secretAccessKey(), header.date(), header.region(),
        header.service());
    String expected = SigV4.signature(key, stringToSign);
    if (!constantTimeEquals(expected, header.signature())) {
      return new Verdict.Mismatch(header.accessKeyId(), canonical, stringToSign,
          header.signature());
    }
    return new Verdict.Accepted(new ChunkSigner(key, amzDate, header.scope(), expected));
  }

  private Verdict verifyPresigned(SignedRequest request) {
    QueryValues query = QueryValues.of(request.rawQuery());
    String credential = query.get("X-Amz-Credential");
    String amzDate = query.get("X-Amz-Date");
    String expires = query.get("X-Amz-Expires");
    String signedHeaders = query.get("X-Amz-SignedHeaders");
    String signature = query.get("X-Amz-Signature");
    Optional<AuthorizationHeader> scope = credential == null ? Optional.empty()
        : AuthorizationHeader.parse(SigV4.ALGORITHM + " Credential=" + credential
            + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
    if (!SigV4.ALGORITHM.equals(query.get("X-Amz-Algorithm")) || scope.isEmpty()
        || amzDate == null || expires == null || !expires.matches("[0-9]{1,6}")) {
      return new Verdict.Malformed("Query-string authentication version 4 requires the"
          + " X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders,"
          + " and X-Amz-Expires parameters.");
    }
    if (!scope.get().accessKeyId().equals(credentials.accessKeyId())) {
      return new Verdict.UnknownKey(scope.get().accessKeyId());
    }
    Optional<Instant> time = parseTime(amzDate);
    if (time.isEmpty()) {
      return new Verdict.Malformed("X-Amz-Date must be in the ISO8601 Long Format"
          + " \"yyyyMMdd'T'HHmmss'Z'\"");
    }
    Instant now = clock.instant();
    Instant expiry = time.get().plusSeconds(Long.parseLong(expires));
    if (now.isAfter(expiry)) {
      return new Verdict.Expired(expires, expiry, now);
    }
    List<String> unsigned = unsignedHeaders(request, scope.get().signedHeaders());
    if (!unsigned.isEmpty()) {
      return new Verdict.HeadersNotSigned(unsigned);
    }
    String payloadHash = request.header("x-amz-content-sha256").orElse("UNSIGNED-PAYLOAD");
    String canonical = CanonicalRequest.of(request, scope.get().signedHeaders(), payloadHash,
        "X-Amz-Signature");
    String stringToSign = CanonicalRequest.stringToSign(amzDate, scope.get().scope(), canonical);
    byte[] key = SigV4.signingKey(credentials.secretAccessKey(), scope.get().date(),
        scope.get().region(), scope.get().service());
    String expected = SigV4.signature(key, stringToSign);
    if (!constantTimeEquals(expected, signature)) {
      return new Verdict.Mismatch(scope.get().accessKeyId(), canonical, stringToSign, signature);
    }
    return new Verdict.Accepted(new ChunkSigner(key, amzDate, scope.get().scope(), expected));
  }

  /**
   * The headers a signature must cover and does not: {@code host}, and on S3 each {@code x-amz-*}
   * header present (but {@code x-amz-content-sha256}, which S3 takes unsigned), in name order.
   */
  private static List<String> unsignedHeaders(SignedRequest request, List<String> signed) {
    TreeSet<String> missing = new TreeSet<>();
    if (!signed.contains("host")) {
      missing.add("host");
    }
    if (request.isS3()) {
      for (Map.Entry<String, String> header : request.headers()) {
        String name = header.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("x-amz-") && !name.equals("x-amz-content-sha256")
            && !signed.contains(name)) {
          missing.add(name);
        }
      }
    }
    return List.copyOf(missing);
  }

  static Optional<Instant> parseTime(String amzDate) {
    if (amzDate == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(SigV4.BASIC_TIME.parse(amzDate)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static boolean constantTimeEquals(String expected, String provided) {
    return java.security.MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        provided.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** The Authorization header's parts. */
  record AuthorizationHeader(String accessKeyId, String date, String region, String service,
      List<String> signedHeaders, String signature) {
    String scope() {
      return date + "/" + region + "/" + service + "/aws4_request";
    }

    static Optional<AuthorizationHeader> parse(String value) {
      if (!value.startsWith(SigV4.ALGORITHM + " ")) {
        return Optional.empty();
      }
      String credential = null;
      String signed = null;
      String signature = null;
      for (String part : value.substring(SigV4.ALGORITHM.length() + 1).split(",")) {
        String item = part.strip();
        if (item.startsWith("Credential=")) {
          credential = item.substring(11);
        } else if (item.startsWith("SignedHeaders=")) {
          signed = item.substring(14);
        } else if (item.startsWith("Signature=")) {
          signature = item.substring(10);
        }
      }
      if (credential == null || signed == null || signature == null) {
        return Optional.empty();
      }
      String[] scope = credential.split("/", -1);
      if (scope.length != 5 || !scope[4].equals("aws4_request") || scope[0].isEmpty()) {
        return Optional.empty();
      }
      List<String> headers = Arrays.stream(signed.split(";"))
          .map(h -> h.toLowerCase(Locale.ROOT)).toList();
      return Optional.of(new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3],
          headers, signature));
    }
  }
}
