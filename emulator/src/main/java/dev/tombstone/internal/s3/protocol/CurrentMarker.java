package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3Error;
import java.util.function.Supplier;

/**
 * Tagging and PutObjectAcl without a version id on a key whose current version is a delete
 * marker: S3 answers 405 MethodNotAllowed with ResourceType DeleteMarker, where GetObject and
 * HeadObject answer 404 NoSuchKey.
 */
final class CurrentMarker {
  private CurrentMarker() {}

  /** Runs {@code call}, turning a NoSuchKey that a current delete marker caused into a 405. */
  static <T> T refused(Supplier<T> call) {
    try {
      return call.get();
    } catch (S3Error.NoSuchKey missing) {
      if (missing.deleteMarkerVersionId().isEmpty()
          || missing.deleteMarkerLastModified().isEmpty()) {
        throw missing;
      }
      throw new S3Error.MethodNotAllowed(missing.deleteMarkerVersionId().get(),
          missing.deleteMarkerLastModified().get());
    }
  }
}
