package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.CommonPrefixes;
import dev.tombstone.internal.Utf8Order;
import dev.tombstone.s3.Multipart;
import dev.tombstone.s3.ObjectMetadata;
import dev.tombstone.s3.S3State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** ListParts ({@code GET ?uploadId}) and ListMultipartUploads ({@code GET bucket?uploads}). */
final class MultipartListings {
  /** The most parts one page lists, whatever {@code max-parts} asks for. */
  static final int MAX_PARTS_LISTED = 1000;

  private final S3State state;

  MultipartListings(S3State state) {
    this.state = state;
  }

  S3Response listParts(S3Call call) {
    state.bucket(call.bucket());
    String uploadId = call.query().get("uploadId").orElseThrow();
    // S3 takes an empty part-number-marker= or max-parts= as not sent.
    int marker = nonNegative(nonEmpty(call, "part-number-marker"), "part-number-marker", 0);
    int maxParts = Math.min(MAX_PARTS_LISTED,
        nonNegative(nonEmpty(call, "max-parts"), "max-parts", MAX_PARTS_LISTED));
    List<Multipart.Part> after = new ArrayList<>();
    for (Multipart.Part part : state.listParts(call.bucket(), call.key(), uploadId)) {
      if (part.partNumber() > marker) {
        after.add(part);
      }
    }
    List<Multipart.Part> shown = after.subList(0, Math.min(maxParts, after.size()));
    boolean truncated = shown.size() < after.size();
    Optional<Multipart.Upload> upload = MultipartOperations.upload(state, call.bucket(), uploadId);
    // Part checksums are listed, as S3 lists them, only for an upload created with an
    // algorithm: the SDKs' default CRC32 on each part of any other upload is not kept.
    boolean partChecksums = upload.flatMap(Multipart.Upload::checksumAlgorithm).isPresent();
    XmlWriter xml = XmlWriter.document("ListPartsResult")
        .element("Bucket", call.bucket())
        .element("Key", call.key())
        .element("UploadId", uploadId)
        .element("PartNumberMarker", marker)
        .element("NextPartNumberMarker",
            shown.isEmpty() ? 0 : shown.get(shown.size() - 1).partNumber())
        .element("MaxParts", maxParts).element("IsTruncated", truncated);
    for (Multipart.Part part : shown) {
      xml.start("Part")
          .element("PartNumber", part.partNumber())
          .element("LastModified", XmlDates.format(part.lastModified()))
          .element("ETag", part.etag())
          .element("Size", part.size());
      part.checksum().filter(checksum -> partChecksums).ifPresent(checksum ->
          xml.element("Checksum" + checksum.algorithm(), checksum.value()));
      xml.end();
    }
    writeInitiatorAndOwner(xml);
    xml.element("StorageClass",
        upload.map(Multipart.Upload::storageClass).orElse(ObjectMetadata.STANDARD));
    upload.ifPresent(u -> writeChecksum(xml, u));
    S3Response response = S3Response.xml(200, xml.toBytes());
    return upload.map(u -> TimeHeaders.abort(response, state, call.bucket(), u))
        .orElse(response);
  }

