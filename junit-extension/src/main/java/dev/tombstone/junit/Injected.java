package dev.tombstone.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an instance field the extension fills before each test, with the same values it
 * injects into parameters: {@code Tombstone}, the endpoint {@link java.net.URI},
 * {@link TombstoneNames}, the SDK clients and the {@code S3Presigner}.
 *
 * <pre>{@code
 * @TombstoneTest
 * class CleanupTest {
 *   @Injected S3Client s3;
 *   @Injected Tombstone tombstone;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Injected {}
