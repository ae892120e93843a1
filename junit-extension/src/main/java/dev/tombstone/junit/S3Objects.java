package dev.tombstone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Uploads classpath resources as objects before each test, after the buckets of
 * {@link S3Bucket} exist.
 *
 * <p>A file resource becomes one object keyed by its file name; a directory resource becomes
 * one object per file below it, keyed by its path relative to the directory ({@code /}
 * separated). {@link #prefix()} is put in front of every key.
 *
 * <pre>{@code
 * @S3Bucket(name = "uploads")
 * @S3Objects(bucket = "uploads", value = "fixtures/s3", prefix = "incoming/")
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(S3Objects.List.class)
public @interface S3Objects {
  /** The bucket, as named in {@link S3Bucket#name()}. */
  String bucket();

  /** Classpath resource paths of files or directories. */
  String[] value();

  /** Put in front of every key; empty by default. */
  String prefix() default "";

  /** Holds repeated {@link S3Objects} annotations. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    /** The fixtures. */
    S3Objects[] value();
  }
}