  /**
   * ListMultipartUploads: uploads in progress by key (S3's order), then by initiation, with
   * prefix, delimiter, key and upload-id markers and max-uploads.
   */
  S3Response listUploads(S3Call call) {
    ListingQuery listing = ListingQuery.of(call.query(), "max-uploads");
    Optional<String> keyMarker = call.query().get("key-marker").filter(m -> !m.isEmpty());
    Optional<String> uploadIdMarker = keyMarker.flatMap(k -> call.query().get("upload-id-marker"))
        .filter(m -> !m.isEmpty());
    List<Multipart.Upload> sorted = new ArrayList<>(state.multipartUploads(call.bucket()));
    if (uploadIdMarker.isPresent() && sorted.stream().noneMatch(u ->
        u.key().equals(keyMarker.get()) && u.uploadId().equals(uploadIdMarker.get()))) {
      throw WireError.invalidArgument("Invalid uploadId marker", "upload-id-marker",
          uploadIdMarker.get());
    }
    sorted.sort(Comparator.comparing(Multipart.Upload::key, Utf8Order.COMPARATOR)
        .thenComparing(Multipart.Upload::initiated)
        .thenComparing(Multipart.Upload::uploadId));
    int from = 0;
    if (keyMarker.isPresent()) {
      from = sorted.size();
      for (int i = 0; i < sorted.size(); i++) {
        Multipart.Upload upload = sorted.get(i);
        int byKey = Utf8Order.compare(upload.key(), keyMarker.get());
        if (byKey > 0 || (byKey == 0 && uploadIdMarker.isPresent()
            && isAfter(sorted, i, uploadIdMarker.get()))) {
          from = i;
          break;
        }
      }
    }
    List<Multipart.Upload> shown = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String lastKey = null;
    boolean truncated = false;
    for (Multipart.Upload upload : sorted.subList(from, sorted.size())) {
      if (!upload.key().startsWith(listing.prefix())) {
        continue;
      }
      Optional<String> common =
          CommonPrefixes.of(upload.key(), listing.prefix(), listing.delimiter());
      if (common.isPresent() && CommonPrefixes.listed(common.get(), lastKey, keyMarker)) {
        continue;
      }
      if (shown.size() + prefixes.size() >= listing.maxKeys()) {
        truncated = true;
        break;
      }
      if (common.isPresent()) {
        prefixes.add(common.get());
        lastKey = common.get();
      } else {
        shown.add(upload);
        lastKey = upload.key();
      }
    }
    // S3 always names the last upload listed as the next markers, empty when none was listed,
    // even on a truncated page that ends on a common prefix.
    Optional<Multipart.Upload> last =
        shown.isEmpty() ? Optional.empty() : Optional.of(shown.get(shown.size() - 1));
    XmlWriter xml = XmlWriter.document("ListMultipartUploadsResult")
        .element("Bucket", call.bucket())
        .element("KeyMarker", listing.shown(keyMarker.orElse("")))
        .element("UploadIdMarker", uploadIdMarker.orElse(""))
        .element("NextKeyMarker", last.map(u -> listing.shown(u.key())).orElse(""))
        .element("NextUploadIdMarker", last.map(Multipart.Upload::uploadId).orElse(""));
    if (call.query().get("prefix").isPresent()) {
      xml.element("Prefix", listing.shown(listing.prefix()));
    }
    listing.delimiter().ifPresent(d -> xml.element("Delimiter", listing.shown(d)));
    xml.element("MaxUploads", listing.requestedMaxKeys()).element("IsTruncated", truncated);
    for (Multipart.Upload upload : shown) {
      xml.start("Upload")
          .element("Key", listing.shown(upload.key()))
          .element("UploadId", upload.uploadId());
      writeInitiatorAndOwner(xml);
      xml.element("StorageClass", upload.storageClass())
          .element("Initiated", XmlDates.format(upload.initiated()));
      writeChecksum(xml, upload);
      xml.end();
    }
    for (String prefix : prefixes) {
      xml.start("CommonPrefixes").element("Prefix", listing.shown(prefix)).end();
    }
    if (listing.urlEncoded()) {
      xml.element("EncodingType", "url");
    }
    return S3Response.xml(200, xml.toBytes());
  }

  private static Optional<String> nonEmpty(S3Call call, String name) {
    return call.query().get(name).filter(value -> !value.isEmpty());
  }

  /** Whether the upload at {@code index} comes after the marker upload of the same key. */
  private static boolean isAfter(List<Multipart.Upload> sorted, int index, String markerId) {
    String key = sorted.get(index).key();
    for (int i = index - 1; i >= 0 && sorted.get(i).key().equals(key); i--) {
      if (sorted.get(i).uploadId().equals(markerId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A paging argument: absent gives {@code absent}.
   *
   * @throws WireError InvalidArgument naming {@code name} when it is no integer or negative
   */
  static int nonNegative(Optional<String> value, String name, int absent) {
    if (value.isEmpty()) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below like a negative value.
    }
    throw WireError.invalidArgument("Provided " + name + " not an integer or within integer"
        + " range", name, value.get());
  }

  private static void writeChecksum(XmlWriter xml, Multipart.Upload upload) {
    upload.checksumAlgorithm().ifPresent(a -> xml.element("ChecksumAlgorithm", a));
    upload.checksumType().ifPresent(t -> xml.element("ChecksumType", t));
  }

  private void writeInitiatorAndOwner(XmlWriter xml) {
    xml.start("Initiator").element("ID", state.owner().id())
        .element("DisplayName", state.owner().displayName()).end();
    Owner.write(xml, state.owner());
  }
}
