package dev.tombstone.s3;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which region a CreateBucket's LocationConstraint puts the bucket in. */
final class Regions {
  private static final String US_EAST_1 = "us-east-1";
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  // The legacy name of eu-west-1, still accepted by S3.
  private static final String EU = "EU";

  private Regions() {}

  static String forConstraint(Optional<String> constraint, String emulatorRegion) {
    String wanted = constraint.orElse("");
    if (wanted.isEmpty()) {
      if (!emulatorRegion.equals(US_EAST_1)) {
        throw new S3Error.IllegalLocationConstraint();
      }
      return US_EAST_1;
    }
    // us-east-1 is the default and is never named explicitly.
    if (wanted.equals(US_EAST_1) || !(wanted.equals(EU) || REGION.matcher(wanted).matches())) {
      throw new S3Error.InvalidLocationConstraint(wanted);
    }
    return wanted;
  }
}
