package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.AccessControlList;
import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.Multipart;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.ObjectEncryption;
import dev.tombstone.s3.ObjectLock;
import dev.tombstone.s3.ObjectMetadata;
import dev.tombstone.s3.PutObject;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3State;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Multipart upload over REST: {@code POST ?uploads}, {@code PUT ?partNumber&uploadId},
 * {@code POST ?uploadId} and {@code DELETE ?uploadId}. The listings are in
 * {@link MultipartListings}.
 */
final class MultipartOperations {
  private static final String CHECKSUM_ALGORITHM = "x-amz-checksum-algorithm";
  private static final String CHECKSUM_TYPE = "x-amz-checksum-type";
  private static final String NO_PARTS = "You must specify at least one part";

  private final S3State state;
  private final EncryptionHeaders encryption;

  MultipartOperations(S3State state, EncryptionHeaders encryption) {
    this.state = state;
    this.encryption = encryption;
  }

  S3Response create(S3Call call) {
    state.bucket(call.bucket());
    CustomerKeys.refuseIfBlocked(state, call, "s3:PutObject");
    Optional<String> normalised = call.header(CHECKSUM_ALGORITHM)
        .map(name -> ChecksumAlgorithm.requested(name).name());
    Optional<String> type = checksumType(call.headers());
    ObjectMetadata metadata = ObjectHeaders.metadata(call.headers())
        .withEncryption(encryption.of(call.headers(), call.bucket()));
    Map<String, String> tags = TaggingOperations.header(call.headers());
    Optional<AccessControlList> acl = AclDocuments.fromHeaders(call.headers(), state.owner());
    // No body, so unlike PutObject no Content-MD5 or checksum is asked for the lock headers.
    ObjectLock.WriteLock lock = ObjectLockHeaders.of(call);
    Multipart.Upload upload = state.createMultipartUpload(call.bucket(), call.key(), metadata,
        normalised, type, tags, acl, lock);
    XmlWriter xml = XmlWriter.document("InitiateMultipartUploadResult")
        .element("Bucket", call.bucket())
        .element("Key", call.key())
        .element("UploadId", upload.uploadId());
    S3Response response = EncryptionHeaders.echoContext(
        EncryptionHeaders.describe(S3Response.xml(200, xml.toBytes()), metadata.encryption()),
        call.headers(), metadata.encryption());
    if (upload.checksumAlgorithm().isPresent()) {
      response = response.with(CHECKSUM_ALGORITHM, upload.checksumAlgorithm().get())
          .with(CHECKSUM_TYPE, upload.checksumType().orElseThrow());
    }
    return TimeHeaders.abort(response, state, call.bucket(), upload);
  }

