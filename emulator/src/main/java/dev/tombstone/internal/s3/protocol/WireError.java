package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3Error.Field;
import java.util.List;

/**
 * An S3 error the protocol itself raises (body framing, digests, XML, routing): its kind, the
 * message and the code-specific elements of the error document. {@link ErrorStatus} gives the
 * HTTP status of each kind.
 */
final class WireError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String MALFORMED_XML = "The XML you provided was not well-formed or did not"
      + " validate against our published schema";

  /** The errors the protocol raises, each with its S3 error code. */
  enum Kind {
    ACCESS_DENIED("AccessDenied"),
    BAD_DIGEST("BadDigest"),
    CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch"),
    ENTITY_TOO_LARGE("EntityTooLarge"),
    INCOMPLETE_BODY("IncompleteBody"),
    INTERNAL_ERROR("InternalError"),
    INVALID_ARGUMENT("InvalidArgument"),
    INVALID_DIGEST("InvalidDigest"),
    INVALID_ENCRYPTION_ALGORITHM("InvalidEncryptionAlgorithmError"),
    INVALID_PART_NUMBER("InvalidPartNumber"),
    INVALID_RANGE("InvalidRange"),
    INVALID_REDIRECT_LOCATION("InvalidRedirectLocation"),
    INVALID_REQUEST("InvalidRequest"),
    INVALID_STORAGE_CLASS("InvalidStorageClass"),
    INVALID_URI("InvalidURI"),
    MALFORMED_ACL("MalformedACLError"),
    MALFORMED_TRAILER("MalformedTrailerError"),
    MALFORMED_XML("MalformedXML"),
    MAX_MESSAGE_LENGTH_EXCEEDED("MaxMessageLengthExceeded"),
    METHOD_NOT_ALLOWED("MethodNotAllowed"),
    MISSING_CONTENT_LENGTH("MissingContentLength"),
    NOT_IMPLEMENTED("NotImplemented"),
    MISSING_SECURITY_HEADER("MissingSecurityHeader"),
    UNEXPECTED_CONTENT("UnexpectedContent"),
    AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError"),
    ID_MISMATCH("IdMismatch"),
    ILLEGAL_VERSIONING_CONFIGURATION("IllegalVersioningConfigurationException"),
    MISSING_REQUEST_BODY("MissingRequestBodyError"),
    INVALID_S3_DESTINATION_BUCKET("InvalidS3DestinationBucket"),
    INVALID_CONFIGURATION_ID("InvalidConfigurationId"),
    // CreateBucket's x-amz-bucket-namespace (BucketNamespaces).
    MISSING_NAMESPACE_HEADER("MissingNamespaceHeader"),
    INVALID_NAMESPACE_HEADER("InvalidNamespaceHeader"),
    // Stored bucket documents (BucketDocumentErrors).
    MALFORMED_POLICY("MalformedPolicy"),
    NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy"),
    NO_SUCH_CORS_CONFIGURATION("NoSuchCORSConfiguration"),
    NO_SUCH_WEBSITE_CONFIGURATION("NoSuchWebsiteConfiguration"),
    // CORS requests (CorsRequests).
    ACCESS_FORBIDDEN("AccessForbidden"),
    BAD_REQUEST("BadRequest"),
    // Browser uploads, POST Object (PostErrors).
    POST_PRECONDITION_FAILED("PreconditionFailed"),
    MALFORMED_POST_REQUEST("MalformedPOSTRequest"),
    MAX_POST_PRE_DATA_LENGTH_EXCEEDED("MaxPostPreDataLengthExceeded"),
    INVALID_POLICY_DOCUMENT("InvalidPolicyDocument"),
    ENTITY_TOO_SMALL("EntityTooSmall"),
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId"),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  private final Kind kind;
  private final transient List<Field> fields;

  WireError(Kind kind, String message, List<Field> fields) {
    // Expected outcomes of bad input; a stack trace would only cost time.
    super(message, null, false, false);
    this.kind = kind;
    this.fields = List.copyOf(fields);
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return ErrorStatus.of(kind);
  }

  String code() {
    return kind.code();
  }

  List<Field> fields() {
    return fields;
  }

  static WireError invalidUri() {
    return new WireError(Kind.INVALID_URI, "Couldn't parse the specified URI.", List.of());
  }

  static WireError notImplemented() {
    return notImplemented(null);
  }

  static WireError notImplemented(String header) {
    return new WireError(Kind.NOT_IMPLEMENTED,
        "A header you provided implies functionality that is not implemented",
        header == null ? List.of() : List.of(new Field("Header", header)));
  }

  /** NotImplemented with the {@code additionalMessage} element S3 adds for some headers. */
  static WireError notImplemented(String header, String additionalMessage) {
    return new WireError(Kind.NOT_IMPLEMENTED,
        "A header you provided implies functionality that is not implemented",
        List.of(new Field("Header", header), new Field("additionalMessage", additionalMessage)));
  }

  static WireError methodNotAllowed(String method, String resourceType) {
    return new WireError(Kind.METHOD_NOT_ALLOWED,
        "The specified method is not allowed against this resource.",
        List.of(new Field("Method", method), new Field("ResourceType", resourceType)));
  }

  /** A document operation sent without its document, where S3 says so rather than MalformedXML. */
  static WireError missingRequestBody() {
    return new WireError(Kind.MISSING_REQUEST_BODY, "Request Body is empty", List.of());
  }

  /** A versioning configuration without a Status to set. */
  static WireError versioningStatusMissing() {
    return new WireError(Kind.ILLEGAL_VERSIONING_CONFIGURATION,
        "The Versioning element must be specified", List.of());
  }

  static WireError malformedXml() {
    return new WireError(Kind.MALFORMED_XML, MALFORMED_XML, List.of());
  }

  /** An ACL document that is not well-formed or breaks S3's AccessControlPolicy schema. */
  static WireError malformedAcl() {
    return new WireError(Kind.MALFORMED_ACL, MALFORMED_XML, List.of());
  }

  /**
   * An ACL that names an e-mail grantee, which S3 refuses with HTTP 405 since October 2025. The
   * documentation gives only the status; the code and text are the emulator's choice.
   */
  static WireError emailGrantee() {
    return new WireError(Kind.METHOD_NOT_ALLOWED, "Email grantee ACLs are no longer supported",
        List.of());
  }

  /** Broken aws-chunked framing, or a body that ended early. */
  static WireError bodyTerminated() {
    return new WireError(Kind.INCOMPLETE_BODY, "The request body terminated unexpectedly",
        List.of());
  }

  static WireError lengthMismatch() {
    return new WireError(Kind.INCOMPLETE_BODY,
        "You did not provide the number of bytes specified by the Content-Length HTTP header",
        List.of());
  }

  static WireError missingContentLength() {
    return new WireError(Kind.MISSING_CONTENT_LENGTH,
        "You must provide the Content-Length HTTP header.", List.of());
  }

  static WireError entityTooLarge(long proposed, long max) {
    return new WireError(Kind.ENTITY_TOO_LARGE,
        "Your proposed upload exceeds the maximum allowed object size.",
        List.of(new Field("ProposedSize", Long.toString(proposed)),
            new Field("MaxSizeAllowed", Long.toString(max))));
  }

  static WireError messageTooLong() {
    return new WireError(Kind.MAX_MESSAGE_LENGTH_EXCEEDED, "Your request was too big.",
        List.of());
  }

  static WireError malformedTrailer() {
    return new WireError(Kind.MALFORMED_TRAILER, "The request contained trailing data"
        + " that was not well-formed or did not conform to our published schema.", List.of());
  }

  static WireError contentSha256Mismatch(String client, String computed) {
    return new WireError(Kind.CONTENT_SHA256_MISMATCH,
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        List.of(new Field("ClientComputedContentSHA256", client),
            new Field("S3ComputedContentSHA256", computed)));
  }

  static WireError invalidDigest(String header) {
    return new WireError(Kind.INVALID_DIGEST, "The Content-MD5 you specified was invalid.",
        List.of(new Field("Content-MD5", header)));
  }

  static WireError md5Mismatch(String expected, String calculated) {
    return new WireError(Kind.BAD_DIGEST,
        "The Content-MD5 you specified did not match what we received.",
        List.of(new Field("ExpectedDigest", expected),
            new Field("CalculatedDigest", calculated)));
  }

  static WireError checksumMismatch(String algorithm) {
    return new WireError(Kind.BAD_DIGEST,
        "The " + algorithm + " you specified did not match the calculated checksum.", List.of());
  }

  static WireError invalidRequest(String message) {
    return new WireError(Kind.INVALID_REQUEST, message, List.of());
  }

  /** InvalidArgument naming the argument but, as S3 does for some, not echoing its value. */
  static WireError invalidArgument(String message, String name) {
    return new WireError(Kind.INVALID_ARGUMENT, message, List.of(new Field("ArgumentName", name)));
  }

  static WireError invalidArgument(String message, String name, String value) {
    return new WireError(Kind.INVALID_ARGUMENT, message,
        List.of(new Field("ArgumentName", name), new Field("ArgumentValue", value)));
  }

  static WireError accessDenied() {
    return new WireError(Kind.ACCESS_DENIED, "Access Denied", List.of());
  }

  static WireError accessDeniedBecause(String message) {
    return new WireError(Kind.ACCESS_DENIED, message, List.of());
  }

  static WireError invalidRange(String requested, long size) {
    return new WireError(Kind.INVALID_RANGE, "The requested range is not satisfiable",
        List.of(new Field("RangeRequested", requested),
            new Field("ActualObjectSize", Long.toString(size))));
  }

  /** A {@code partNumber} read past an object's last part. */
  static WireError invalidPartNumber(int requested, int count) {
    return new WireError(Kind.INVALID_PART_NUMBER, "The requested partnumber is not satisfiable",
        List.of(new Field("PartNumberRequested", Integer.toString(requested)),
            new Field("ActualPartCount", Integer.toString(count))));
  }

  static WireError invalidStorageClass(String requested) {
    return new WireError(Kind.INVALID_STORAGE_CLASS,
        "The storage class you specified is not valid",
        List.of(new Field("StorageClassRequested", requested)));
  }

  /** An {@code x-amz-website-redirect-location} that is neither a path nor an HTTP(S) URL. */
  static WireError invalidRedirectLocation() {
    return new WireError(Kind.INVALID_REDIRECT_LOCATION, "The website redirect location must"
        + " have a prefix of 'http://' or 'https://' or '/'.", List.of());
  }

  /** An ACL write with neither an ACL header nor a document. */
  static WireError missingSecurityHeader() {
    return new WireError(Kind.MISSING_SECURITY_HEADER,
        "Your request was missing a required header", List.of(new Field("MissingHeaderName",
            "x-amz-acl")));
  }

  /** An ACL write with both ACL headers and a document. */
  static WireError unexpectedContent() {
    return new WireError(Kind.UNEXPECTED_CONTENT,
        "This request does not support content", List.of());
  }

  /** An operation of S3 this emulator does not serve, named so the user knows which. */
  static WireError notServed(String operation) {
    return new WireError(Kind.NOT_IMPLEMENTED, "Tombstone does not implement the S3 operation "
        + operation + "; see the README for the operations it serves.", List.of());
  }

  static WireError internalError() {
    return new WireError(Kind.INTERNAL_ERROR,
        "We encountered an internal error. Please try again.", List.of());
  }
}
