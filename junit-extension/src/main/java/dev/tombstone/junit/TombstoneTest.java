package dev.tombstone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a Tombstone emulator, with its configuration.
 *
 * <pre>{@code
 * @TombstoneTest(lifecycle = Lifecycle.PER_METHOD)
 * class OrderCleanupTest {
 *   @Test
 *   void deletesOrder(DynamoDbClient dynamo, Tombstone tombstone) { ... }
 * }
 * }</pre>
 *
 * <p>Equivalent to {@code @ExtendWith(TombstoneExtension.class)} with these attributes; use
 * {@link TombstoneExtension#builder()} with {@code @RegisterExtension} for settings an
 * annotation cannot carry, such as a {@link java.time.Clock}.
 *
 * <p>A {@code @Nested} class without an annotation of its own uses its enclosing class's settings
 * and emulator. With its own {@code @TombstoneTest}, that annotation's settings apply to its
 * tests (attributes it leaves out take their defaults, not the enclosing values), and when its
 * region or manual clock differ from the enclosing class's it gets an emulator of its own.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(TombstoneExtension.class)
public @interface TombstoneTest {

  /** Which tests share one emulator; {@link Lifecycle#PER_CLASS} by default. */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /**
   * Whether a shared emulator is reset before each test: its tables, items, buckets and objects
   * dropped and a {@link #manualClock() manual clock} set back to its start. {@code true} by
   * default. With {@code false} the state carries over from test to test, the manual clock's
   * time included, so stored timestamps never lie in the future, and so do fault rules added at
   * class level ({@code @BeforeAll}). Either way the request journal is cleared before each test,
   * and the fault rules a test adds (annotations, {@code @BeforeEach}, the test itself) are
   * removed when it ends.
   */
  boolean resetBeforeEach() default true;

  /** The region of the emulator and of the injected clients. */
  String region() default "us-east-1";

  /**
   * Whether to point the AWS SDK's own system properties ({@code aws.endpointUrl},
   * {@code aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey}) at the emulator
   * for each test and restore them afterwards, so clients built by the code under test
   * ({@code DynamoDbClient.create()}) reach it. Off by default: system properties are global
   * to the JVM, see the README on parallel tests.
   */
  boolean sdkSystemProperties() default false;

  /** Whether a failed test's exception carries the requests the test sent; on by default. */
  boolean journalOnFailure() default true;

  /**
   * Gives the emulator a {@link dev.tombstone.ManualClock} starting at this ISO-8601 UTC instant
   * (e.g. {@code "2026-01-01T00:00:00Z"}); every test starts from it again, unless
   * {@link #resetBeforeEach()} is {@code false}: then the clock, like the data, carries over
   * from the test before. A test may ask for the clock as a {@code ManualClock} parameter to
   * move it. Empty (the default): the system clock.
   */
  String manualClock() default "";
}
