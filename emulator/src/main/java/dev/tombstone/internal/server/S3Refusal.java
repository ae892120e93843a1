package dev.tombstone.internal.server;

import dev.tombstone.internal.auth.Verdict;
import io.undertow.server.HttpServerExchange;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** S3's answers to a request whose signature fails, with the elements S3 adds to each. */
final class S3Refusal {
  private static final String MISMATCH = "The request signature we calculated does not match"
      + " the signature you provided. Check your key and signing method.";

  private S3Refusal() {}

  static void send(HttpServerExchange exchange, ResponseEnvelope envelope, Verdict verdict) {
    if (verdict instanceof Verdict.Unsigned) {
      Answers.s3Error(exchange, envelope, 403, "AccessDenied", "Access Denied");
    } else if (verdict instanceof Verdict.Malformed malformed) {
      boolean presigned = exchange.getRequestHeaders().getFirst("Authorization") == null;
      Answers.s3Error(exchange, envelope, 400,
          presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
          malformed.message());
    } else if (verdict instanceof Verdict.BothMechanisms both) {
      Answers.s3Error(exchange, envelope, 400, "InvalidArgument", "Only one auth mechanism"
          + " allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter"
          + " or the Authorization header should be specified",
          authorization(both.authorization()));
    } else if (verdict instanceof Verdict.UnsupportedScheme scheme) {
      if (scheme.authorization().startsWith("AWS ")) {
        // SigV2, which strict mode does not take: what S3 answers in its SigV4-only regions.
        Answers.s3Error(exchange, envelope, 400, "InvalidRequest", "The authorization mechanism"
            + " you have provided is not supported. Please use AWS4-HMAC-SHA256.");
      } else {
        Answers.s3Error(exchange, envelope, 400, "InvalidArgument",
            "Unsupported Authorization Type", authorization(scheme.authorization()));
      }
    } else if (verdict instanceof Verdict.MissingDate) {
      Answers.s3Error(exchange, envelope, 403, "AccessDenied",
          "AWS authentication requires a valid Date or x-amz-date header");
    } else if (verdict instanceof Verdict.ScopeDateMismatch) {
      boolean presigned = exchange.getRequestHeaders().getFirst("Authorization") == null;
      Answers.s3Error(exchange, envelope, 400,
          presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
          (presigned ? "Error parsing the X-Amz-Credential parameter;"
              : "The authorization header is malformed;")
              + " Invalid credential date. Date is not the same as X-Amz-Date.");
    } else if (verdict instanceof Verdict.MissingContentSha256) {
      Answers.s3Error(exchange, envelope, 400, "InvalidRequest",
          "Missing required header for this request: x-amz-content-sha256");
    } else if (verdict instanceof Verdict.UnknownKey unknown) {
      Answers.s3Error(exchange, envelope, 403, "InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records.",
          List.of(Map.entry("AWSAccessKeyId", unknown.accessKeyId())));
    } else if (verdict instanceof Verdict.Skewed skewed) {
      Answers.s3Error(exchange, envelope, 403, "RequestTimeTooSkewed",
          "The difference between the request time and the current time is too large.",
          List.of(Map.entry("RequestTime", skewed.requestTime()),
              Map.entry("ServerTime", SignatureLayer.isoSeconds(skewed.serverTime())),
              Map.entry("MaxAllowedSkewMilliseconds", "900000")));
    } else if (verdict instanceof Verdict.Expired expired) {
      Answers.s3Error(exchange, envelope, 403, "AccessDenied", "Request has expired",
          List.of(Map.entry("X-Amz-Expires", expired.expiresSeconds()),
              Map.entry("Expires", SignatureLayer.isoSeconds(expired.expiredAt())),
              Map.entry("ServerTime", SignatureLayer.isoSeconds(expired.serverTime()))));
    } else if (verdict instanceof Verdict.HeadersNotSigned unsigned) {
      Answers.s3Error(exchange, envelope, 403, "AccessDenied",
          "There were headers present in the request which were not signed",
          List.of(Map.entry("HeadersNotSigned", String.join(", ", unsigned.headers()))));
    } else if (verdict instanceof Verdict.Mismatch mismatch) {
      List<Map.Entry<String, String>> fields = mismatch.canonicalRequest().isEmpty()
          ? List.of(Map.entry("AWSAccessKeyId", mismatch.accessKeyId()),
              Map.entry("StringToSign", mismatch.stringToSign()),
              Map.entry("SignatureProvided", mismatch.provided()),
              Map.entry("StringToSignBytes", hex(utf8(mismatch.stringToSign()))))
          : List.of(Map.entry("AWSAccessKeyId", mismatch.accessKeyId()),
              Map.entry("StringToSign", mismatch.stringToSign()),
              Map.entry("SignatureProvided", mismatch.provided()),
              Map.entry("StringToSignBytes", hex(utf8(mismatch.stringToSign()))),
              Map.entry("CanonicalRequest", mismatch.canonicalRequest()),
              Map.entry("CanonicalRequestBytes", hex(mismatch.canonicalRequestBytes())));
      Answers.s3Error(exchange, envelope, 403, "SignatureDoesNotMatch", MISMATCH, fields);
    }
  }

  private static List<Map.Entry<String, String>> authorization(String value) {
    return List.of(Map.entry("ArgumentName", "Authorization"), Map.entry("ArgumentValue", value));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
