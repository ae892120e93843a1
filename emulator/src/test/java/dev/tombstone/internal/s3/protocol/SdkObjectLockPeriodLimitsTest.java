package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutObjectLockConfiguration keeps a default retention within S3's 100 years (36500 days), so
 * no write can fail on a date it cannot compute after storing the version.
 */
class SdkObjectLockPeriodLimitsTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String BUCKET = "vault";

  @RegisterExtension
  static final RunningTombstone server =
      RunningTombstone.perClass(b -> b.clock(ManualClock.startingAt(START)));

  final Tombstone tombstone = server.tombstone();
  final S3Client s3 = server.s3();

  @BeforeEach
  void lockedBucket() {
    s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
  }

  void configure(DefaultRetention retention) {
    s3.putObjectLockConfiguration(b -> b.bucket(BUCKET).objectLockConfiguration(c -> c
        .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(retention))));
  }

  static DefaultRetention governance(Integer days, Integer years) {
    return DefaultRetention.builder().mode(ObjectLockRetentionMode.GOVERNANCE)
        .days(days).years(years).build();
  }

  @ParameterizedTest(name = "Days {0} Years {1}")
  @CsvSource({
      "36501,",
      "2147483647,",
      ",101",
      ",999999999",
      ",2147483647"})
  void periodBeyondOneHundredYears_isInvalidArgument_andKeepsTheRuleInForce(
      Integer days, Integer years) {
    configure(governance(1, null));

    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> configure(governance(days, years)));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Default retention period too large.");
    assertThat(s3.getObjectLockConfiguration(b -> b.bucket(BUCKET)).objectLockConfiguration()
        .rule().defaultRetention()).isEqualTo(governance(1, null));
  }

  @ParameterizedTest(name = "Days {0} Years {1}")
  @CsvSource({"0,", "-1,", ",0", ",-5"})
  void periodNotPositive_isInvalidArgument(Integer days, Integer years) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> configure(governance(days, years)));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Default retention period must be a positive integer value.");
    S3Exception none = catchThrowableOfType(S3Exception.class, () -> s3.putObjectLockConfiguration(
        b -> b.bucket(BUCKET).objectLockConfiguration(c -> c.objectLockEnabled("Enabled"))));
    assertThat(none).isNull();
  }

  @Test
  void bothDaysAndYears_isStillMalformedXml() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class,
        () -> configure(governance(1, 1)));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
  }

  @Test
  void oneHundredYears_isAccepted_andDatesTheVersionFromItsCreation() {
    configure(governance(null, 100));

    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));

    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("k")).retention()
        .retainUntilDate())
        .isEqualTo(START.atOffset(ZoneOffset.UTC).plusYears(100).toInstant());
  }

  @Test
  void thirtySixThousandFiveHundredDays_isAccepted_andCopiesAreDatedByIt() {
    configure(governance(36_500, null));
    s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("x"));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("k")
        .destinationBucket(BUCKET).destinationKey("copy"));

    assertThat(s3.getObjectRetention(b -> b.bucket(BUCKET).key("copy")).retention()
        .retainUntilDate()).isEqualTo(START.plus(Duration.ofDays(36_500)));
  }

  @Test
  void retainUntilDateBeyondTheCalendar_isRefusedAsUnreadable_notAServerError()
      throws Exception {
    // Parses as an offset date, but its UTC instant lies past year 999999999.
    String date = "+999999999-12-31T23:59:59-18:00";
    HttpRequest put = HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/" + BUCKET + "/far"))
        .header("x-amz-object-lock-mode", "GOVERNANCE")
        .header("x-amz-object-lock-retain-until-date", date)
        .header("Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==")
        .PUT(HttpRequest.BodyPublishers.ofString("hello"))
        .build();

    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(put, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidArgument</Code>")
        .contains("The retain until date must be provided in ISO 8601 format");
    assertThat(tombstone.s3().keys(BUCKET)).isEmpty();
  }
}
