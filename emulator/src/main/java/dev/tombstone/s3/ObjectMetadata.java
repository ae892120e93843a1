package dev.tombstone.s3;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metadata S3 stores with an object version and returns on reads.
 *
 * @param userMetadata {@code x-amz-meta-*} entries, names lower-case and without the prefix;
 *     values as text, RFC 2047 encoded-words decoded (the endpoint encodes a value holding
 *     non-US-ASCII characters as {@code =?UTF-8?B?...?=} again on reads, as S3 does)
 * @param storageClass e.g. {@code STANDARD}
 * @param encryption the server-side encryption the version was written with
 * @param websiteRedirectLocation the {@code x-amz-website-redirect-location} the version was
 *     written with: a path starting with {@code /} or an {@code http://} or {@code https://} URL
 */
public record ObjectMetadata(
    String contentType,
    Optional<String> contentEncoding,
    Optional<String> contentDisposition,
    Optional<String> contentLanguage,
    Optional<String> cacheControl,
    Optional<String> expires,
    Map<String, String> userMetadata,
    String storageClass,
    ObjectEncryption encryption,
    Optional<String> websiteRedirectLocation) {
  /** The content type S3 assumes when a client sends none. */
  public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

  /** The storage class S3 assumes when a client names none. */
  public static final String STANDARD = "STANDARD";

  /** {@code binary/octet-stream}, no other metadata, {@code STANDARD}. */
  public static final ObjectMetadata DEFAULT =
      new ObjectMetadata(DEFAULT_CONTENT_TYPE, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), STANDARD,
          ObjectEncryption.SSE_S3, Optional.empty());

  public ObjectMetadata {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(contentEncoding, "contentEncoding");
    Objects.requireNonNull(contentDisposition, "contentDisposition");
    Objects.requireNonNull(contentLanguage, "contentLanguage");
    Objects.requireNonNull(cacheControl, "cacheControl");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(storageClass, "storageClass");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(websiteRedirectLocation, "websiteRedirectLocation");
    userMetadata = userMetadata.isEmpty()
        ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(userMetadata));
  }

  /** Metadata of a version without a website redirect location. */
  public ObjectMetadata(String contentType, Optional<String> contentEncoding,
      Optional<String> contentDisposition, Optional<String> contentLanguage,
      Optional<String> cacheControl, Optional<String> expires, Map<String, String> userMetadata,
      String storageClass, ObjectEncryption encryption) {
    this(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
        userMetadata, storageClass, encryption, Optional.empty());
  }

  /** Metadata of a version encrypted with SSE-S3. */
  public ObjectMetadata(String contentType, Optional<String> contentEncoding,
      Optional<String> contentDisposition, Optional<String> contentLanguage,
      Optional<String> cacheControl, Optional<String> expires, Map<String, String> userMetadata,
      String storageClass) {
    this(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
        userMetadata, storageClass, ObjectEncryption.SSE_S3);
  }

  /** This metadata with another storage class. */
  ObjectMetadata withStorageClass(String newStorageClass) {
    return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage,
        cacheControl, expires, userMetadata, newStorageClass, encryption,
        websiteRedirectLocation);
  }

  /** This metadata with another encryption. */
  public ObjectMetadata withEncryption(ObjectEncryption newEncryption) {
    return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage,
        cacheControl, expires, userMetadata, storageClass, newEncryption,
        websiteRedirectLocation);
  }

  /** This metadata with another website redirect location, or none. */
  public ObjectMetadata withWebsiteRedirectLocation(Optional<String> newLocation) {
    return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage,
        cacheControl, expires, userMetadata, storageClass, encryption, newLocation);
  }
}
