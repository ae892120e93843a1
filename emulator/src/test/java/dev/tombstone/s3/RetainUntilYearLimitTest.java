package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java API refuses a retain-until date after the year 9999 as the protocol does. */
class RetainUntilYearLimitTest {
  private static final ObjectLock.Retention YEAR_10000 = new ObjectLock.Retention(
      ObjectLock.Mode.GOVERNANCE, Instant.parse("+10000-01-01T00:00:00Z"));

  private final S3State s3 = new S3State("us-east-1",
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  @BeforeEach
  void lockedBucket() {
    s3.createBucketWithObjectLock("vault", Optional.empty());
  }

  @Test
  void putObject_isInvalidArgument_andStoresNothing() {
    Throwable thrown = catchThrowable(() -> s3.putObject(
        PutObject.Request.of("vault", "k", ObjectContent.of("x")),
        ObjectLock.WriteLock.NONE.withRetention(YEAR_10000)));

    assertThat(thrown).isInstanceOf(S3Error.InvalidArgument.class)
        .hasMessage("The retain until date must be provided in ISO 8601 format");
    assertThat(s3.versions("vault", "k")).isEmpty();
  }

  @Test
  void putObjectRetention_isInvalidArgument_andChangesNothing() {
    s3.putObject(PutObject.Request.of("vault", "k", ObjectContent.of("x")));

    Throwable thrown = catchThrowable(() ->
        s3.putObjectRetention("vault", "k", Optional.empty(), YEAR_10000, false));

    assertThat(thrown).isInstanceOf(S3Error.ObjectLockError.class)
        .hasMessage("The retain until date must be provided in ISO 8601 format");
    assertThat(((S3Error.ObjectLockError) thrown).kind())
        .isEqualTo(S3Error.ObjectLockError.Kind.INVALID_ARGUMENT);
    assertThat(s3.versionLock("vault", "k", s3.versions("vault", "k").get(0).versionId())
        .retention()).isEmpty();
  }
}
