package dev.tombstone.faults;

import java.util.Objects;

/**
 * What a fault rule does to a request it matches, instead of (or on top of) the normal answer.
 *
 * <pre>{@code
 * tombstone.faults().dynamoDb("DeleteItem").table("users").times(2)
 *     .respond(Fault.THROTTLED);                       // ProvisionedThroughputExceededException
 * tombstone.faults().dynamoDb("BatchWriteItem").times(1)
 *     .respond(Fault.unprocessed(2));                  // two requests back in UnprocessedItems
 * tombstone.faults().s3("DeleteObject").bucket("uploads").times(1)
 *     .respond(Fault.DROP_AFTER);                      // applied, then the connection is closed
 * }</pre>
 *
 * <p>A fault never leaves state half-changed: an error, a dropped connection "before" and the
 * requests held back by {@link #unprocessed(int)} change nothing; only {@link #DROP_AFTER}
 * applies the request and then withholds the answer.
 */
public sealed interface Fault permits Fault.Error, Fault.Throttled, Fault.Unprocessed,
    Fault.Drop {

  /** DynamoDB: 400 {@code ProvisionedThroughputExceededException}. */
  Fault PROVISIONED_THROUGHPUT_EXCEEDED = new Error("ProvisionedThroughputExceededException");
  /** DynamoDB: 400 {@code ThrottlingException} ({@code com.amazon.coral.availability#}). */
  Fault THROTTLING_EXCEPTION = new Error("ThrottlingException");
  /** DynamoDB: 400 {@code RequestLimitExceeded}. */
  Fault REQUEST_LIMIT_EXCEEDED = new Error("RequestLimitExceeded");
  /** DynamoDB: 500 {@code InternalServerError}. */
  Fault INTERNAL_SERVER_ERROR = new Error("InternalServerError");
  /** DynamoDB: 400 {@code TransactionConflictException}. */
  Fault TRANSACTION_CONFLICT = new Error("TransactionConflictException");
  /**
   * DynamoDB TransactWriteItems: 400 {@code TransactionCanceledException} with a
   * {@code TransactionConflict} reason for the actions the rule selects ({@code None} for the
   * others); without a table or key filter, the first action conflicts.
   */
  Fault TRANSACTION_CANCELED = new Error("TransactionCanceledException");
  /** S3: 503 {@code SlowDown}. */
  Fault SLOW_DOWN = new Error("SlowDown");
  /** S3: 500 {@code InternalError}. */
  Fault INTERNAL_ERROR = new Error("InternalError");
  /** S3: 503 {@code ServiceUnavailable}. */
  Fault SERVICE_UNAVAILABLE = new Error("ServiceUnavailable");
  /**
   * The service's usual throttling answer: {@code ProvisionedThroughputExceededException} for
   * DynamoDB, {@code SlowDown} for S3.
   */
  Fault THROTTLED = new Throttled();
  /** Closes the connection without applying the request and without an answer. */
  Fault DROP_BEFORE = new Drop(Drop.When.BEFORE);
  /** Applies the request, then closes the connection without sending the answer. */
  Fault DROP_AFTER = new Drop(Drop.When.AFTER);

  /**
   * An AWS error by its code, e.g. {@code "ThrottlingException"} or {@code "SlowDown"}; the
   * rule checks that its service knows the code.
   */
  static Fault error(String code) {
    return new Error(code);
  }

  /**
   * Partial success: BatchWriteItem returns {@code count} of its write requests in
   * {@code UnprocessedItems} and does not apply them (BatchGetItem: keys in
   * {@code UnprocessedKeys}); DeleteObjects reports {@code count} keys as {@code <Error>} with
   * code {@code InternalError} and keeps them. The last requests (or keys) in request order are
   * chosen, among those the rule's table, bucket and key filters select. A DynamoDB batch of
   * which every request would be held back fails with
   * {@code ProvisionedThroughputExceededException}, as DynamoDB's does.
   */
  static Fault unprocessed(int count) {
    return new Unprocessed(count);
  }

  /**
   * An error answer.
   *
   * @param code the AWS error code, e.g. {@code ProvisionedThroughputExceededException}
   */
  record Error(String code) implements Fault {
    /** Checks that the code is given. */
    public Error {
      Objects.requireNonNull(code, "code");
      if (code.isBlank()) {
        throw new IllegalArgumentException("error code must not be blank");
      }
    }
  }

  /** The service's throttling error; see {@link Fault#THROTTLED}. */
  record Throttled() implements Fault {}

  /**
   * Partial success of a batch; see {@link Fault#unprocessed(int)}.
   *
   * @param count how many write requests or keys are held back, at least 1
   */
  record Unprocessed(int count) implements Fault {
    /** Checks the count. */
    public Unprocessed {
      if (count < 1) {
        throw new IllegalArgumentException("unprocessed count must be at least 1, was " + count);
      }
    }
  }

  /**
   * A connection closed without an answer.
   *
   * @param when before the request is applied, or after
   */
  record Drop(When when) implements Fault {
    /** When the connection is closed. */
    public enum When {
      /** Before the request is applied: nothing changes. */
      BEFORE,
      /** After the request is applied: the change stays, the answer is lost. */
      AFTER
    }

    /** Checks that {@code when} is given. */
    public Drop {
      Objects.requireNonNull(when, "when");
    }
  }
}
