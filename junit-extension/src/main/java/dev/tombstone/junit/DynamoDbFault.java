package dev.tombstone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault rule for the test's DynamoDB requests, on a test class (every test) or a test
 * method (that test); added before each test, after the declared tables and buckets, and
 * cleared after it. The injected clients keep the SDK's default retry policy, so the test sees
 * real retries.
 *
 * <pre>{@code
 * @DynamoDbFault(operation = "DeleteItem", table = "users", times = 2,
 *     error = "ProvisionedThroughputExceededException")
 * }</pre>
 *
 * <p>Give one of {@link #error()}, {@link #unprocessed()}, {@link #drop()}, or only a
 * {@link #latencyMs()}. Needs the in-process emulator (not an external endpoint).
 *
 * @see dev.tombstone.Faults
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(DynamoDbFault.List.class)
public @interface DynamoDbFault {
  /** {@link #times()} for every matching request. */
  int EVERY = -1;

  /** The operation, e.g. {@code "DeleteItem"}, {@code "BatchWriteItem"}, {@code "TransactWriteItems"}; {@code "*"} for every one. */
  String operation();

  /** The table; empty for any (batches and transactions match when they touch it). */
  String table() default "";

  /** Only this key (the partition key value as text); empty for any. */
  String key() default "";

  /** Only keys with this prefix; empty for any. */
  String keyPrefix() default "";

  /** How many matching requests it fires for; {@link #EVERY} (the default) for every one. */
  int times() default EVERY;

  /** The chance it fires for a matching request, drawn with {@link #seed()}. */
  double probability() default 1.0;

  /** The seed of the random draws when {@link #probability()} is below 1. */
  long seed() default 0;

  /** Milliseconds to wait before the effect (or before the normal answer). */
  long latencyMs() default 0;

  /**
   * The AWS error to answer: {@code ProvisionedThroughputExceededException}, {@code ThrottlingException},
   * {@code RequestLimitExceeded}, {@code InternalServerError}, {@code TransactionConflictException},
   * {@code TransactionCanceledException}.
   */
  String error() default "";

  /** BatchWriteItem: this many write requests come back in {@code UnprocessedItems}, unapplied; 0 for none. */
  int unprocessed() default 0;

  /** {@code "before"}: close the connection unapplied; {@code "after"}: apply, then close. */
  String drop() default "";

  /** Holds repeated {@link DynamoDbFault} annotations. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /** The rules. */
    DynamoDbFault[] value();
  }
}
