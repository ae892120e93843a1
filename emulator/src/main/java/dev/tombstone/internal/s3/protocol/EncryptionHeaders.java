package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketEncryption;
import dev.tombstone.s3.ObjectEncryption;
import dev.tombstone.s3.S3State;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-side encryption a write records (PutObject, CopyObject, CreateMultipartUpload):
 * the request's {@code x-amz-server-side-encryption*} headers, checked as S3 checks them, or
 * else the bucket's default encryption; and the headers that report it. A KMS key id comes back
 * as the key's ARN in the bucket's region, as S3 answers it, and a KMS write without a key gets
 * the account's AWS managed key {@code aws/s3}. Equal settings share one value, so versions
 * that repeat a setting cost no more than SSE-S3 ones.
 */
final class EncryptionHeaders {
  static final String ALGORITHM = "x-amz-server-side-encryption";
  static final String KMS_KEY_ID = "x-amz-server-side-encryption-aws-kms-key-id";
  static final String BUCKET_KEY = "x-amz-server-side-encryption-bucket-key-enabled";
  static final String CONTEXT = "x-amz-server-side-encryption-context";
  private static final String DSSE = "aws:kms:dsse";
  private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", DSSE);
  // Distinct settings are few (one per key); past this many a hostile run of key ids is not
  // remembered, only stored.
  private static final int MAX_SHARED = 1024;

  private final S3State state;
  private final Map<ObjectEncryption, ObjectEncryption> shared = new ConcurrentHashMap<>();

  EncryptionHeaders(S3State state) {
    this.state = state;
  }

  /**
   * The encryption a write to {@code bucket} with these headers records.
   *
   * @throws WireError InvalidArgument for an algorithm S3 does not have, or a KMS key without
   *     a KMS algorithm; SSE-C's errors ({@link CustomerKeys})
   */
  ObjectEncryption of(RequestHeaders headers, String bucket) {
    Optional<String> customerKey = CustomerKeys.OBJECT.requested(headers, true);
    if (customerKey.isPresent()) {
      return share(ObjectEncryption.customerKey(customerKey.get()));
    }
    Optional<String> algorithm = headers.first(ALGORITHM).map(String::trim);
    // An empty key id names no key: S3 never answers a key ARN without an id.
    Optional<String> keyId =
        headers.first(KMS_KEY_ID).map(String::trim).filter(id -> !id.isEmpty());
    if (algorithm.isPresent() && !ALGORITHMS.contains(algorithm.get())) {
      throw WireError.invalidArgument("The encryption method specified is not supported",
          ALGORITHM, algorithm.get());
    }
    if (keyId.isPresent() && !algorithm.filter(EncryptionHeaders::isKms).isPresent()) {
      throw WireError.invalidArgument("Server Side Encryption with AWS KMS managed key requires"
          + " HTTP header x-amz-server-side-encryption : aws:kms", ALGORITHM,
          algorithm.orElse("null"));
    }
    headers.first(CONTEXT).ifPresent(EncryptionContexts::check);
    BucketEncryption byDefault = state.bucketEncryption(bucket);
    String chosen = algorithm.orElse(byDefault.sseAlgorithm());
    if (!isKms(chosen)) {
      return ObjectEncryption.SSE_S3;
    }
    Optional<String> key = algorithm.isPresent() ? keyId : byDefault.kmsMasterKeyId();
    // "S3 Bucket Keys aren't supported for DSSE-KMS" (User Guide): the request is taken and
    // no bucket key is used, so none is reported.
    boolean bucketKey = !chosen.equals(DSSE) && headers.first(BUCKET_KEY).map(String::trim)
        .map(value -> value.equalsIgnoreCase("true"))
        .orElse(isKms(byDefault.sseAlgorithm()) && byDefault.bucketKeyEnabled());
    String region = state.bucket(bucket).region();
    return share(new ObjectEncryption(chosen, Optional.of(key.map(id -> arn(id, region))
        .orElseGet(() -> managedKey(region))), bucketKey));
  }

  /** {@code response} with the headers S3 reports {@code encryption} by. */
  static S3Response describe(S3Response response, ObjectEncryption encryption) {
    if (encryption.isCustomerKey()) {
      return response.with(CustomerKeys.ALGORITHM_HEADER, encryption.algorithm())
          .with(CustomerKeys.KEY_MD5_HEADER, encryption.customerKeyMd5());
    }
    S3Response described = response.with(ALGORITHM, encryption.algorithm())
        .with(KMS_KEY_ID, encryption.kmsKeyId());
    return encryption.bucketKeyEnabled() ? described.with(BUCKET_KEY, "true") : described;
  }

  /**
   * The write response {@code response} with the request's encryption context, which S3 echoes
   * on PutObject, CopyObject and CreateMultipartUpload when the write is SSE-KMS or DSSE-KMS.
   */
  static S3Response echoContext(S3Response response, RequestHeaders headers,
      ObjectEncryption encryption) {
    if (!isKms(encryption.algorithm())) {
      return response;
    }
    Optional<String> context = headers.first(CONTEXT);
    return context.isEmpty() ? response : response.with(CONTEXT, context.get().trim());
  }

  private ObjectEncryption share(ObjectEncryption encryption) {
    ObjectEncryption earlier = shared.get(encryption);
    if (earlier != null) {
      return earlier;
    }
    if (shared.size() < MAX_SHARED) {
      earlier = shared.putIfAbsent(encryption, encryption);
    }
    return earlier == null ? encryption : earlier;
  }

  private static boolean isKms(String algorithm) {
    return algorithm.startsWith("aws:kms");
  }

  // A key id, an alias or an ARN, as PutObject and PutBucketEncryption take them.
  private static String arn(String keyId, String region) {
    if (keyId.startsWith("arn:")) {
      return keyId;
    }
    String prefix = "arn:aws:kms:" + region + ":" + Owner.ACCOUNT_ID + ":";
    return keyId.toLowerCase(Locale.ROOT).startsWith("alias/") ? prefix + keyId
        : prefix + "key/" + keyId;
  }

  // The id of the AWS managed key aws/s3 is made up, but the same for a region every time.
  private static String managedKey(String region) {
    return "arn:aws:kms:" + region + ":" + Owner.ACCOUNT_ID + ":key/"
        + UUID.nameUUIDFromBytes(("aws/s3 " + region).getBytes(StandardCharsets.UTF_8));
  }
}
