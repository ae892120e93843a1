package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.s3.ObjectMetadata;
import dev.tombstone.s3.StoredObject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Object metadata from PutObject's headers, and the headers GetObject and HeadObject send. */
final class ObjectHeaders {
  private static final String USER_METADATA = "x-amz-meta-";
  static final String REDIRECT_LOCATION = "x-amz-website-redirect-location";
  // S3's StorageClass values a general-purpose bucket (the only kind here) takes: EXPRESS_ONEZONE
  // belongs to directory buckets, OUTPOSTS to S3 on Outposts and SNOW to Snow devices, so they
  // get the same InvalidStorageClass as a name S3 does not know.
  private static final Set<String> STORAGE_CLASSES = Set.of("STANDARD", "REDUCED_REDUNDANCY",
      "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE",
      "GLACIER_IR", "FSX_OPENZFS");
  // Query parameters of a GET that replace a stored header in the response (presigned URLs).
  private static final Map<String, String> OVERRIDES = Map.of(
      "response-content-type", "Content-Type",
      "response-content-language", "Content-Language",
      "response-expires", "Expires",
      "response-cache-control", "Cache-Control",
      "response-content-disposition", "Content-Disposition",
      "response-content-encoding", "Content-Encoding");

  private ObjectHeaders() {}

  /** @throws WireError InvalidStorageClass */
  static ObjectMetadata metadata(RequestHeaders headers) {
    Map<String, String> user = new TreeMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith(USER_METADATA) && lower.length() > USER_METADATA.length()) {
        user.put(lower.substring(USER_METADATA.length()),
            MetadataValues.decode(headers.joined(name).orElse("")));
      }
    }
    String storageClass = headers.first("x-amz-storage-class").map(String::trim)
        .orElse(ObjectMetadata.STANDARD);
    if (!STORAGE_CLASSES.contains(storageClass)) {
      throw WireError.invalidStorageClass(storageClass);
    }
    return new ObjectMetadata(
        headers.first("Content-Type").orElse(ObjectMetadata.DEFAULT_CONTENT_TYPE),
        Framing.storedContentEncoding(headers),
        headers.first("Content-Disposition"),
        headers.first("Content-Language"),
        headers.first("Cache-Control"),
        headers.first("Expires"),
        user,
        storageClass)
        .withWebsiteRedirectLocation(redirectLocation(headers));
  }

  /**
   * The {@code x-amz-website-redirect-location} of a write: S3 stores it with the version.
   *
   * @throws WireError InvalidRedirectLocation unless it is a path or an HTTP(S) URL
   */
  static Optional<String> redirectLocation(RequestHeaders headers) {
    Optional<String> location = headers.first(REDIRECT_LOCATION);
    if (location.isPresent() && !location.get().startsWith("/")
        && !location.get().startsWith("http://") && !location.get().startsWith("https://")) {
      throw WireError.invalidRedirectLocation();
    }
    return location;
  }

  /** The headers describing a stored object on a read. */
  static S3Response describe(S3Response response, StoredObject object, boolean versioningAware,
      QueryParameters query) {
    ObjectMetadata metadata = object.metadata();
    S3Response described = response
        .with("Content-Type", override(query, "Content-Type", Optional.of(
            metadata.contentType())))
        .with("Content-Encoding", override(query, "Content-Encoding",
            metadata.contentEncoding()))
        .with("Content-Disposition", override(query, "Content-Disposition",
            metadata.contentDisposition()))
        .with("Content-Language", override(query, "Content-Language",
            metadata.contentLanguage()))
        .with("Cache-Control", override(query, "Cache-Control", metadata.cacheControl()))
        .with("Expires", override(query, "Expires", metadata.expires()))
        .with("Accept-Ranges", "bytes");
    described = EncryptionHeaders.describe(described, metadata.encryption());
    described = validators(described, object, versioningAware);
    for (Map.Entry<String, String> entry : metadata.userMetadata().entrySet()) {
      described = described.with(USER_METADATA + entry.getKey(),
          MetadataValues.encode(entry.getValue()));
    }
    if (metadata.websiteRedirectLocation().isPresent()) {
      described = described.with(REDIRECT_LOCATION, metadata.websiteRedirectLocation().get());
    }
    if (!object.tags().isEmpty()) {
      described = described.with("x-amz-tagging-count", Integer.toString(object.tags().size()));
    }
    if (!metadata.storageClass().equals(ObjectMetadata.STANDARD)) {
      described = described.with("x-amz-storage-class", metadata.storageClass());
    }
    return described;
  }

  /** ETag, Last-Modified and the version id: what a 304 still carries. */
  static S3Response validators(S3Response response, StoredObject object, boolean versioningAware) {
    S3Response described = response
        .with("ETag", object.etag())
        .with("Last-Modified", HttpDates.format(object.lastModified()));
    return versioningAware ? described.with("x-amz-version-id", object.versionId()) : described;
  }

  private static Optional<String> override(
      QueryParameters query, String header, Optional<String> stored) {
    for (Map.Entry<String, String> entry : OVERRIDES.entrySet()) {
      if (entry.getValue().equals(header) && query.has(entry.getKey())) {
        return query.get(entry.getKey());
      }
    }
    return stored;
  }
}
