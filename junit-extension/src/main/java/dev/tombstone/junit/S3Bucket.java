package dev.tombstone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Creates an S3 bucket before each test, on a test class (every test) or a test method.
 *
 * <pre>{@code
 * @S3Bucket(name = "uploads", versioning = S3Bucket.Versioning.ENABLED)
 * }</pre>
 *
 * <p>A test has one bucket of a name: declared again for it (on an enclosing class, the class or
 * the method), it must be declared the same way, or the test fails with an
 * {@code ExtensionConfigurationException} naming both places and what differs.
 *
 * <p>Against an external endpoint the bucket gets a unique name (see {@link TombstoneNames});
 * after the test every version and delete marker in it is deleted, then the bucket.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(S3Bucket.List.class)
public @interface S3Bucket {
  /** The bucket name. */
  String name();

  /** The bucket's versioning state; unversioned by default. */
  Versioning versioning() default Versioning.UNVERSIONED;

  /**
   * Creates the bucket with Object Lock enabled, so versions can be given retention and legal
   * holds. S3 keeps such a bucket versioned for good, so this needs
   * {@code versioning = Versioning.ENABLED}.
   */
  boolean objectLock() default false;

  /** A bucket's versioning state. */
  enum Versioning {
    /** Versioning never enabled: a delete removes the object. */
    UNVERSIONED,
    /** Versioning enabled: a delete adds a delete marker. */
    ENABLED,
    /** Versioning suspended: a delete replaces the null version with a delete marker. */
    SUSPENDED
  }

  /** Holds repeated {@link S3Bucket} annotations. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /** The buckets. */
    S3Bucket[] value();
  }
}
