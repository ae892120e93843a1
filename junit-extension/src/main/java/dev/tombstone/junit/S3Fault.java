package dev.tombstone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault rule for the test's S3 requests, on a test class (every test) or a test
 * method (that test); added before each test, after the declared tables and buckets, and
 * cleared after it. The injected clients keep the SDK's default retry policy, so the test sees
 * real retries.
 *
 * <pre>{@code
 * @S3Fault(operation = "DeleteObject", bucket = "uploads", times = 2, error = "SlowDown")
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
@Repeatable(S3Fault.List.class)
public @interface S3Fault {
  /** {@link #times()} for every matching request. */
  int EVERY = -1;

  /** The operation, e.g. {@code "DeleteObject"}, {@code "DeleteObjects"}, {@code "PutObject"}; {@code "*"} for every one. */
  String operation();

  /** The bucket; empty for any. */
  String bucket() default "";

  /** Only this key (the object key); empty for any. */
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
   * The AWS error to answer: {@code SlowDown}, {@code InternalError}, {@code ServiceUnavailable}.
   */
  String error() default "";

  /** DeleteObjects: this many keys are reported as {@code <Error>} (InternalError) and kept; 0 for none. */
  int unprocessed() default 0;

  /** {@code "before"}: close the connection unapplied; {@code "after"}: apply, then close. */
  String drop() default "";

  /** Holds repeated {@link S3Fault} annotations. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /** The rules. */
    S3Fault[] value();
  }
}
