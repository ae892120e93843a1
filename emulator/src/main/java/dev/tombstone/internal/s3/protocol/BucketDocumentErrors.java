package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3Error.Field;
import java.util.List;

/** The errors of the stored bucket documents, with S3's codes and texts. */
final class BucketDocumentErrors {
  private BucketDocumentErrors() {}

  static WireError malformedPolicy(String message) {
    return new WireError(WireError.Kind.MALFORMED_POLICY, message, List.of());
  }

  static WireError noSuchBucketPolicy(String bucket) {
    return new WireError(WireError.Kind.NO_SUCH_BUCKET_POLICY,
        "The bucket policy does not exist", List.of(new Field("BucketName", bucket)));
  }

  static WireError noSuchCorsConfiguration(String bucket) {
    return new WireError(WireError.Kind.NO_SUCH_CORS_CONFIGURATION,
        "The CORS configuration does not exist", List.of(new Field("BucketName", bucket)));
  }

  static WireError noSuchWebsiteConfiguration(String bucket) {
    return new WireError(WireError.Kind.NO_SUCH_WEBSITE_CONFIGURATION,
        "The specified bucket does not have a website configuration",
        List.of(new Field("BucketName", bucket)));
  }

  /** PutBucketPolicy of a public policy while the bucket's BlockPublicPolicy is on. */
  static WireError publicPolicyBlocked(String bucket) {
    return new WireError(WireError.Kind.ACCESS_DENIED, "User: arn:aws:iam::" + Owner.ACCOUNT_ID
        + ":root is not authorized to perform: s3:PutBucketPolicy on resource: \"arn:aws:s3:::"
        + bucket + "\" because public policies are blocked by the BlockPublicPolicy block public"
        + " access setting.", List.of());
  }
}
