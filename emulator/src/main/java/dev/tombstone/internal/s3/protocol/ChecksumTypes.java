package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Checksum;
import java.util.regex.Pattern;

/**
 * The checksum type of a stored checksum: a composite one (a checksum of a multipart upload's
 * part checksums) carries the part count after a dash, e.g. {@code R/nORQ==-2}, which Base64
 * never contains; any other covers the whole object.
 */
final class ChecksumTypes {
  static final String FULL_OBJECT = "FULL_OBJECT";
  static final String COMPOSITE = "COMPOSITE";
  private static final Pattern PART_COUNT = Pattern.compile("-[0-9]+$");

  private ChecksumTypes() {}

  /** {@code COMPOSITE} or {@code FULL_OBJECT}, as {@code x-amz-checksum-type} names it. */
  static String of(Checksum checksum) {
    return isComposite(checksum.value()) ? COMPOSITE : FULL_OBJECT;
  }

  static boolean isComposite(String value) {
    return PART_COUNT.matcher(value).find();
  }

  /** The value without a composite's part count, as GetObjectAttributes reports it. */
  static String withoutPartCount(Checksum checksum) {
    return PART_COUNT.matcher(checksum.value()).replaceFirst("");
  }
}
