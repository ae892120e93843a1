package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.ListObjects;
import dev.tombstone.s3.ListVersions;
import dev.tombstone.s3.VersionEntry;
import dev.tombstone.s3.S3State;
import java.time.Clock;
import java.util.Optional;

/**
 * ListObjects (v1), ListObjectsV2 and ListObjectVersions. {@code x-amz-optional-object-attributes:
 * RestoreStatus} adds each restored object's RestoreStatus.
 */
final class Listings {
  private static final String OPTIONAL_ATTRIBUTES = "x-amz-optional-object-attributes";

  private final S3State state;
  private final Clock clock;

  Listings(S3State state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  S3Response listV1(S3Call call) {
    EncryptionRefusals.refuseAlgorithm(call.headers());
    ListingQuery listing = ListingQuery.of(call.query());
    Optional<String> marker = call.query().get("marker");
    ListObjects.Result result = state.listObjects(new ListObjects.Request(call.bucket(),
        listing.prefix(), listing.delimiter(), marker.filter(m -> !m.isEmpty()),
        listing.maxKeys()));
    XmlWriter xml = XmlWriter.document("ListBucketResult")
        .element("Name", call.bucket())
        .element("Prefix", listing.shown(listing.prefix()))
        .element("Marker", listing.shown(marker.orElse("")))
        .element("MaxKeys", listing.requestedMaxKeys());
    // S3 leaves an empty delimiter= out of ListObjects' answer, as if it were not sent.
    Optional<String> delimiter = listing.delimiter().filter(d -> !d.isEmpty());
    delimiter.ifPresent(d -> xml.element("Delimiter", listing.shown(d)));
    writeEncodingType(xml, listing);
    xml.element("IsTruncated", result.truncated());
    if (result.truncated() && delimiter.isPresent()) {
      xml.element("NextMarker", listing.shown(result.lastEntry().orElseThrow()));
    }
    writeEntries(xml, listing, result, true, restoreStatus(call));
    return withRegion(S3Response.xml(200, xml.toBuffer()), call);
  }

  S3Response listV2(S3Call call) {
    EncryptionRefusals.refuseAlgorithm(call.headers());
    ListingQuery listing = ListingQuery.of(call.query());
    Optional<String> token = call.query().get("continuation-token");
    Optional<String> startAfter = call.query().get("start-after");
    Optional<String> position = token.isPresent()
        ? Optional.of(ContinuationTokens.decode(token.get()).orElseThrow(() ->
            incorrectToken(token.get())))
        : startAfter.filter(s -> !s.isEmpty());
    ListObjects.Result result = state.listObjects(new ListObjects.Request(call.bucket(),
        listing.prefix(), listing.delimiter(), position, listing.maxKeys()));
    // S3's element order: StartAfter, the tokens, KeyCount and MaxKeys before Delimiter,
    // EncodingType and IsTruncated (as recorded from S3 in aws-sdk-rust's no_auth tests).
    XmlWriter xml = XmlWriter.document("ListBucketResult")
        .element("Name", call.bucket())
        .element("Prefix", listing.shown(listing.prefix()));
    if (token.isEmpty()) {
      // S3 echoes StartAfter only on a first page: with a token, the token is the position
      startAfter.ifPresent(s -> xml.element("StartAfter", listing.shown(s)));
    }
    token.ifPresent(t -> xml.element("ContinuationToken", t));
    if (result.truncated()) {
      xml.element("NextContinuationToken",
          ContinuationTokens.encode(result.lastEntry().orElseThrow()));
    }
    xml.element("KeyCount", result.contents().size() + result.commonPrefixes().size())
        .element("MaxKeys", listing.requestedMaxKeys());
    // As in ListObjects, an empty delimiter= is left out of the answer.
    listing.delimiter().filter(d -> !d.isEmpty())
        .ifPresent(d -> xml.element("Delimiter", listing.shown(d)));
    writeEncodingType(xml, listing);
    xml.element("IsTruncated", result.truncated());
    boolean fetchOwner = call.query().get("fetch-owner").filter("true"::equalsIgnoreCase)
        .isPresent();
    writeEntries(xml, listing, result, fetchOwner, restoreStatus(call));
    return withRegion(S3Response.xml(200, xml.toBuffer()), call);
  }

  // S3 answers both object listings with the bucket's region, as HeadBucket does; the SDKs
  // use it to redirect a client configured for another region.
  private S3Response withRegion(S3Response response, S3Call call) {
    return response.with("x-amz-bucket-region", state.bucket(call.bucket()).region());
  }

  /** S3 names an empty token's parameter without a value, a token it cannot read with it. */
  private static WireError incorrectToken(String token) {
    String message = "The continuation token provided is incorrect";
    return token.isEmpty()
        ? WireError.invalidArgument(message, "continuation-token")
        : WireError.invalidArgument(message, "continuation-token", token);
  }

  S3Response listVersions(S3Call call) {
    ListingQuery listing = ListingQuery.of(call.query());
    Optional<String> keyMarker = call.query().get("key-marker");
    Optional<String> versionIdMarker = call.query().get("version-id-marker");
    ListVersions.Result result = state.listObjectVersions(new ListVersions.Request(
        call.bucket(), listing.prefix(), listing.delimiter(), keyMarker, versionIdMarker,
        listing.maxKeys()));
    XmlWriter xml = XmlWriter.document("ListVersionsResult")
        .element("Name", call.bucket())
        .element("Prefix", listing.shown(listing.prefix()))
        .element("KeyMarker", listing.shown(keyMarker.orElse("")))
        .element("VersionIdMarker", versionIdMarker.orElse(""));
    result.nextKeyMarker().ifPresent(k -> xml.element("NextKeyMarker", listing.shown(k)));
    result.nextVersionIdMarker().ifPresent(v -> xml.element("NextVersionIdMarker", v));
    xml.element("MaxKeys", listing.requestedMaxKeys());
    listing.delimiter().ifPresent(d -> xml.element("Delimiter", listing.shown(d)));
    xml.element("IsTruncated", result.truncated());
    boolean restoreStatus = restoreStatus(call);
    for (VersionEntry version : result.versions()) {
      xml.start(version.isDeleteMarker() ? "DeleteMarker" : "Version")
          .element("Key", listing.shown(version.key()))
          .element("VersionId", version.versionId())
          .element("IsLatest", version.isLatest())
          .element("LastModified", XmlDates.format(version.lastModified()));
      if (!version.isDeleteMarker()) {
        xml.element("ETag", version.etag().orElseThrow());
        writeChecksum(xml, version);
        xml.element("Size", version.size())
            .element("StorageClass", version.storageClass().orElseThrow());
      }
      Owner.write(xml, state.owner());
      if (restoreStatus) {
        RestoreOperations.writeStatus(xml, version.restore(), clock.instant());
      }
      xml.end();
    }
    writePrefixes(xml, listing, result.commonPrefixes());
    if (listing.urlEncoded()) {
      xml.element("EncodingType", "url");
    }
    return S3Response.xml(200, xml.toBuffer());
  }

  private boolean restoreStatus(S3Call call) {
    return call.header(OPTIONAL_ATTRIBUTES)
        .filter(value -> value.trim().equals("RestoreStatus")).isPresent();
  }

  private void writeEntries(XmlWriter xml, ListingQuery listing, ListObjects.Result result,
      boolean withOwner, boolean restoreStatus) {
    for (VersionEntry object : result.contents()) {
      xml.start("Contents")
          .element("Key", listing.shown(object.key()))
          .element("LastModified", XmlDates.format(object.lastModified()))
          .element("ETag", object.etag().orElseThrow());
      writeChecksum(xml, object);
      xml.element("Size", object.size());
      if (withOwner) {
        Owner.write(xml, state.owner());
      }
      xml.element("StorageClass", object.storageClass().orElseThrow());
      if (restoreStatus) {
        RestoreOperations.writeStatus(xml, object.restore(), clock.instant());
      }
      xml.end();
    }
    writePrefixes(xml, listing, result.commonPrefixes());
  }

  private static void writeEncodingType(XmlWriter xml, ListingQuery listing) {
    if (listing.urlEncoded()) {
      xml.element("EncodingType", "url");
    }
  }

  /** The algorithm and type of an entry's checksum, never its value, as S3 lists them. */
  private static void writeChecksum(XmlWriter xml, VersionEntry entry) {
    Optional<Checksum> checksum = entry.checksum();
    Optional<ChecksumAlgorithm> algorithm =
        checksum.flatMap(c -> ChecksumAlgorithm.named(c.algorithm()));
    if (algorithm.isPresent()) {
      xml.element("ChecksumAlgorithm", algorithm.get().name())
          .element("ChecksumType", ChecksumTypes.of(checksum.get()));
    }
  }

  private static void writePrefixes(
      XmlWriter xml, ListingQuery listing, Iterable<String> prefixes) {
    for (String prefix : prefixes) {
      xml.start("CommonPrefixes").element("Prefix", listing.shown(prefix)).end();
    }
  }
}
