package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.S3State;

/**
 * The stored bucket documents: bucket policy, CORS, default
 * encryption, website. S3 keeps each of them with the bucket;
 * the emulator stores and returns them without enforcing them.
 */
final class BucketDocumentOperations {
  private final PolicyOperations policies;
  private final CorsOperations cors;
  private final EncryptionOperations encryption;
  private final WebsiteOperations websites;

  BucketDocumentOperations(S3State state) {
    this.policies = new PolicyOperations(state);
    this.cors = new CorsOperations(state);
    this.encryption = new EncryptionOperations(state);
    this.websites = new WebsiteOperations(state);
  }

  S3Response handle(Operation operation, S3Call call) {
    return switch (operation) {
      case GET_BUCKET_POLICY -> policies.get(call);
      case PUT_BUCKET_POLICY -> policies.put(call);
      case DELETE_BUCKET_POLICY -> policies.delete(call);
      case GET_BUCKET_POLICY_STATUS -> policies.status(call);
      case GET_BUCKET_CORS -> cors.get(call);
      case PUT_BUCKET_CORS -> cors.put(call);
      case DELETE_BUCKET_CORS -> cors.delete(call);
      case GET_BUCKET_ENCRYPTION -> encryption.get(call);
      case PUT_BUCKET_ENCRYPTION -> encryption.put(call);
      case DELETE_BUCKET_ENCRYPTION -> encryption.delete(call);
      case GET_BUCKET_WEBSITE -> websites.get(call);
      case PUT_BUCKET_WEBSITE -> websites.put(call);
      case DELETE_BUCKET_WEBSITE -> websites.delete(call);
      default -> throw new IllegalArgumentException("not a bucket document: " + operation);
    };
  }
}
