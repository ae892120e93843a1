package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.S3Error;
import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Within one lifecycle rule an object stays 30 days in an infrequent-access class and 90 days in
 * GLACIER or GLACIER_IR before the next transition moves it on; a shorter stay is refused with
 * the text S3 answers for GLACIER -> DEEP_ARCHIVE, and nothing is stored.
 */
class SdkLifecycleTransitionStaysTest {
  private static final String BUCKET = "tiers";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static Transition to(TransitionStorageClass storageClass, int days) {
    return Transition.builder().days(days).storageClass(storageClass).build();
  }

  private void put(Transition... transitions) {
    LifecycleRule rule = LifecycleRule.builder().id("r").status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix("")).transitions(transitions).build();
    s3.putBucketLifecycleConfiguration(b -> b.bucket(BUCKET)
        .lifecycleConfiguration(c -> c.rules(rule)));
  }

  private S3Exception refused(Transition... transitions) {
    return catchThrowableOfType(() -> put(transitions), S3Exception.class);
  }

  @Test
  void deepArchiveLessThan90DaysAfterGlacier_isS3sInvalidArgument() {
    S3Exception thrown = refused(to(TransitionStorageClass.GLACIER, 30),
        to(TransitionStorageClass.DEEP_ARCHIVE, 119));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("'Days' in the 'Transition'"
        + " action for StorageClass 'DEEP_ARCHIVE' for filter '(prefix=)' must be 90 days more"
        + " than 'filter '(prefix=)'' in the 'Transition' action for StorageClass 'GLACIER'");
    assertThat(catchThrowableOfType(() -> tombstone.s3().bucketLifecycleConfiguration(BUCKET),
        S3Error.NoSuchLifecycleConfiguration.class)).isNotNull();
  }

  @Test
  void shortStaysAfterGlacierIrAndInfrequentAccess_areRefusedAlike() {
    S3Exception afterGlacierIr = refused(to(TransitionStorageClass.GLACIER_IR, 0),
        to(TransitionStorageClass.DEEP_ARCHIVE, 89));
    S3Exception afterStandardIa = refused(to(TransitionStorageClass.STANDARD_IA, 30),
        to(TransitionStorageClass.GLACIER, 59));
    S3Exception listedLaterButSooner = refused(to(TransitionStorageClass.GLACIER, 10),
        to(TransitionStorageClass.ONEZONE_IA, 30));

    assertThat(afterGlacierIr.awsErrorDetails().errorMessage()).endsWith("must be 90 days more"
        + " than 'filter '(prefix=)'' in the 'Transition' action for StorageClass 'GLACIER_IR'");
    assertThat(afterStandardIa.awsErrorDetails().errorMessage()).isEqualTo("'Days' in the"
        + " 'Transition' action for StorageClass 'GLACIER' for filter '(prefix=)' must be 30"
        + " days more than 'filter '(prefix=)'' in the 'Transition' action for StorageClass"
        + " 'STANDARD_IA'");
    assertThat(listedLaterButSooner.awsErrorDetails().errorMessage()).startsWith("'Days' in the"
        + " 'Transition' action for StorageClass 'GLACIER'");
    assertThat(catchThrowableOfType(() -> tombstone.s3().bucketLifecycleConfiguration(BUCKET),
        S3Error.NoSuchLifecycleConfiguration.class)).isNotNull();
  }

  @Test
  void stayingLongEnough_isAccepted() {
    put(to(TransitionStorageClass.STANDARD_IA, 30), to(TransitionStorageClass.GLACIER_IR, 60),
        to(TransitionStorageClass.GLACIER, 60), to(TransitionStorageClass.DEEP_ARCHIVE, 150));

    assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket(BUCKET)).rules())
        .singleElement().satisfies(r -> assertThat(r.transitions()).hasSize(4));
  }
}
