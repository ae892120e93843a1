package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3Error.Field;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CreateBucket's {@code x-amz-bucket-namespace}: the shared global namespace (the default) or
 * the account regional namespace, whose bucket names end with the owner's suffix
 * {@code -<12-digit account id>-<region>-an} (S3 User Guide, "Account regional namespace naming
 * rules"). Nothing is stored: a bucket of either namespace behaves the same afterwards.
 */
final class BucketNamespaces {
  static final String HEADER = "x-amz-bucket-namespace";
  private static final String GLOBAL = "global";
  private static final String ACCOUNT_REGIONAL = "account-regional";
  private static final String RESERVED_SUFFIX = "-an";
  // A prefix, then any account's suffix: what S3 takes for an account regional bucket name.
  private static final Pattern ACCOUNT_REGIONAL_NAME =
      Pattern.compile(".+-\\d{12}-[a-z0-9-]+-an");

  private BucketNamespaces() {}

  /**
   * Checks the bucket name against the namespace the request asks for.
   *
   * @param region the region the bucket is created in, whose code the suffix must carry
   * @throws WireError InvalidArgument for a namespace the S3 model does not list;
   *     InvalidNamespaceHeader for an account regional bucket without this account's suffix
   *     for {@code region}; MissingNamespaceHeader for a global bucket named like an account
   *     regional one
   * @throws S3Error.InvalidBucketName for any other global bucket name ending with {@code -an}
   */
  static void check(RequestHeaders headers, String bucket, String account, String region) {
    Optional<String> namespace = headers.first(HEADER).map(String::trim);
    if (namespace.isPresent() && !namespace.get().equals(GLOBAL)
        && !namespace.get().equals(ACCOUNT_REGIONAL)) {
      // Tombstone's choice: S3's answer to a namespace it does not know is unrecorded.
      throw WireError.invalidArgument("Invalid " + HEADER + " header: " + namespace.get(),
          HEADER, namespace.get());
    }
    if (namespace.filter(ACCOUNT_REGIONAL::equals).isPresent()) {
      String suffix = "-" + account + "-" + region + RESERVED_SUFFIX;
      if (!bucket.endsWith(suffix)) {
        throw new WireError(WireError.Kind.INVALID_NAMESPACE_HEADER, "The requested bucket name"
            + " did not include the account-regional namespace suffix, but the provided "
            + HEADER + " header value is account-regional. Specify " + suffix + " as the"
            + " bucket name suffix to create a bucket in your account-regional namespace, or"
            + " remove the header.", List.of());
      }
      return;
    }
    if (ACCOUNT_REGIONAL_NAME.matcher(bucket).matches()) {
      throw new WireError(WireError.Kind.MISSING_NAMESPACE_HEADER, "The requested bucket is an"
          + " account-regional namespace bucket, but your request is missing the required "
          + HEADER + " header.", List.of(new Field("Header", HEADER)));
    }
    if (bucket.endsWith(RESERVED_SUFFIX)) {
      // "Bucket names can only end with the suffix -an when you are creating buckets in your
      // account regional namespace"; the error is Tombstone's choice, the naming rules' own.
      throw new S3Error.InvalidBucketName(bucket);
    }
  }
}
