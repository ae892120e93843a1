package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An emulator running in a region other than us-east-1 is a regional endpoint: CreateBucket
 * there takes no LocationConstraint but its own region, as S3 answered in moto's AWS-verified
 * {@code test_create_bucket_with_wrong_location_constraint} (sent to us-west-2).
 */
class SdkRegionalEndpointConstraintTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.region("us-west-2"));

  private final S3Client west = S3Client.builder()
      .endpointOverride(server.tombstone().endpoint()).region(Region.US_WEST_2)
      .forcePathStyle(true)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
      .build();

  @AfterEach
  void close() {
    west.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-east-1", "us-east-2", "eu-central-1", "us-gov-east-2"})
  void anotherRegion_isIllegalHere_andNothingIsCreated(String constraint) {
    String name = UUID.randomUUID().toString();

    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> west.createBucket(b -> b
        .bucket(name).createBucketConfiguration(c -> c.locationConstraint(constraint))));

    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode())
        .isEqualTo("IllegalLocationConstraintException");
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo("The " + constraint
        + " location constraint is incompatible for the region specific endpoint this request"
        + " was sent to.");
    assertThat(west.listBuckets().buckets()).noneMatch(bucket -> bucket.name().equals(name));
  }

  @Test
  void itsOwnRegion_createsTheBucketThere() {
    west.createBucket(b -> b.bucket("own-region")
        .createBucketConfiguration(c -> c.locationConstraint("us-west-2")));

    assertThat(west.getBucketLocation(b -> b.bucket("own-region")).locationConstraintAsString())
        .isEqualTo("us-west-2");
  }

  @Test
  void aNameThatIsNoRegion_staysInvalid() {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, () -> west.createBucket(b -> b
        .bucket("no-region").createBucketConfiguration(c -> c.locationConstraint("moon"))));

    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InvalidLocationConstraint");
  }
}
