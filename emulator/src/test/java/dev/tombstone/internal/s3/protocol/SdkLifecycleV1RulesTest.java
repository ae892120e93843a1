package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.s3.BucketLifecycle;
import dev.tombstone.testing.RunningTombstone;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Lifecycle V1 rules (the deprecated top-level {@code Prefix}) through the SDK v2: S3 keeps them
 * in the form they were put (ceph s3-tests {@code test_lifecycle_get},
 * {@code test_lifecycle_get_no_id}) and refuses a configuration that mixes them with V2 rules.
 */
@SuppressWarnings("deprecation") // LifecycleRule.prefix is the V1 form under test
class SdkLifecycleV1RulesTest {
  private static final String BUCKET = "legacy";
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

  private static LifecycleRule v1(String id, String prefix, int days) {
    return LifecycleRule.builder().id(id).prefix(prefix).status(ExpirationStatus.ENABLED)
        .expiration(e -> e.days(days)).build();
  }

  private static LifecycleRule v2(String id, String prefix, int days) {
    return LifecycleRule.builder().id(id).filter(f -> f.prefix(prefix))
        .status(ExpirationStatus.ENABLED).expiration(e -> e.days(days)).build();
  }

  private void put(LifecycleRule... rules) {
    s3.putBucketLifecycleConfiguration(b -> b.bucket(BUCKET)
        .lifecycleConfiguration(c -> c.rules(rules)));
  }

  private List<LifecycleRule> read() {
    return s3.getBucketLifecycleConfiguration(b -> b.bucket(BUCKET)).rules();
  }

  private S3Exception refused(LifecycleRule... rules) {
    return catchThrowableOfType(() -> put(rules), S3Exception.class);
  }

  @Test
  void rulesPutWithTopLevelPrefix_areReadBackWithTopLevelPrefix() {
    LifecycleRule first = v1("r1", "test1/", 31);
    LifecycleRule all = v1("r2", "", 120);

    put(first, all);

    assertThat(read()).containsExactly(first, all);
    assertThat(read()).allSatisfy(rule -> assertThat(rule.filter()).isNull());
  }

  @Test
  void aV1RuleWithoutId_isReadBackWithTopLevelPrefix_andAMadeUpId() {
    put(LifecycleRule.builder().prefix("test1/").status(ExpirationStatus.ENABLED)
        .expiration(e -> e.days(31)).build());

    LifecycleRule read = read().get(0);

    assertThat(read.prefix()).isEqualTo("test1/");
    assertThat(read.filter()).isNull();
    assertThat(read.id()).isNotEmpty();
  }

  @Test
  void rulesPutWithFilter_stayInFilterForm() {
    LifecycleRule filtered = v2("r1", "test1/", 31);

    put(filtered);

    assertThat(read()).containsExactly(filtered);
    assertThat(read().get(0).prefix()).isNull();
  }

  @Test
  void aV2RuleAfterV1Rules_isInvalidRequest_andStoresNothing() {
    LifecycleRule before = v2("before", "", 3);
    put(before);

    S3Exception thrown = refused(v1("a", "", 365), v2("b", "", 7));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Filter element can only be used in Lifecycle V2.");
    assertThat(read()).containsExactly(before);
  }

  @Test
  void aV1RuleAfterV2Rules_isInvalidRequest_namingTheBaseLevelPrefix() {
    S3Exception thrown = refused(v2("b", "", 7), v1("a", "logs/", 365));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("Base level prefix cannot be"
        + " used in Lifecycle V2, prefixes are only supported in the Filter.");
    assertThat(catchThrowableOfType(this::read, S3Exception.class).statusCode()).isEqualTo(404);
  }

  @Test
  void aV1Rule_expiresObjectsAsTheSameRuleInFilterFormWould() {
    put(v1("tmp", "tmp/", 1));
    s3.putObject(b -> b.bucket(BUCKET).key("tmp/a"), RequestBody.fromString("a"));
    s3.putObject(b -> b.bucket(BUCKET).key("keep/b"), RequestBody.fromString("b"));

    String expiration = s3.headObject(b -> b.bucket(BUCKET).key("tmp/a")).expiration();
    // Created 10:00 on Jan 1; one day later, rounded up to midnight, is Jan 3.
    clock.set(Instant.parse("2026-01-03T00:00:00Z"));

    assertThat(expiration).isEqualTo(
        "expiry-date=\"Sat, 03 Jan 2026 00:00:00 GMT\", rule-id=\"tmp\"");
    assertThat(tombstone.s3().versions(BUCKET, "tmp/a")).isEmpty();
    assertThat(tombstone.s3().versions(BUCKET, "keep/b")).hasSize(1);
    assertThat(tombstone.s3().bucketLifecycleConfiguration(BUCKET))
        .extracting(BucketLifecycle.Rule::filter)
        .containsExactly(new BucketLifecycle.Filter("tmp/", List.of(),
            OptionalLong.empty(), OptionalLong.empty(), true, true));
  }
}
