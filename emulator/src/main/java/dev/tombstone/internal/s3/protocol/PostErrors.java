package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3Error.Field;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The refusals of a browser upload (POST Object), with the codes, texts and elements S3 answered
 * in recordings (LocalStack's AWS-validated POST tests, captures in issue threads); the few S3
 * never showed are marked where they are raised.
 */
final class PostErrors {
  /** What S3 counts of a form before the file: fields, part headers and boundaries. */
  static final int MAX_PRE_DATA = 20_480;

  private static final String POLICY_FAILED = "Invalid according to Policy: ";

  private PostErrors() {}

  static WireError notMultipart() {
    return new WireError(WireError.Kind.POST_PRECONDITION_FAILED,
        "At least one of the pre-conditions you specified did not hold",
        List.of(new Field("Condition",
            "Bucket POST must be of the enclosure-type multipart/form-data")));
  }

  static WireError malformed() {
    return new WireError(WireError.Kind.MALFORMED_POST_REQUEST,
        "The body of your POST request is not well-formed multipart/form-data.", List.of());
  }

  static WireError preDataTooLong() {
    // "preceeding" and "was" are S3's.
    return new WireError(WireError.Kind.MAX_POST_PRE_DATA_LENGTH_EXCEEDED,
        "Your POST request fields preceeding the upload file was too large.",
        List.of(new Field("MaxPostPreDataLengthBytes", Integer.toString(MAX_PRE_DATA))));
  }

  static WireError noFile() {
    return WireError.invalidArgument("POST requires exactly one file upload per request.",
        "file", "0");
  }

  /** A required field missing, or sent after the file; named as S3 names it. */
  static WireError missingField(String name) {
    return WireError.invalidArgument("Bucket POST must contain a field named '" + name
        + "'.  If it is specified, please check the order of the fields.", name, "");
  }

  static WireError invalidPolicy(String reason) {
    return new WireError(WireError.Kind.INVALID_POLICY_DOCUMENT, "Invalid Policy: " + reason,
        List.of());
  }

  static WireError expired() {
    return WireError.accessDeniedBecause(POLICY_FAILED + "Policy expired.");
  }

  /** @param condition the condition as S3 prints it, e.g. {@code ["eq", "$key", "a"]} */
  static WireError conditionFailed(String condition) {
    return WireError.accessDeniedBecause(POLICY_FAILED + "Policy Condition failed: "
        + condition);
  }

  static WireError extraField(String name) {
    return WireError.accessDeniedBecause(POLICY_FAILED + "Extra input fields: " + name);
  }

  static WireError tooLarge(long proposed, long max) {
    return new WireError(WireError.Kind.ENTITY_TOO_LARGE,
        "Your proposed upload exceeds the maximum allowed size",
        List.of(new Field("ProposedSize", Long.toString(proposed)),
            new Field("MaxSizeAllowed", Long.toString(max))));
  }

  static WireError tooSmall(long proposed, long min) {
    return new WireError(WireError.Kind.ENTITY_TOO_SMALL,
        "Your proposed upload is smaller than the minimum allowed size",
        List.of(new Field("ProposedSize", Long.toString(proposed)),
            new Field("MinSizeAllowed", Long.toString(min))));
  }

  static WireError unknownAccessKey(String accessKeyId) {
    return new WireError(WireError.Kind.INVALID_ACCESS_KEY_ID,
        "The AWS Access Key Id you provided does not exist in our records.",
        List.of(new Field("AWSAccessKeyId", accessKeyId)));
  }

  /** The policy is what was signed; S3 shows it, as sent, as the string to sign. */
  static WireError signatureMismatch(String accessKeyId, String policy, String provided) {
    return new WireError(WireError.Kind.SIGNATURE_DOES_NOT_MATCH,
        "The request signature we calculated does not match the signature you provided."
            + " Check your key and signing method.",
        List.of(new Field("AWSAccessKeyId", accessKeyId),
            new Field("StringToSign", policy),
            new Field("SignatureProvided", provided),
            new Field("StringToSignBytes", hexBytes(policy))));
  }

  /** Our text, shaped as S3's answer to a credential of another region on a POST. */
  static WireError malformedCredential(String credential) {
    return WireError.invalidArgument("the Credential is mal-formed; expecting"
        + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".", "X-Amz-Credential",
        credential);
  }

  private static String hexBytes(String text) {
    return HexFormat.ofDelimiter(" ").formatHex(text.getBytes(StandardCharsets.UTF_8));
  }
}