  S3Response uploadPart(S3Call call) {
    state.bucket(call.bucket());
    String uploadId = call.query().get("uploadId").orElseThrow();
    int partNumber = partNumber(call.query().get("partNumber"));
    EncryptionRefusals.refuseAlgorithm(call.headers());
    CustomerKeys.refuseIfBlocked(state, call, "s3:PutObject");
    RequestBodies.requireDeclaredLength(call.headers());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.OBJECT);
    Optional<Multipart.Upload> upload = upload(state, call.bucket(), uploadId)
        .filter(u -> u.key().equals(call.key()));
    if (upload.isPresent()) {
      CustomerKeys.checkPart(call.headers(), upload.get().encryption());
    }
    if (body.checksum().isEmpty()) {
      requirePartChecksum(upload);
    }
    Multipart.Part part = state.uploadPart(call.bucket(), call.key(), uploadId, partNumber,
        body.content(), body.checksum());
    S3Response response = describePart(S3Response.empty(200).with("ETag", part.etag()), upload);
    if (part.checksum().isPresent()) {
      Checksum checksum = part.checksum().get();
      response = response.with(ChecksumAlgorithm.headerFor(checksum).orElseThrow(),
          checksum.value());
    }
    return response;
  }

  S3Response complete(S3Call call) {
    state.bucket(call.bucket());
    String uploadId = call.query().get("uploadId").orElseThrow();
    EncryptionRefusals.refuseAlgorithm(call.headers());
    CustomerKeys.refuseIfBlocked(state, call, "s3:PutObject");
    // S3 needs the key here only for uploads with a checksum algorithm; a key sent is checked.
    CustomerKeys.OBJECT.requested(call.headers(), true);
    ObjectContent document = RequestBodies.read(call.request(), BodyKind.COMPLETION).content();
    if (document.size() == 0) {
      // S3 looks the upload up before it misses the parts: NoSuchUpload, then this.
      state.listParts(call.bucket(), call.key(), uploadId);
      throw WireError.invalidRequest(NO_PARTS);
    }
    List<PartChecksums.RequestedPart> requested = completedParts(document);
    boolean ifNoneMatchAny = ObjectWrites.ifNoneMatchAny(call);
    ObjectWrites.refuseIfMatchAny(call);
    List<Multipart.CompletedPart> parts =
        requested.stream().map(PartChecksums.RequestedPart::part).toList();
    Optional<Multipart.Upload> upload = upload(state, call.bucket(), uploadId)
        .filter(u -> u.key().equals(call.key()));
    Optional<List<Multipart.Part>> inProgress =
        upload.isPresent() ? partsInProgress(call, uploadId) : Optional.empty();
    if (inProgress.isEmpty()) {
      // A completed upload sent again gets its first answer; the state says NoSuchUpload else.
      return completed(call, state.completeMultipartUpload(call.bucket(), call.key(), uploadId,
          parts, call.header("If-Match"), ifNoneMatchAny));
    }
    List<Multipart.Part> uploaded = inProgress.get();
    CompletionChecksum.checkType(call.headers(), upload.get());
    PartChecksums.check(upload.get(), uploaded, requested);
    Optional<Checksum> checksum =
        CompletionChecksum.check(call.headers(), upload, uploaded, parts);
    ExpectedObjectSize.check(call.headers(), uploaded, parts);
    return completed(call, state.completeMultipartUpload(call.bucket(), call.key(), uploadId,
        parts, call.header("If-Match"), ifNoneMatchAny, checksum));
  }

  // Empty when the upload was completed or aborted since it was looked up.
  private Optional<List<Multipart.Part>> partsInProgress(S3Call call, String uploadId) {
    try {
      return Optional.of(state.listParts(call.bucket(), call.key(), uploadId));
    } catch (S3Error.NoSuchUpload endedMeanwhile) {
      return Optional.empty();
    }
  }

  private S3Response completed(S3Call call, PutObject.Result result) {
    XmlWriter xml = XmlWriter.document("CompleteMultipartUploadResult")
        .element("Location", "http://" + call.request().host() + call.request().rawPath())
        .element("Bucket", call.bucket())
        .element("Key", call.key())
        .element("ETag", result.stored().etag());
    result.stored().checksum().ifPresent(c -> xml
        .element("Checksum" + c.algorithm(), c.value())
        .element("ChecksumType", ChecksumTypes.of(c)));
    S3Response response = S3Response.xml(200, xml.toBytes())
        .with("x-amz-version-id", result.reportedVersionId());
    response = EncryptionHeaders.describe(response, result.stored().metadata().encryption());
    return TimeHeaders.add(response, state, call.bucket(), call.key(), result.stored(), false);
  }

  S3Response abort(S3Call call) {
    state.bucket(call.bucket());
    state.abortMultipartUpload(call.bucket(), call.key(),
        call.query().get("uploadId").orElseThrow());
    return S3Response.empty(204);
  }

  /**
   * {@code response} with the encryption headers of the upload a part went into: S3 answers
   * UploadPart and UploadPartCopy with the encryption CreateMultipartUpload fixed (no context).
   * The part was stored, so the upload existed; had it ended meanwhile, SSE-S3 is reported.
   */
  static S3Response describePart(S3Response response, Optional<Multipart.Upload> upload) {
    return EncryptionHeaders.describe(response,
        upload.map(Multipart.Upload::encryption).orElse(ObjectEncryption.SSE_S3));
  }

  /** The upload in progress with this id in {@code bucket}, if any. */
  static Optional<Multipart.Upload> upload(S3State state, String bucket, String uploadId) {
    return state.multipartUploads(bucket).stream()
        .filter(u -> u.uploadId().equals(uploadId)).findFirst();
  }

  /**
   * The {@code x-amz-checksum-type} of a request, upper case.
   *
   * @throws WireError InvalidRequest for a value that is neither COMPOSITE nor FULL_OBJECT
   */
  static Optional<String> checksumType(RequestHeaders headers) {
    Optional<String> type = headers.first(CHECKSUM_TYPE)
        .map(value -> value.trim().toUpperCase(Locale.ROOT));
    if (type.isPresent() && !type.get().equals(Multipart.COMPOSITE)
        && !type.get().equals(Multipart.FULL_OBJECT)) {
      throw WireError.invalidRequest("Value for x-amz-checksum-type header is invalid.");
    }
    return type;
  }

  // A COMPOSITE upload combines the parts' checksums, so each part must bring one; a
  // FULL_OBJECT upload's checksum is of the joined bytes.
  private static void requirePartChecksum(Optional<Multipart.Upload> upload) {
    if (upload.isEmpty() || upload.get().checksumAlgorithm().isEmpty()
        || upload.get().isFullObject()) {
      return;
    }
    throw WireError.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
        + upload.get().checksumAlgorithm().get().toLowerCase(Locale.ROOT)
        + ", actual checksum Type: null");
  }

  private static List<PartChecksums.RequestedPart> completedParts(ObjectContent document) {
    XmlElement root = XmlReader.parse(document);
    if (!root.is("CompleteMultipartUpload")) {
      throw WireError.malformedXml();
    }
    List<XmlElement> elements = root.children("Part");
    if (elements.isEmpty() || elements.size() > Multipart.MAX_PART_NUMBER) {
      throw WireError.malformedXml();
    }
    List<PartChecksums.RequestedPart> parts = new ArrayList<>(elements.size());
    for (XmlElement element : elements) {
      String number = element.childText("PartNumber").map(String::trim)
          .orElseThrow(WireError::malformedXml);
      String etag = element.childText("ETag").map(String::trim)
          .orElseThrow(WireError::malformedXml);
      if (!number.matches("-?[0-9]{1,9}")) {
        throw WireError.malformedXml();
      }
      int partNumber = Integer.parseInt(number);
      if (partNumber < 1) {
        // As S3 answers a part number of 0 or below (S3-compatible servers checked against it).
        throw new WireError(WireError.Kind.INVALID_ARGUMENT, "PartNumber must be >= 1", List.of());
      }
      parts.add(new PartChecksums.RequestedPart(new Multipart.CompletedPart(partNumber, etag),
          PartChecksums.RequestedPart.named(element)));
    }
    return parts;
  }

  static int partNumber(Optional<String> value) {
    String text = value.orElse("");
    int number = parseInt(text);
    if (number < 1 || number > Multipart.MAX_PART_NUMBER) {
      throw WireError.invalidArgument(
          "Part number must be an integer between 1 and 10000, inclusive", "partNumber", text);
    }
    return number;
  }

  private static int parseInt(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
