package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionTransition;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Lifecycle configurations through the SDK v2 at default settings: transitions are kept and
 * read back as put (but not applied), and the rule combinations S3 refuses are refused, storing
 * nothing.
 */
class SdkLifecycleConfigurationTest {
  private static final String BUCKET = "cfg";
  private static final ManualClock clock =
      ManualClock.startingAt(Instant.parse("2026-01-01T10:00:00Z"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static LifecycleRule.Builder rule(String id) {
    return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED);
  }

  private void put(LifecycleRule... rules) {
    s3.putBucketLifecycleConfiguration(b -> b.bucket(BUCKET)
        .lifecycleConfiguration(c -> c.rules(rules)));
  }

  private List<LifecycleRule> read() {
    return s3.getBucketLifecycleConfiguration(b -> b.bucket(BUCKET)).rules();
  }

  private S3Exception refused(LifecycleRule rule) {
    return catchThrowableOfType(() -> put(rule), S3Exception.class);
  }

  @Test
  void transitionOnlyRule_isAccepted_andReadBack() {
    LifecycleRule archive = rule("archive").filter(f -> f.prefix("logs/"))
        .transitions(t -> t.days(1).storageClass(TransitionStorageClass.GLACIER)).build();

    put(archive);

    assertThat(read()).containsExactly(archive);
  }

  @Test
  void transitionsOfEveryKind_roundTripNextToOtherActions() {
    LifecycleRule tiers = rule("tiers").filter(f -> f.prefix(""))
        .transitions(
            Transition.builder().days(30).storageClass(TransitionStorageClass.STANDARD_IA).build(),
            Transition.builder().days(90).storageClass(TransitionStorageClass.DEEP_ARCHIVE)
                .build())
        .expiration(e -> e.days(365)).build();
    LifecycleRule dated = rule("dated").filter(f -> f.prefix("reports/"))
        .transitions(t -> t.date(Instant.parse("2027-01-01T00:00:00Z"))
            .storageClass(TransitionStorageClass.GLACIER_IR)).build();
    LifecycleRule old = rule("old").filter(f -> f.prefix("v/"))
        .noncurrentVersionTransitions(
            NoncurrentVersionTransition.builder().noncurrentDays(0)
                .storageClass(TransitionStorageClass.INTELLIGENT_TIERING).build(),
            NoncurrentVersionTransition.builder().noncurrentDays(30).newerNoncurrentVersions(2)
                .storageClass(TransitionStorageClass.ONEZONE_IA).build())
        .noncurrentVersionExpiration(n -> n.noncurrentDays(40)).build();

    put(tiers, dated, old);

    assertThat(read()).containsExactly(tiers, dated, old);
  }

  @Test
  void transitions_areNotApplied() {
    put(rule("now").filter(f -> f.prefix(""))
        .transitions(t -> t.days(0).storageClass(TransitionStorageClass.GLACIER)).build());
    s3.putObject(b -> b.bucket(BUCKET).key("a"), RequestBody.fromString("a"));

    clock.set(Instant.parse("2026-03-01T00:00:00Z"));

    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("a")).asUtf8String())
        .isEqualTo("a");
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("a")).storageClass()).isNull();
  }

  @Test
  void infrequentAccess_youngerThanThirtyDays_isInvalidArgument() {
    S3Exception thrown = refused(rule("ia").filter(f -> f.prefix(""))
        .transitions(t -> t.days(29).storageClass(TransitionStorageClass.ONEZONE_IA)).build());

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("'Days' in Transition action"
        + " must be greater than or equal to 30 for storageClass 'ONEZONE_IA'");
  }

  @Test
  void badTransitions_areRefused() {
    S3Exception negative = refused(rule("r").filter(f -> f.prefix(""))
        .transitions(t -> t.days(-1).storageClass(TransitionStorageClass.GLACIER)).build());
    S3Exception standard = refused(rule("r").filter(f -> f.prefix(""))
        .transitions(t -> t.days(1).storageClass("STANDARD")).build());
    S3Exception noClass = refused(rule("r").filter(f -> f.prefix(""))
        .transitions(t -> t.days(1)).build());
    S3Exception daysAndDate = refused(rule("r").filter(f -> f.prefix(""))
        .transitions(t -> t.days(1).date(Instant.parse("2027-01-01T00:00:00Z"))
            .storageClass(TransitionStorageClass.GLACIER)).build());
    S3Exception noonDate = refused(rule("r").filter(f -> f.prefix(""))
        .transitions(t -> t.date(Instant.parse("2027-01-01T12:00:00Z"))
            .storageClass(TransitionStorageClass.GLACIER)).build());
    S3Exception noncurrentNegative = refused(rule("r").filter(f -> f.prefix(""))
        .noncurrentVersionTransitions(n -> n.noncurrentDays(-1)
            .storageClass(TransitionStorageClass.GLACIER)).build());

    assertThat(negative.awsErrorDetails().errorMessage())
        .isEqualTo("'Days' in Transition action must be nonnegative");
    assertThat(Stream.of(standard, noClass, daysAndDate))
        .allSatisfy(e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedXML"));
    assertThat(noonDate.awsErrorDetails().errorMessage())
        .isEqualTo("'Date' must be at midnight GMT");
    assertThat(noncurrentNegative.awsErrorDetails().errorMessage())
        .isEqualTo("'NoncurrentDays' in NoncurrentVersionTransition action must be nonnegative");
    assertThat(catchThrowableOfType(() -> read(), S3Exception.class).statusCode())
        .isEqualTo(404);
  }

  static Stream<Arguments> refusedCombinations() {
    Tag tag = Tag.builder().key("team").value("a").build();
    UnaryOperator<LifecycleRule.Builder> abort =
        r -> r.abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7));
    return Stream.of(
        Arguments.of(abort.apply(rule("r").filter(f -> f.tag(tag))).build(),
            "AbortIncompleteMultipartUpload cannot be specified with Tags."),
        Arguments.of(abort.apply(rule("r").filter(f -> f.and(a -> a.prefix("p/").tags(tag))))
            .build(), "AbortIncompleteMultipartUpload cannot be specified with Tags."),
        Arguments.of(abort.apply(rule("r").filter(f -> f.objectSizeGreaterThan(1024L))).build(),
            "AbortIncompleteMultipartUpload cannot be specified with Object Size."),
        Arguments.of(abort.apply(rule("r").filter(f -> f.and(a -> a.prefix("p/")
            .objectSizeLessThan(10L)))).build(),
            "AbortIncompleteMultipartUpload cannot be specified with Object Size."),
        Arguments.of(rule("r").filter(f -> f.tag(tag))
            .expiration(e -> e.expiredObjectDeleteMarker(true)).build(),
            "ExpiredObjectDeleteMarker cannot be specified with Tags."));
  }

  @ParameterizedTest
  @MethodSource("refusedCombinations")
  void combinationsS3Refuses_areInvalidRequest_andKeepTheOldConfiguration(LifecycleRule bad,
      String message) {
    LifecycleRule before = rule("before").filter(f -> f.prefix(""))
        .expiration(e -> e.days(3)).build();
    put(before);

    S3Exception thrown = refused(bad);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
    assertThat(read()).containsExactly(before);
  }

  static Stream<Arguments> refusedTransitionCombinations() {
    Tag tag = Tag.builder().key("team").value("a").build();
    Instant march = Instant.parse("2026-03-01T00:00:00Z");
    Instant february = Instant.parse("2026-02-01T00:00:00Z");
    UnaryOperator<LifecycleRule.Builder> glacierAt30 =
        r -> r.transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER));
    return Stream.of(
        Arguments.of(glacierAt30.apply(rule("r").filter(f -> f.prefix("")))
            .expiration(e -> e.days(10)).build(), "InvalidArgument",
            "'Days' in the Expiration action for filter '(prefix=)' must be greater than 'Days'"
                + " in the Transition action"),
        Arguments.of(glacierAt30.apply(rule("r").filter(f -> f.prefix("logs/")))
            .expiration(e -> e.days(30)).build(), "InvalidArgument",
            "'Days' in the Expiration action for filter '(prefix=logs/)' must be greater than"
                + " 'Days' in the Transition action"),
        Arguments.of(rule("r").filter(f -> f.prefix(""))
            .transitions(t -> t.date(march).storageClass(TransitionStorageClass.GLACIER))
            .expiration(e -> e.date(february)).build(), "InvalidArgument",
            "'Date' in the Expiration action for filter '(prefix=)' must be greater than 'Date'"
                + " in the Transition action"),
        Arguments.of(rule("r").filter(f -> f.prefix(""))
            .transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER),
                t -> t.days(40).storageClass(TransitionStorageClass.GLACIER)).build(),
            "InvalidRequest", "'StorageClass' must be different for 'Transition' actions in same"
                + " 'Rule' with filter '(prefix=)'"),
        Arguments.of(rule("r").filter(f -> f.tag(tag))
            .noncurrentVersionTransitions(
                n -> n.noncurrentDays(1).storageClass(TransitionStorageClass.GLACIER),
                n -> n.noncurrentDays(5).storageClass(TransitionStorageClass.GLACIER)).build(),
            "InvalidRequest", "'StorageClass' must be different for 'NoncurrentVersionTransition'"
                + " actions in same 'Rule' with filter '(tag={key=team, value=a})'"),
        Arguments.of(rule("r").filter(f -> f.prefix(""))
            .transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER),
                t -> t.date(march).storageClass(TransitionStorageClass.DEEP_ARCHIVE)).build(),
            "InvalidRequest", "Found mixed 'Date' and 'Days' based Transition actions in"
                + " lifecycle rule for filter '(prefix=)'"),
        Arguments.of(rule("r").filter(f -> f.objectSizeGreaterThan(1024L))
            .transitions(t -> t.days(40).storageClass(TransitionStorageClass.GLACIER))
            .expiration(e -> e.date(february)).build(), "InvalidRequest",
            "Found mixed 'Date' and 'Days' based Expiration and Transition actions in lifecycle"
                + " rule for filter '(objectsizegreaterthan=1024)'"),
        Arguments.of(rule("r").filter(f -> f.prefix(""))
            .noncurrentVersionTransitions(n -> n.noncurrentDays(10)
                .storageClass(TransitionStorageClass.STANDARD_IA)).build(), "InvalidArgument",
            "'NoncurrentDays' in NoncurrentVersionTransition action must be greater than or"
                + " equal to 30 for storageClass 'STANDARD_IA'"),
        Arguments.of(rule("r").filter(f -> f.and(a -> a.prefix("p/").tags(tag)
                .objectSizeLessThan(10L)))
            .noncurrentVersionTransitions(n -> n.noncurrentDays(30)
                .storageClass(TransitionStorageClass.GLACIER))
            .noncurrentVersionExpiration(n -> n.noncurrentDays(20)).build(), "InvalidArgument",
            "'NoncurrentDays' in the NoncurrentVersionExpiration action for filter '(prefix=p/"
                + " and tag={key=team, value=a} and objectsizelessthan=10)' must be greater than"
                + " 'NoncurrentDays' in the NoncurrentVersionTransition action"));
  }

  @ParameterizedTest
  @MethodSource("refusedTransitionCombinations")
  void transitionCombinationsS3Refuses_nameTheFilter_andKeepTheOldConfiguration(
      LifecycleRule bad, String code, String message) {
    LifecycleRule before = rule("before").filter(f -> f.prefix(""))
        .expiration(e -> e.days(3)).build();
    put(before);

    S3Exception thrown = refused(bad);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
    assertThat(read()).containsExactly(before);
  }

  @Test
  void expirationsLaterThanEveryTransition_areAccepted() {
    LifecycleRule byDays = rule("days").filter(f -> f.prefix("a/"))
        .transitions(t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA),
            t -> t.days(60).storageClass(TransitionStorageClass.GLACIER))
        .expiration(e -> e.days(61)).build();
    LifecycleRule byDate = rule("date").filter(f -> f.prefix("b/"))
        .transitions(t -> t.date(Instant.parse("2026-03-01T00:00:00Z"))
            .storageClass(TransitionStorageClass.GLACIER))
        .expiration(e -> e.date(Instant.parse("2026-03-02T00:00:00Z"))).build();
    LifecycleRule markers = rule("markers").filter(f -> f.prefix("c/"))
        .transitions(t -> t.days(1).storageClass(TransitionStorageClass.GLACIER))
        .expiration(e -> e.expiredObjectDeleteMarker(true))
        .noncurrentVersionTransitions(n -> n.noncurrentDays(30)
            .storageClass(TransitionStorageClass.STANDARD_IA))
        .noncurrentVersionExpiration(n -> n.noncurrentDays(31)).build();

    put(byDays, byDate, markers);

    assertThat(read()).containsExactly(byDays, byDate, markers);
  }

  static Stream<LifecycleRule> malformedFilters() {
    Tag tag = Tag.builder().key("team").value("a").build();
    UnaryOperator<LifecycleRule.Builder> expire = r -> r.expiration(e -> e.days(1));
    return Stream.of(
        expire.apply(rule("prefix+tag").filter(f -> f.prefix("x").tag(tag))).build(),
        expire.apply(rule("prefix+size").filter(f -> f.prefix("x").objectSizeLessThan(10L)))
            .build(),
        expire.apply(rule("sizes").filter(f -> f.objectSizeGreaterThan(1L)
            .objectSizeLessThan(10L))).build(),
        expire.apply(rule("and+prefix").filter(f -> f.prefix("x")
            .and(a -> a.prefix("y").tags(tag)))).build(),
        expire.apply(rule("no-filter")).build());
  }

  @ParameterizedTest
  @MethodSource("malformedFilters")
  void filterWithSeveralConditionsOutsideAnd_orNoFilterAtAll_isMalformedXml(LifecycleRule bad) {
    LifecycleRule before = rule("before").filter(f -> f.prefix(""))
        .expiration(e -> e.days(3)).build();
    put(before);

    S3Exception thrown = refused(bad);

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(
        "The XML you provided was not well-formed or did not validate against our published"
            + " schema");
    assertThat(read()).containsExactly(before);
  }

  @Test
  void transitionDefaultMinimumObjectSize_isReadBack_defaultingTo128K() {
    LifecycleRule expire = rule("r").filter(f -> f.prefix("")).expiration(e -> e.days(3))
        .build();
    put(expire);
    TransitionDefaultMinimumObjectSize byDefault = s3.getBucketLifecycleConfiguration(
        b -> b.bucket(BUCKET)).transitionDefaultMinimumObjectSize();

    TransitionDefaultMinimumObjectSize putAnswer = s3.putBucketLifecycleConfiguration(
        b -> b.bucket(BUCKET).lifecycleConfiguration(c -> c.rules(expire))
            .transitionDefaultMinimumObjectSize(
                TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS))
        .transitionDefaultMinimumObjectSize();
    S3Exception unknown = catchThrowableOfType(() -> s3.putBucketLifecycleConfiguration(
        b -> b.bucket(BUCKET).lifecycleConfiguration(c -> c.rules(expire))
            .transitionDefaultMinimumObjectSize("all_storage_classes_64K")), S3Exception.class);

    assertThat(byDefault).isEqualTo(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
    assertThat(putAnswer).isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket(BUCKET))
        .transitionDefaultMinimumObjectSize())
        .isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);
  }
}
