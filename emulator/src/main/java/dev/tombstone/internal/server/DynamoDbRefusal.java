package dev.tombstone.internal.server;

import dev.tombstone.internal.auth.Verdict;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** DynamoDB's answers to a request whose signature fails: all 400, each with its type. */
record DynamoDbRefusal(String type, String message) {
  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration SKEW = Duration.ofMinutes(15);

  static DynamoDbRefusal of(Verdict verdict) {
    if (verdict instanceof Verdict.BothMechanisms) {
      return new DynamoDbRefusal("InvalidSignatureException", "Found both 'X-Amz-Algorithm' as a"
          + " query-string param and 'Authorization' as HTTP header.");
    }
    if (verdict instanceof Verdict.Unsigned || verdict instanceof Verdict.UnsupportedScheme) {
      return new DynamoDbRefusal("MissingAuthenticationTokenException",
          "Request is missing Authentication Token");
    }
    if (verdict instanceof Verdict.Malformed malformed) {
      return new DynamoDbRefusal("IncompleteSignatureException", malformed.message());
    }
    if (verdict instanceof Verdict.ScopeDateMismatch mismatch) {
      return new DynamoDbRefusal("InvalidSignatureException", "Date in Credential scope does not"
          + " match YYYYMMDD from ISO-8601 version of date from HTTP: '" + mismatch.scopeDate()
          + "' != '" + mismatch.requestTime().substring(0, 8) + "', from '"
          + mismatch.requestTime() + "'.");
    }
    if (verdict instanceof Verdict.UnknownKey) {
      return new DynamoDbRefusal("UnrecognizedClientException",
          "The security token included in the request is invalid.");
    }
    if (verdict instanceof Verdict.Skewed skewed) {
      String now = BASIC.format(skewed.serverTime());
      String message = skewed.requestInstant().isBefore(skewed.serverTime())
          ? "Signature expired: " + skewed.requestTime() + " is now earlier than "
              + BASIC.format(skewed.serverTime().minus(SKEW)) + " (" + now + " - 15 min.)"
          : "Signature not yet current: " + skewed.requestTime() + " is still later than "
              + BASIC.format(skewed.serverTime().plus(SKEW)) + " (" + now + " + 15 min.)";
      return new DynamoDbRefusal("InvalidSignatureException", message);
    }
    if (verdict instanceof Verdict.HeadersNotSigned) {
      // Only host: DynamoDB does not require x-amz-* headers to be signed.
      return new DynamoDbRefusal("InvalidSignatureException",
          "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    if (verdict instanceof Verdict.Mismatch mismatch) {
      return new DynamoDbRefusal("InvalidSignatureException",
          "The request signature we calculated does not match the signature you provided."
              + " Check your AWS Secret Access Key and signing method. Consult the service"
              + " documentation for details.\n\nThe Canonical String for this request should"
              + " have been\n'" + mismatch.canonicalRequest() + "'\n\nThe String-to-Sign should"
              + " have been\n'" + mismatch.stringToSign() + "'\n");
    }
    // Presigned DynamoDB requests do not exist; an expired one is just a bad signature.
    return new DynamoDbRefusal("InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.");
  }
}
