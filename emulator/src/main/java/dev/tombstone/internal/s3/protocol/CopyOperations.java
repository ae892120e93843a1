package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.s3.AccessControlList;
import dev.tombstone.s3.BucketEncryption;
import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.CopyObject;
import dev.tombstone.s3.Multipart;
import dev.tombstone.s3.ObjectContent;
import dev.tombstone.s3.ObjectEncryption;
import dev.tombstone.s3.ObjectLock;
import dev.tombstone.s3.ObjectMetadata;
import dev.tombstone.s3.S3State;
import dev.tombstone.s3.StoredObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** CopyObject ({@code PUT} with {@code x-amz-copy-source}) and UploadPartCopy. */
final class CopyOperations {
  static final String SOURCE = "x-amz-copy-source";
  // Every source bucket here is this account's.
  private static final String EXPECTED_SOURCE_OWNER = "x-amz-source-expected-bucket-owner";

  private final S3State state;
  private final EncryptionHeaders encryption;
  private final Clock clock;

  CopyOperations(S3State state, EncryptionHeaders encryption, Clock clock) {
    this.state = state;
    this.encryption = encryption;
    this.clock = clock;
  }

  /** A decoded {@code x-amz-copy-source}: {@code [/]bucket/key[?versionId=id]}. */
  record Source(String bucket, String key, Optional<String> versionId) {}

