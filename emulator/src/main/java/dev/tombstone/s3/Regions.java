package dev.tombstone.s3;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which region a CreateBucket's LocationConstraint puts the bucket in. */
final class Regions {
  private static final String US_EAST_1 = "us-east-1";
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  // The legacy name of eu-west-1, still accepted by S3.
  private static final String EU = "EU";
  private static final String EU_WEST_1 = "eu-west-1";

  private Regions() {}

  static String forConstraint(Optional<String> constraint, String emulatorRegion) {
    String wanted = constraint.orElse("");
    if (wanted.isEmpty()) {
      if (!emulatorRegion.equals(US_EAST_1)) {
        throw new S3Error.IllegalLocationConstraint();
      }
      return US_EAST_1;
    }
    boolean named = wanted.equals(EU) || REGION.matcher(wanted).matches();
    if (!emulatorRegion.equals(US_EAST_1)) {
      // A regional endpoint creates buckets in its own region only (moto's AWS-verified
      // test_create_bucket_with_wrong_location_constraint, sent to us-west-2).
      boolean legacyName = wanted.equals(EU) && emulatorRegion.equals(EU_WEST_1);
      if (wanted.equals(emulatorRegion) || legacyName) {
        return wanted;
      }
      if (named) {
        throw new S3Error.IllegalLocationConstraint(wanted);
      }
    }
    // us-east-1 is the default and is never named explicitly.
    if (wanted.equals(US_EAST_1) || !named) {
      throw new S3Error.InvalidLocationConstraint(wanted);
    }
    return wanted;
  }
}
