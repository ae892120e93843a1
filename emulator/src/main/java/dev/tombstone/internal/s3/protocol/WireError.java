package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3Error.Field;
import java.util.List;

/**
 * An S3 error the protocol itself raises (body framing, digests, XML, routing): status, code,
 * message and the code-specific elements of the error document.
 */
final class WireError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String MALFORMED_XML = "The XML you provided was not well-formed or did not"
      + " validate against our published schema";

  private final int status;
  private final String code;
  private final transient List<Field> fields;

  WireError(int status, String code, String message, List<Field> fields) {
    // Expected outcomes of bad input; a stack trace would only cost time.
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.fields = List.copyOf(fields);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  List<Field> fields() {
    return fields;
  }

  static WireError invalidUri() {
    return new WireError(400, "InvalidURI", "Couldn't parse the specified URI.", List.of());
  }

  static WireError notImplemented() {
    return notImplemented(null);
  }

  static WireError notImplemented(String header) {
    return new WireError(501, "NotImplemented",
        "A header you provided implies functionality that is not implemented",
        header == null ? List.of() : List.of(new Field("Header", header)));
  }

  static WireError methodNotAllowed(String method, String resourceType) {
    return new WireError(405, "MethodNotAllowed",
        "The specified method is not allowed against this resource.",
        List.of(new Field("Method", method), new Field("ResourceType", resourceType)));
  }

  static WireError malformedXml() {
    return new WireError(400, "MalformedXML", MALFORMED_XML, List.of());
  }

  /** Broken aws-chunked framing, or a body that ended early. */
  static WireError bodyTerminated() {
    return new WireError(400, "IncompleteBody", "The request body terminated unexpectedly",
        List.of());
  }

  static WireError lengthMismatch() {
    return new WireError(400, "IncompleteBody",
        "You did not provide the number of bytes specified by the Content-Length HTTP header",
        List.of());
  }

  static WireError missingContentLength() {
    return new WireError(411, "MissingContentLength",
        "You must provide the Content-Length HTTP header.", List.of());
  }

  static WireError entityTooLarge(long proposed, long max) {
    return new WireError(400, "EntityTooLarge",
        "Your proposed upload exceeds the maximum allowed object size.",
        List.of(new Field("ProposedSize", Long.toString(proposed)),
            new Field("MaxSizeAllowed", Long.toString(max))));
  }

  static WireError messageTooLong() {
    return new WireError(400, "MaxMessageLengthExceeded", "Your request was too big.",
        List.of());
  }

  static WireError malformedTrailer() {
    return new WireError(400, "MalformedTrailerError", "The request contained trailing data"
        + " that was not well-formed or did not conform to our published schema.", List.of());
  }

  static WireError contentSha256Mismatch(String client, String computed) {
    return new WireError(400, "XAmzContentSHA256Mismatch",
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        List.of(new Field("ClientComputedContentSHA256", client),
            new Field("S3ComputedContentSHA256", computed)));
  }

  static WireError invalidDigest(String header) {
    return new WireError(400, "InvalidDigest", "The Content-MD5 you specified was invalid.",
        List.of(new Field("Content-MD5", header)));
  }

  static WireError md5Mismatch(String expected, String calculated) {
    return new WireError(400, "BadDigest",
        "The Content-MD5 you specified did not match what we received.",
        List.of(new Field("ExpectedDigest", expected),
            new Field("CalculatedDigest", calculated)));
  }

  static WireError checksumMismatch(String algorithm) {
    return new WireError(400, "BadDigest",
        "The " + algorithm + " you specified did not match the calculated checksum.", List.of());
  }

  static WireError invalidRequest(String message) {
    return new WireError(400, "InvalidRequest", message, List.of());
  }

  static WireError invalidArgument(String message, String name, String value) {
    return new WireError(400, "InvalidArgument", message,
        List.of(new Field("ArgumentName", name), new Field("ArgumentValue", value)));
  }

  static WireError accessDenied() {
    return new WireError(403, "AccessDenied", "Access Denied", List.of());
  }

  static WireError invalidRange(String requested, long size) {
    return new WireError(416, "InvalidRange", "The requested range is not satisfiable",
        List.of(new Field("RangeRequested", requested),
            new Field("ActualObjectSize", Long.toString(size))));
  }

  static WireError invalidStorageClass(String requested) {
    return new WireError(400, "InvalidStorageClass",
        "The storage class you specified is not valid",
        List.of(new Field("StorageClassRequested", requested)));
  }

  static WireError internalError() {
    return new WireError(500, "InternalError",
        "We encountered an internal error. Please try again.", List.of());
  }
}
