package dev.tombstone.s3;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Recently written small bodies and metadata, so that a body written again (one fixture uploaded
 * under many keys, a load test's payload, a version that repeats its predecessor) is stored once,
 * with its ETag text and default checksum, and so is metadata that repeats the previous write's
 * (the same content type on every PUT). A direct-mapped table keyed by ETag: a hit needs the same
 * ETag and equal bytes, a miss takes the slot. It keeps at most {@link #SLOTS} bodies of at most
 * {@link #MAX_SIZE} bytes alive beyond their objects, and sharing never shows: content is
 * immutable.
 */
final class SharedValues {
  static final int SLOTS = 256;
  static final int MAX_SIZE = 16 * 1024;

  /** A body, the ETag computed from it, and its default checksum once asked for. */
  static final class Shared {
    private final ObjectContent content;
    private final String etag;
    // Computed at most once per body in the usual case; a race computes the same value twice.
    private volatile Optional<Checksum> defaultChecksum;

    Shared(ObjectContent content, String etag) {
      this.content = content;
      this.etag = etag;
    }

    ObjectContent content() {
      return content;
    }

    String etag() {
      return etag;
    }

    /** The CRC64NVME S3 gives the body when the client sent no checksum. */
    Optional<Checksum> defaultChecksum() {
      Optional<Checksum> checksum = defaultChecksum;
      if (checksum == null) {
        checksum = DefaultChecksum.of(content);
        defaultChecksum = checksum;
      }
      return checksum;
    }
  }

  private final AtomicReferenceArray<Shared> slots = new AtomicReferenceArray<>(SLOTS);
  private final AtomicReference<ObjectMetadata> lastMetadata = new AtomicReference<>();

  /** {@code content} with {@code etag}, or an equal body written before and its ETag. */
  Shared share(ObjectContent content, String etag) {
    Shared written = new Shared(content, etag);
    if (content.size() == 0 || content.size() > MAX_SIZE) {
      return written;
    }
    int slot = etag.hashCode() & (SLOTS - 1);
    Shared earlier = slots.get(slot);
    if (earlier != null && earlier.etag().equals(etag) && earlier.content().equals(content)) {
      return earlier;
    }
    slots.lazySet(slot, written);
    return written;
  }

  /** {@code metadata}, or the previous write's when equal. */
  ObjectMetadata share(ObjectMetadata metadata) {
    ObjectMetadata earlier = lastMetadata.get();
    if (metadata.equals(earlier)) {
      return earlier;
    }
    lastMetadata.lazySet(metadata);
    return metadata;
  }

  /** Forgets every body and metadata, for a reset. */
  void clear() {
    for (int i = 0; i < SLOTS; i++) {
      slots.set(i, null);
    }
    lastMetadata.set(null);
  }
}