  static Source source(RequestHeaders headers) {
    String raw = headers.first(SOURCE).orElseThrow().trim();
    Optional<String> versionId = Optional.empty();
    int query = raw.indexOf('?');
    if (query >= 0) {
      String parameters = raw.substring(query + 1);
      raw = raw.substring(0, query);
      if (parameters.startsWith("versionId=")) {
        versionId = Optional.of(PercentDecoding.decode(parameters.substring(10)));
      }
    }
    String path = PercentDecoding.decode(raw.startsWith("/") ? raw.substring(1) : raw);
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw WireError.invalidArgument("Invalid copy source object key", SOURCE,
          headers.first(SOURCE).orElseThrow());
    }
    return new Source(path.substring(0, slash), path.substring(slash + 1), versionId);
  }

  S3Response copyObject(S3Call call) {
    S3Protocol.checkExpectedOwner(call.headers(), EXPECTED_SOURCE_OWNER);
    state.bucket(call.bucket());
    CustomerKeys.refuseIfBlocked(state, call, "s3:CopyObject");
    Source source = source(call.headers());
    boolean replaceMetadata = directive(call, "x-amz-metadata-directive");
    boolean replaceTags = directive(call, "x-amz-tagging-directive");
    Optional<ObjectMetadata> metadata = replaceMetadata
        ? Optional.of(ObjectHeaders.metadata(call.headers())) : Optional.empty();
    Optional<String> storageClass = replaceMetadata ? Optional.empty()
        : call.header("x-amz-storage-class").map(String::trim)
            .map(value -> ObjectHeaders.metadata(call.headers()).storageClass())
            .or(() -> inPlaceAllowed(call) ? Optional.of(ObjectMetadata.STANDARD)
                : Optional.empty());
    Optional<Map<String, String>> tags = replaceTags
        ? Optional.of(TaggingOperations.header(call.headers())) : Optional.empty();
    Optional<AccessControlList> acl = AclDocuments.fromHeaders(call.headers(), state.owner());
    boolean ifNoneMatchAny = ObjectWrites.ifNoneMatchAny(call);
    ObjectLock.WriteLock lock = ObjectLockHeaders.of(call);
    Optional<ChecksumAlgorithm> algorithm =
        call.header("x-amz-checksum-algorithm").map(ChecksumAlgorithm::requested);
    ObjectEncryption written = encryption.of(call.headers(), call.bucket());
    Optional<String> redirectLocation = ObjectHeaders.redirectLocation(call.headers());
    RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    CopyObject.Request request = new CopyObject.Request(source.bucket(), source.key(),
        source.versionId(), call.bucket(), call.key(), metadata, storageClass, tags, acl,
        conditions(call.headers(), clock), call.header("If-Match"), ifNoneMatchAny,
        Optional.of(written), redirectLocation);
    // The source's key is checked against the very version the copy reads, before anything
    // is written.
    CopyObject.Result result = state.copyObject(request, lock, copied -> {
          CustomerKeys.COPY_SOURCE.checkRead(call.headers(), copied.metadata().encryption());
          return copyChecksum(copied, algorithm);
        });
    StoredObject copy = result.written().stored();
    XmlWriter xml = XmlWriter.document("CopyObjectResult")
        .element("ETag", copy.etag())
        .element("LastModified", XmlDates.format(copy.lastModified()));
    writeChecksum(xml, copy.checksum());
    S3Response response = S3Response.xml(200, xml.toBytes())
        .with("x-amz-version-id", result.written().reportedVersionId());
    response = EncryptionHeaders.echoContext(
        EncryptionHeaders.describe(response, copy.metadata().encryption()), call.headers(),
        copy.metadata().encryption());
    response = TimeHeaders.add(response, state, call.bucket(), call.key(), copy, false);
    if (state.bucket(source.bucket()).versioning().isVersioningAware()) {
      response = response.with("x-amz-copy-source-version-id", result.source().versionId());
    }
    return response;
  }

  S3Response uploadPartCopy(S3Call call) {
    S3Protocol.checkExpectedOwner(call.headers(), EXPECTED_SOURCE_OWNER);
    state.bucket(call.bucket());
    String uploadId = call.query().get("uploadId").orElseThrow();
    int partNumber = MultipartOperations.partNumber(call.query().get("partNumber"));
    CustomerKeys.refuseIfBlocked(state, call, "s3:PutObject");
    Source source = source(call.headers());
    RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    CopyObject.Request lookup = new CopyObject.Request(source.bucket(), source.key(),
        source.versionId(), call.bucket(), call.key(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), conditions(call.headers(), clock), Optional.empty(),
        false);
    StoredObject object = state.copySource(lookup);
    CustomerKeys.COPY_SOURCE.checkRead(call.headers(), object.metadata().encryption());
    ObjectContent content = object.content();
    Optional<String> range = call.header("x-amz-copy-source-range").map(String::trim);
    if (range.isPresent()) {
      content = slice(content, range.get(), object.size());
    }
    Optional<Multipart.Upload> upload = MultipartOperations.upload(state, call.bucket(),
        uploadId).filter(u -> u.key().equals(call.key()));
    if (upload.isPresent()) {
      CustomerKeys.checkPart(call.headers(), upload.get().encryption());
    }
    // S3 gives the part a checksum of the copied bytes with the upload's algorithm (AWS
    // recordings of February 2026, COMPOSITE and FULL_OBJECT uploads).
    ObjectContent copied = content;
    Optional<Checksum> checksum = upload.flatMap(Multipart.Upload::checksumAlgorithm)
        .flatMap(ChecksumAlgorithm::named)
        .map(a -> new Checksum(a.name(), a.encode(copied.asReadOnlyBuffer())));
    Multipart.Part part = state.uploadPartCopy(call.bucket(), call.key(), uploadId, partNumber,
        content, checksum);
    XmlWriter xml = XmlWriter.document("CopyPartResult")
        .element("LastModified", XmlDates.format(part.lastModified()))
        .element("ETag", part.etag());
    writeChecksum(xml, part.checksum());
    S3Response response =
        MultipartOperations.describePart(S3Response.xml(200, xml.toBytes()), upload);
    if (state.bucket(source.bucket()).versioning().isVersioningAware()) {
      response = response.with("x-amz-copy-source-version-id", object.versionId());
    }
    return response;
  }

  // bytes=first-last, both required, inside the object; else InvalidArgument (UploadPartCopy
  // never answers GetObject's 416 InvalidRange).
  private static ObjectContent slice(ObjectContent content, String range, long size) {
    String spec = range.startsWith("bytes=") ? range.substring(6) : null;
    int dash = spec == null ? -1 : spec.indexOf('-');
    long first = -1;
    long last = -1;
    try {
      first = Long.parseLong(spec.substring(0, dash));
      last = Long.parseLong(spec.substring(dash + 1));
    } catch (RuntimeException e) {
      // Reported below as a malformed range.
    }
    // S3 takes a range that ends before it starts (bytes=1-0, bytes=0--1) as malformed too.
    if (first < 0 || last < first) {
      throw WireError.invalidArgument("The x-amz-copy-source-range value must be of the form"
          + " bytes=first-last where first and last are the zero-based offsets of the first"
          + " and last bytes to copy", "x-amz-copy-source-range", range);
    }
    if (first >= size) {
      throw WireError.invalidRequest(
          "The specified copy range is invalid for the source object size");
    }
    if (last >= size) {
      throw WireError.invalidArgument("Range specified is not valid for source object of size: "
          + size, "x-amz-copy-source-range", range);
    }
    byte[] bytes = new byte[(int) (last - first + 1)];
    content.asReadOnlyBuffer().position((int) first).get(bytes);
    return ObjectContent.of(bytes);
  }

  /**
   * Whether S3 lets a copy onto itself through on encryption grounds alone: the request names
   * an algorithm (even the object's own), or the bucket has a default encryption that was put
   * rather than the one every bucket starts with (LocalStack's AWS-validated in-place copies).
   * The copy then names STANDARD, the class a COPY gets anyway, which the self-copy check
   * counts as a change; a deleted configuration is {@link BucketEncryption#DEFAULT} again.
   */
  private boolean inPlaceAllowed(S3Call call) {
    return call.headers().has(EncryptionHeaders.ALGORITHM)
        || CustomerKeys.OBJECT.named(call.headers())
        || state.bucketEncryption(call.bucket()) != BucketEncryption.DEFAULT;
  }

  private static boolean directive(S3Call call, String header) {
    Optional<String> value = call.header(header).map(String::trim);
    if (value.isEmpty() || value.get().equals("COPY")) {
      return false;
    }
    if (value.get().equals("REPLACE")) {
      return true;
    }
    String what = header.equals("x-amz-metadata-directive") ? "metadata" : "tagging";
    throw WireError.invalidArgument("Unknown " + what + " directive.", header, value.get());
  }

  private static CopyObject.SourceConditions conditions(RequestHeaders headers, Clock clock) {
    return new CopyObject.SourceConditions(
        headers.first("x-amz-copy-source-if-match"),
        headers.first("x-amz-copy-source-if-none-match"),
        ReadPreconditions.modifiedSince(headers, "x-amz-copy-source-if-modified-since", clock),
        date(headers, "x-amz-copy-source-if-unmodified-since"));
  }

  private static Optional<Instant> date(RequestHeaders headers, String name) {
    return headers.first(name).flatMap(HttpDates::parse);
  }

  /**
   * The checksum a copy gets in place of the source's: one of the algorithm the request names,
   * or, for a source with a composite checksum, a full-object one of the same algorithm (a copy
   * is one PUT, as its ETag is).
   */
  private static Optional<Checksum> copyChecksum(
      StoredObject source, Optional<ChecksumAlgorithm> requested) {
    Optional<ChecksumAlgorithm> algorithm = requested.or(() -> source.checksum()
        .filter(c -> ChecksumTypes.of(c).equals(ChecksumTypes.COMPOSITE))
        .flatMap(c -> ChecksumAlgorithm.named(c.algorithm())));
    return algorithm.map(
        a -> new Checksum(a.name(), a.encode(source.content().asReadOnlyBuffer())));
  }

  /** {@code x-amz-checksum-crc32} → {@code ChecksumCRC32}: the element of a result document. */
  static String checksumElement(String header) {
    return "Checksum" + header.substring("x-amz-checksum-".length())
        .toUpperCase(java.util.Locale.ROOT);
  }

  private static void writeChecksum(XmlWriter xml, Optional<Checksum> checksum) {
    if (checksum.isPresent()) {
      Optional<String> header = ChecksumAlgorithm.headerFor(checksum.get());
      if (header.isPresent()) {
        // CopyObjectResult names no ChecksumType (AWS recordings of November 2025).
        xml.element(checksumElement(header.get()), checksum.get().value());
      }
    }
  }
}
