package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutObjectRetention on a GOVERNANCE retention in force: S3's governance mode lets nobody alter
 * the lock settings without {@code x-amz-bypass-governance-retention: true} (ceph s3-tests
 * {@code test_object_lock_changing_mode_from_governance_without_bypass}); only an extension in the
 * same mode goes through without it.
 */
class SdkGovernanceRetentionChangeTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant UNTIL = START.plus(Duration.ofDays(1));
  static final String BUCKET = "vault";

  static final ManualClock clock = ManualClock.startingAt(START);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(clock));

  final S3Client s3 = server.s3();

  @BeforeEach
  void governanceVersion() {
    s3.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
    s3.putObject(b -> b.bucket(BUCKET).key("g.txt").objectLockMode(ObjectLockMode.GOVERNANCE)
        .objectLockRetainUntilDate(UNTIL), RequestBody.fromString("evidence"));
  }

  S3Exception refused(ObjectLockRetentionMode mode, Instant until) {
    return catchThrowableOfType(() -> s3.putObjectRetention(b -> b.bucket(BUCKET).key("g.txt")
        .retention(r -> r.mode(mode).retainUntilDate(until))), S3Exception.class);
  }

  ObjectLockRetention retention() {
    return s3.getObjectRetention(b -> b.bucket(BUCKET).key("g.txt")).retention();
  }

  static void assertProtected(S3Exception thrown) {
    assertThat(thrown).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(403);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(thrown.awsErrorDetails().errorMessage())
        .isEqualTo("Access Denied because object protected by object lock.");
  }

  @Test
  void changingGovernanceToCompliance_withoutBypass_isAccessDenied_andChangesNothing() {
    S3Exception sameDate = refused(ObjectLockRetentionMode.COMPLIANCE, UNTIL);
    S3Exception laterDate = refused(ObjectLockRetentionMode.COMPLIANCE, UNTIL.plusSeconds(60));

    assertProtected(sameDate);
    assertProtected(laterDate);
    assertThat(retention().mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
    assertThat(retention().retainUntilDate()).isEqualTo(UNTIL);
  }

  @Test
  void changingGovernanceToCompliance_withBypass_goesThrough() {
    s3.putObjectRetention(b -> b.bucket(BUCKET).key("g.txt").bypassGovernanceRetention(true)
        .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(UNTIL)));

    assertThat(retention().mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
  }

  @Test
  void shorteningGovernance_needsTheBypass() {
    Instant sooner = UNTIL.minusSeconds(3600);

    S3Exception thrown = refused(ObjectLockRetentionMode.GOVERNANCE, sooner);
    assertProtected(thrown);
    assertThat(retention().retainUntilDate()).isEqualTo(UNTIL);

    s3.putObjectRetention(b -> b.bucket(BUCKET).key("g.txt").bypassGovernanceRetention(true)
        .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(sooner)));
    assertThat(retention().retainUntilDate()).isEqualTo(sooner);
  }

  @Test
  void extendingGovernance_orRestatingIt_needsNoBypass() {
    Instant later = UNTIL.plus(Duration.ofDays(9));

    s3.putObjectRetention(b -> b.bucket(BUCKET).key("g.txt")
        .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(later)));
    s3.putObjectRetention(b -> b.bucket(BUCKET).key("g.txt")
        .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(later)));

    assertThat(retention().mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
    assertThat(retention().retainUntilDate()).isEqualTo(later);
  }

  @Test
  void aGovernanceRetentionWhoseDateHasPassed_canBecomeCompliance_withoutBypass() {
    clock.advance(Duration.ofDays(1));
    Instant later = clock.instant().plus(Duration.ofDays(1));

    s3.putObjectRetention(b -> b.bucket(BUCKET).key("g.txt")
        .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(later)));

    assertThat(retention().mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
  }
}
