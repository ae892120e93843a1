package dev.tombstone.internal.auth;

import dev.tombstone.internal.PresignedParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a request's SigV4 signature, in an Authorization header or a presigned query, against
 * the configured key pair and the emulator's clock, in the order AWS checks: one mechanism only,
 * the form of the header or query (with its request time, and the credential scope's date equal
 * to the request time's), the key, the request time (or a presigned URL's expiry), that the
 * signed headers cover {@code host} and, for S3, every {@code x-amz-*} header the request
 * carries, then the signature.
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
    QueryValues query = QueryValues.of(request.rawQuery());
    Optional<String> authorization = request.header("Authorization");
    if (authorization.isPresent()) {
      if (query.get("X-Amz-Algorithm") != null
          || (request.isS3() && query.get("Signature") != null)) {
        return new Verdict.BothMechanisms(authorization.get());
      }
      return request.isS3() ? verifyS3Header(request, authorization.get())
          : verifyDynamoDbHeader(request, authorization.get());
    }
    // DynamoDB takes a query as a signature only when it names X-Amz-Algorithm, empty or not
    // (dynalite test/connection.js, 'should return MissingAuthenticationTokenException if all
    // query params except X-Amz-Algorithm').
    boolean presigned = request.isS3()
        ? query.get("X-Amz-Algorithm") != null || query.get("X-Amz-Credential") != null
            || query.get("X-Amz-Signature") != null
        : query.get("X-Amz-Algorithm") != null;
    if (presigned) {
      return verifyPresigned(request, query);
    }
    return new Verdict.Unsigned();
  }

  private Verdict verifyS3Header(SignedRequest request, String authorization) {
    AuthorizationHeader header = AuthorizationHeader.parse(authorization);
    if (!header.scheme().equals(SigV4.ALGORITHM)) {
      return new Verdict.UnsupportedScheme(authorization);
    }
    if (!header.missing().isEmpty()) {
      return new Verdict.Malformed("The authorization header is malformed; the authorization"
          + " header requires three components: Credential, SignedHeaders, and Signature.");
    }
    Optional<CredentialScope> scope = header.scope();
    if (scope.isEmpty()) {
      return new Verdict.Malformed("The authorization header is malformed; the Credential is"
          + " mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    }
    Optional<String> time = requestTime(request).filter(t -> parseTime(t).isPresent());
    if (time.isEmpty()) {
      return new Verdict.MissingDate();
    }
    if (!scope.get().date().equals(time.get().substring(0, 8))) {
      return new Verdict.ScopeDateMismatch(scope.get().date(), time.get());
    }
    Optional<String> payloadHash = request.header("x-amz-content-sha256");
    if (payloadHash.isEmpty()) {
      return new Verdict.MissingContentSha256();
    }
    return verifySignature(request, scope.get(), time.get(), header.signedHeaders(),
        header.signature(), payloadHash.get(), null);
  }

  // DynamoDB's order and texts (dynamodb-api.md §1.7): a scheme not starting AWS4- counts as
  // no signature; then every missing part is named in one message.
  private Verdict verifyDynamoDbHeader(SignedRequest request, String authorization) {
    AuthorizationHeader header = AuthorizationHeader.parse(authorization);
    if (!header.scheme().startsWith("AWS4-")) {
      return new Verdict.UnsupportedScheme(authorization);
    }
    StringBuilder missing = new StringBuilder();
    for (String name : header.missing()) {
      missing.append("Authorization header requires '").append(name).append("' parameter. ");
    }
    Optional<String> time = requestTime(request);
    if (time.isEmpty()) {
      missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a"
          + " 'Date' header. ");
    }
    if (missing.length() > 0) {
      return new Verdict.Malformed(missing + "Authorization=" + authorization);
    }
    Optional<CredentialScope> scope = header.scope();
    if (scope.isEmpty()) {
      return new Verdict.Malformed("Credential must have exactly 5 slash-delimited elements,"
          + " e.g. keyid/date/region/service/term, got '" + header.parameters().get("Credential")
          + "'");
    }
    if (parseTime(time.get()).isEmpty()) {
      return new Verdict.Malformed("Missing or unreadable X-Amz-Date header.");
    }
    if (!scope.get().date().equals(time.get().substring(0, 8))) {
      return new Verdict.ScopeDateMismatch(scope.get().date(), time.get());
    }
    // Only HMAC-SHA256 can be checked: a signature made with another algorithm never matches.
    String signature = header.scheme().equals(SigV4.ALGORITHM) ? header.signature() : "";
    return verifySignature(request, scope.get(), time.get(), header.signedHeaders(), signature,
        request.bodySha256(), null);
  }

  private Verdict verifyPresigned(SignedRequest request, QueryValues query) {
    if (!request.isS3()) {
      Optional<String> missing = missingDynamoDbQueryParameters(query);
      if (missing.isPresent()) {
        return new Verdict.Malformed(missing.get());
      }
    }
    Optional<String> problem = PresignedParameters.problem(query::get);
    if (problem.isPresent()) {
      return new Verdict.Malformed(problem.get());
    }
    if (!SigV4.ALGORITHM.equals(query.get("X-Amz-Algorithm"))) {
      // SigV4a (ECDSA) signatures cannot be checked here.
      return new Verdict.Malformed("Query-string authentication version 4 requires the"
          + " X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders,"
          + " and X-Amz-Expires parameters.");
    }
    CredentialScope scope = CredentialScope.parse(query.get("X-Amz-Credential")).orElseThrow();
    String amzDate = query.get("X-Amz-Date");
    if (!scope.date().equals(amzDate.substring(0, 8))) {
      return new Verdict.ScopeDateMismatch(scope.date(), amzDate);
    }
    if (!scope.accessKeyId().equals(credentials.accessKeyId())) {
      return new Verdict.UnknownKey(scope.accessKeyId());
    }
    Instant now = clock.instant();
    String expires = query.get("X-Amz-Expires");
    Instant expiry = parseTime(amzDate).orElseThrow().plusSeconds(Long.parseLong(expires));
    if (now.isAfter(expiry)) {
      return new Verdict.Expired(expires, expiry, now);
    }
    return verifySignature(request, scope, amzDate,
        AuthorizationHeader.signedHeaders(query.get("X-Amz-SignedHeaders")),
        query.get("X-Amz-Signature"),
        request.header("x-amz-content-sha256").orElse("UNSIGNED-PAYLOAD"), "X-Amz-Signature");
  }

  // DynamoDB names each missing or empty query parameter (dynamodb-api.md §1.7 step 4; dynalite
  // test/connection.js, 'should return IncompleteSignatureException if empty X-Amz-Algorithm
  // query').
  private static Optional<String> missingDynamoDbQueryParameters(QueryValues query) {
    StringBuilder missing = new StringBuilder();
    for (String name : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
        "X-Amz-SignedHeaders", "X-Amz-Date")) {
      String value = query.get(name);
      if (value == null || value.isEmpty()) {
        missing.append("AWS query-string parameters must include '").append(name).append("'. ");
      }
    }
    return missing.length() == 0 ? Optional.empty()
        : Optional.of(missing + "Re-examine the query-string parameters.");
  }

  /**
   * The checks every well-formed signature gets, in AWS's order: the key, the request time (a
   * presigned URL's was checked against its expiry instead), the signed headers, the signature.
   */
  private Verdict verifySignature(SignedRequest request, CredentialScope scope, String time,
      List<String> signedHeaders, String signature, String payloadHash, String excludedQuery) {
    if (!scope.accessKeyId().equals(credentials.accessKeyId())) {
      return new Verdict.UnknownKey(scope.accessKeyId());
    }
    if (excludedQuery == null) {
      Instant requestTime = parseTime(time).orElseThrow();
      Instant now = clock.instant();
      if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
        return new Verdict.Skewed(time, requestTime, now);
      }
    }
    List<String> unsigned = unsignedHeaders(request, signedHeaders);
    if (!unsigned.isEmpty()) {
      return new Verdict.HeadersNotSigned(unsigned);
    }
    String canonical = CanonicalRequest.of(request, signedHeaders, payloadHash, excludedQuery);
    String stringToSign = CanonicalRequest.stringToSign(time, scope.scope(), canonical);
    byte[] key = SigV4.signingKey(credentials.secretAccessKey(), scope.date(), scope.region(),
        scope.service());
    String expected = SigV4.signature(key, stringToSign);
    if (!constantTimeEquals(expected, signature)) {
      return new Verdict.Mismatch(scope.accessKeyId(), canonical, stringToSign, signature);
    }
    return new Verdict.Accepted(new ChunkSigner(key, time, scope.scope(), expected));
  }

  /**
   * The time a header signature is made at: X-Amz-Date, or without it a Date header, which
   * SigV4 then requires in the same ISO 8601 basic form.
   */
  private static Optional<String> requestTime(SignedRequest request) {
    Optional<String> amzDate = request.header("X-Amz-Date");
    return amzDate.isPresent() ? amzDate : request.header("Date");
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
}
