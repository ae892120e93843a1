package dev.tombstone.internal;

import java.util.Set;

/**
 * The AWS Region codes S3 documents: us-east-1 and the valid values of a bucket's
 * LocationConstraint in the S3 API reference ({@code BucketLocationConstraint}, without the
 * legacy {@code EU}). Internal: the S3 protocol checks request parameters that name a Region.
 */
public final class RegionCodes {
  private static final Set<String> DOCUMENTED = Set.of(
      "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2",
      "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
      "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
      "ca-central-1", "ca-west-1", "cn-north-1", "cn-northwest-1", "eu-central-1",
      "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
      "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
      "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2");

  private RegionCodes() {}

  /** Whether {@code code} is a documented Region code, e.g. {@code eu-west-1}. */
  public static boolean documented(String code) {
    return DOCUMENTED.contains(code);
  }
}
