package dev.tombstone.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One multipart upload in progress: what CreateMultipartUpload fixed (key, metadata, checksum
 * algorithm and type, tags, ACL, Object Lock) and the parts uploaded so far. Its methods
 * synchronize on the upload, so a part never lands in an upload that is being completed or
 * aborted.
 */
final class MultipartUpload {
  private final String uploadId;
  private final String key;
  private final ObjectMetadata metadata;
  private final Optional<String> checksumAlgorithm;
  private final Optional<String> checksumType;
  private final Map<String, String> tags;
  private final Optional<AccessControlList> acl;
  private final ObjectLock.VersionLock lock;
  private final Optional<ObjectLock.RequestedEventHold> eventHold;
  private final Instant initiated;
  private final TreeMap<Integer, Multipart.Part> parts = new TreeMap<>();
  private volatile boolean keyChanged;
  private boolean finished;

  MultipartUpload(String uploadId, String key, ObjectMetadata metadata,
      Optional<String> checksumAlgorithm, Optional<String> checksumType,
      Map<String, String> tags, Optional<AccessControlList> acl, ObjectLock.VersionLock lock,
      Optional<ObjectLock.RequestedEventHold> eventHold, Instant initiated) {
    this.uploadId = uploadId;
    this.key = key;
    this.metadata = metadata;
    this.checksumAlgorithm = checksumAlgorithm;
    this.checksumType = checksumType;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    this.acl = acl;
    this.lock = lock;
    this.eventHold = eventHold;
    this.initiated = initiated;
  }

  Multipart.Upload describe() {
    return new Multipart.Upload(uploadId, key, initiated, checksumAlgorithm, checksumType,
        metadata.storageClass(), metadata.encryption());
  }

  Instant initiated() {
    return initiated;
  }

  String key() {
    return key;
  }

  /** Whether the key was written or deleted since the upload began. */
  boolean keyChanged() {
    return keyChanged;
  }

  void markKeyChanged() {
    keyChanged = true;
  }

  ObjectMetadata metadata() {
    return metadata;
  }

  Optional<String> checksumAlgorithm() {
    return checksumAlgorithm;
  }

  /** The object tags of {@code x-amz-tagging}, for the version the upload completes into. */
  Map<String, String> tags() {
    return tags;
  }

  /** The ACL of {@code x-amz-acl} or the grant headers; empty gives the owner full control. */
  Optional<AccessControlList> acl() {
    return acl;
  }

  /**
   * The retention and legal hold of the {@code x-amz-object-lock-*} headers; without a
   * retention the completed version gets the bucket's default rule.
   */
  ObjectLock.VersionLock lock() {
    return lock;
  }

  /** The event hold of the headers; without one the completed version gets the default. */
  Optional<ObjectLock.RequestedEventHold> eventHold() {
    return eventHold;
  }

  /** @throws S3Error.NoSuchUpload when the upload was completed or aborted meanwhile */
  synchronized void put(Multipart.Part part) {
    checkOpen();
    parts.put(part.partNumber(), part);
  }

  synchronized List<Multipart.Part> parts() {
    checkOpen();
    return List.copyOf(parts.values());
  }

  /**
   * Ends the upload if {@code selection} accepts its parts; on failure the upload stays open.
   *
   * @return the parts the completed object is made of, in order
   */
  synchronized List<Multipart.Part> finish(List<Multipart.CompletedPart> selection) {
    if (selection.isEmpty()) {
      throw new IllegalArgumentException("a multipart upload completes with at least one part");
    }
    checkOpen();
    List<Multipart.Part> chosen = new ArrayList<>(selection.size());
    int previous = 0;
    for (Multipart.CompletedPart wanted : selection) {
      if (wanted.partNumber() <= previous) {
        throw new S3Error.InvalidPartOrder(uploadId);
      }
      previous = wanted.partNumber();
      Multipart.Part part = parts.get(wanted.partNumber());
      if (part == null || !ETags.matches(wanted.etag(), part.etag())) {
        throw new S3Error.InvalidPart(uploadId, wanted.partNumber(), wanted.etag());
      }
      chosen.add(part);
    }
    for (int i = 0; i < chosen.size() - 1; i++) {
      Multipart.Part part = chosen.get(i);
      if (part.size() < Multipart.MIN_PART_SIZE) {
        throw new S3Error.EntityTooSmall(part.size(), Multipart.MIN_PART_SIZE,
            part.partNumber(), part.etag());
      }
    }
    long total = 0;
    for (Multipart.Part part : chosen) {
      total += part.size();
    }
    if (total > Multipart.MAX_OBJECT_SIZE) {
      throw new S3Error.InvalidArgument("The completed object would be larger than this"
          + " in-memory emulator can hold.", "uploadId", uploadId);
    }
    finished = true;
    return chosen;
  }

  /** Whether the upload is still in progress: neither completed nor aborted. */
  synchronized boolean isOpen() {
    return !finished;
  }

  synchronized void abort() {
    checkOpen();
    finished = true;
  }

  private void checkOpen() {
    if (finished) {
      throw new S3Error.NoSuchUpload(uploadId);
    }
  }
}
