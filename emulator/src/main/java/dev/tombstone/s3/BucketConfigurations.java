package dev.tombstone.s3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configurations of a bucket that are stored and returned but drive nothing in the
 * emulator (default encryption only chooses what new objects report): bucket policy, CORS
 * rules, default encryption, website, event notifications, server access logging, request
 * payment, Transfer Acceleration and replication. Each is replaced whole.
 */
final class BucketConfigurations {
  private volatile Optional<String> policy = Optional.empty();
  private volatile Optional<List<CorsRule>> cors = Optional.empty();
  private volatile BucketEncryption encryption = BucketEncryption.DEFAULT;
  private volatile Optional<BucketWebsite> website = Optional.empty();
  private volatile BucketNotification notification = BucketNotification.NONE;
  private volatile Optional<BucketLogging> logging = Optional.empty();
  private volatile RequestPayment requestPayment = RequestPayment.BUCKET_OWNER;
  private volatile Optional<TransferAcceleration> acceleration = Optional.empty();
  private volatile Optional<BucketReplication> replication = Optional.empty();

  BucketNotification notification() {
    return notification;
  }

  void notification(BucketNotification newNotification) {
    notification = Objects.requireNonNull(newNotification, "notification");
  }

  Optional<BucketLogging> logging() {
    return logging;
  }

  void logging(Optional<BucketLogging> newLogging) {
    logging = Objects.requireNonNull(newLogging, "logging");
  }

  RequestPayment requestPayment() {
    return requestPayment;
  }

  void requestPayment(RequestPayment payer) {
    requestPayment = Objects.requireNonNull(payer, "payer");
  }

  Optional<TransferAcceleration> acceleration() {
    return acceleration;
  }

  void acceleration(TransferAcceleration status) {
    acceleration = Optional.of(status);
  }

  Optional<BucketReplication> replication() {
    return replication;
  }

  void replication(Optional<BucketReplication> newReplication) {
    replication = Objects.requireNonNull(newReplication, "replication");
  }

  Optional<String> policy() {
    return policy;
  }

  void policy(Optional<String> newPolicy) {
    policy = Objects.requireNonNull(newPolicy, "policy");
  }

  Optional<List<CorsRule>> cors() {
    return cors;
  }

  void cors(Optional<List<CorsRule>> rules) {
    cors = rules.map(List::copyOf);
  }

  BucketEncryption encryption() {
    return encryption;
  }

  void encryption(BucketEncryption newEncryption) {
    encryption = Objects.requireNonNull(newEncryption, "encryption");
  }

  Optional<BucketWebsite> website() {
    return website;
  }

  void website(Optional<BucketWebsite> newWebsite) {
    website = Objects.requireNonNull(newWebsite, "website");
  }
}
