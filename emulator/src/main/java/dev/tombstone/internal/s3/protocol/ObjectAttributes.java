package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.ObjectParts;
import dev.tombstone.s3.S3State;
import dev.tombstone.s3.StoredObject;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** GetObjectAttributes: the attributes {@code x-amz-object-attributes} names, of one version. */
final class ObjectAttributes {
  private static final Set<String> NAMES =
      Set.of("ETag", "Checksum", "ObjectParts", "StorageClass", "ObjectSize");
  private static final String HEADER = "x-amz-object-attributes";
  private static final String MAX_PARTS = "x-amz-max-parts";
  private static final String PART_NUMBER_MARKER = "x-amz-part-number-marker";

  private final S3State state;

  ObjectAttributes(S3State state) {
    this.state = state;
  }

  S3Response get(S3Call call) {
    state.bucket(call.bucket());
    Set<String> wanted = wanted(call.headers());
    int marker = MultipartListings.nonNegative(call.headers().first(PART_NUMBER_MARKER),
        PART_NUMBER_MARKER, 0);
    int maxParts = Math.min(MultipartListings.MAX_PARTS_LISTED, MultipartListings.nonNegative(
        call.headers().first(MAX_PARTS), MAX_PARTS, MultipartListings.MAX_PARTS_LISTED));
    StoredObject object = state.getObject(call.bucket(), call.key(),
        call.query().get("versionId"));
    // S3 asks GetObjectAttributes of an SSE-C object for its key, as it does GetObject.
    CustomerKeys.OBJECT.checkRead(call.headers(), object.metadata().encryption());
    XmlWriter xml = XmlWriter.document("GetObjectAttributesResponse");
    if (wanted.contains("ETag")) {
      xml.element("ETag", bare(object.etag()));
    }
    if (wanted.contains("Checksum") && object.checksum().isPresent()) {
      Checksum checksum = object.checksum().get();
      Optional<String> header = ChecksumAlgorithm.headerFor(checksum);
      if (header.isPresent()) {
        xml.start("Checksum")
            .element(CopyOperations.checksumElement(header.get()),
                ChecksumTypes.withoutPartCount(checksum))
            .element("ChecksumType", ChecksumTypes.of(checksum)).end();
      }
    }
    if (wanted.contains("ObjectParts") && object.parts().isPresent()) {
      writeParts(xml, object.parts().get(), isComposite(object), marker, maxParts);
    }
    if (wanted.contains("StorageClass")) {
      xml.element("StorageClass", object.metadata().storageClass());
    }
    if (wanted.contains("ObjectSize")) {
      xml.element("ObjectSize", object.size());
    }
    S3Response response = S3Response.xml(200, xml.toBytes())
        .with("Last-Modified", HttpDates.format(object.lastModified()));
    return state.bucket(call.bucket()).versioning().isVersioningAware()
        ? response.with("x-amz-version-id", object.versionId()) : response;
  }

  private static boolean isComposite(StoredObject object) {
    return object.checksum().map(Checksum::value).filter(ChecksumTypes::isComposite).isPresent();
  }

  /**
   * {@code ObjectParts}: the part count, and a page of the parts with their sizes and checksums
   * when the upload was a COMPOSITE one (which names a checksum algorithm); of a FULL_OBJECT
   * upload, or one that named no algorithm, S3 gives the part count alone.
   */
  private static void writeParts(XmlWriter xml, ObjectParts parts, boolean composite, int marker,
      int maxParts) {
    xml.start("ObjectParts").element("PartsCount", parts.count());
    Optional<ChecksumAlgorithm> algorithm =
        parts.checksumAlgorithm().flatMap(ChecksumAlgorithm::named);
    if (algorithm.isEmpty() || !composite) {
      xml.end();
      return;
    }
    int from = 0;
    while (from < parts.count() && parts.partNumber(from) <= marker) {
      from++;
    }
    int to = Math.min(parts.count(), from + maxParts);
    xml.element("PartNumberMarker", marker);
    if (to > from) {
      xml.element("NextPartNumberMarker", parts.partNumber(to - 1));
    }
    xml.element("MaxParts", maxParts).element("IsTruncated", to < parts.count());
    String element = "Checksum" + algorithm.get().name();
    for (int i = from; i < to; i++) {
      xml.start("Part").element("PartNumber", parts.partNumber(i)).element("Size", parts.size(i));
      parts.checksum(i).ifPresent(value -> xml.element(element, value));
      xml.end();
    }
    xml.end();
  }

  private static Set<String> wanted(RequestHeaders headers) {
    Optional<String> value = headers.joined(HEADER);
    if (value.isEmpty() || value.get().isBlank()) {
      throw WireError.invalidRequest("The x-amz-object-attributes header specifying the"
          + " attributes to be retrieved is either missing or empty");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String name : value.get().split(",")) {
      String trimmed = name.trim();
      if (!NAMES.contains(trimmed)) {
        throw WireError.invalidArgument("Invalid attribute name specified.", HEADER, trimmed);
      }
      wanted.add(trimmed);
    }
    return wanted;
  }

  private static String bare(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1) : etag;
  }
}
