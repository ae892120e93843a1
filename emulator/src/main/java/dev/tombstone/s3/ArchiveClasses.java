package dev.tombstone.s3;

/**
 * The storage classes whose objects S3 keeps archived: GLACIER and DEEP_ARCHIVE must be
 * restored before their bytes are read. GLACIER_IR is read at once, as are the others.
 */
final class ArchiveClasses {
  static final String GLACIER = "GLACIER";
  static final String DEEP_ARCHIVE = "DEEP_ARCHIVE";

  private ArchiveClasses() {}

  /** Whether objects of {@code storageClass} are archived. */
  static boolean isArchived(String storageClass) {
    // A switch hashes once; a GET of a STANDARD object matches no case and compares nothing.
    return switch (storageClass) {
      case GLACIER, DEEP_ARCHIVE -> true;
      default -> false;
    };
  }
}
