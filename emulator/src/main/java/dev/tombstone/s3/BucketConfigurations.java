package dev.tombstone.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * The configurations of a bucket that are stored and returned but drive nothing in the
 * emulator: event notifications, server access logging, request payment, Transfer Acceleration
 * and replication. Each is replaced whole.
 */
final class BucketConfigurations {
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
}
