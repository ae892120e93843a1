package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AnalyticsConfiguration;
import software.amazon.awssdk.services.s3.model.AnalyticsS3BucketDestination;
import software.amazon.awssdk.services.s3.model.AnalyticsS3ExportFileFormat;
import software.amazon.awssdk.services.s3.model.BucketAccelerateStatus;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.InventoryOptionalField;
import software.amazon.awssdk.services.s3.model.InventoryS3BucketDestination;
import software.amazon.awssdk.services.s3.model.ListBucketAnalyticsConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClassAnalysisSchemaVersion;

/**
 * Bucket-level assertions of the SDK for Java v2's S3 integration tests that S3 answers:
 * BucketAnalyticsConfigurationIntegrationTest, BucketInventoryConfigurationIntegrationTest,
 * SingleStringResponseOperationsIntegrationTest and BucketAccelerateIntegrationTest (ignored
 * upstream for the accelerate endpoint's redirects; its configuration round trip is kept).
 */
class SdkItParityBucketConfigurationsTest {
  private static final String BUCKET = "configurations-it";
  private static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private static AnalyticsConfiguration analytics(String id,
      Consumer<AnalyticsConfiguration.Builder> more) {
    AnalyticsConfiguration.Builder builder = AnalyticsConfiguration.builder().id(id)
        .storageClassAnalysis(s -> s.dataExport(e -> e
            .outputSchemaVersion(StorageClassAnalysisSchemaVersion.V_1)
            .destination(d -> d.s3BucketDestination(bd -> bd.bucket(BUCKET_ARN)
                .format(AnalyticsS3ExportFileFormat.CSV)))));
    more.accept(builder);
    return builder.build();
  }

  private void putAnalytics(AnalyticsConfiguration configuration) {
    s3.putBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id(configuration.id())
        .analyticsConfiguration(configuration));
  }

  @Test
  void analytics_withOnlyRequiredFields_readsBackWithoutFilterPrefixOrAccount() {
    putAnalytics(analytics("id", a -> { }));

    AnalyticsConfiguration read = s3.getBucketAnalyticsConfiguration(b -> b.bucket(BUCKET)
        .id("id")).analyticsConfiguration();
    assertThat(read.id()).isEqualTo("id");
    assertThat(read.filter()).isNull();
    assertThat(read.storageClassAnalysis().dataExport().outputSchemaVersion())
        .isEqualTo(StorageClassAnalysisSchemaVersion.V_1);
    AnalyticsS3BucketDestination destination = read.storageClassAnalysis().dataExport()
        .destination().s3BucketDestination();
    assertThat(destination.bucket()).isEqualTo(BUCKET_ARN);
    assertThat(destination.format()).isEqualTo(AnalyticsS3ExportFileFormat.CSV);
    assertThat(destination.bucketAccountId()).isNull();
    assertThat(destination.prefix()).isNull();
  }

  @Test
  void analytics_filteredByATag_readsBackTheTag() {
    putAnalytics(analytics("id", a -> a.filter(f -> f.tag(t -> t.key("key").value("value")))));

    AnalyticsConfiguration read = s3.getBucketAnalyticsConfiguration(b -> b.bucket(BUCKET)
        .id("id")).analyticsConfiguration();
    assertThat(read.filter().tag().key()).isEqualTo("key");
    assertThat(read.filter().tag().value()).isEqualTo("value");
  }

  @Test
  void analytics_listInIdOrder_untruncated_andAreGoneOnceDeleted() {
    putAnalytics(analytics("id", a -> { }));
    putAnalytics(analytics("id2", a -> { }));

    ListBucketAnalyticsConfigurationsResponse listed =
        s3.listBucketAnalyticsConfigurations(b -> b.bucket(BUCKET));
    assertThat(listed.analyticsConfigurationList()).extracting(AnalyticsConfiguration::id)
        .containsExactly("id", "id2");
    assertThat(listed.isTruncated()).isFalse();
    assertThat(listed.continuationToken()).isNull();
    assertThat(listed.nextContinuationToken()).isNull();
    s3.deleteBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("id"));
    s3.deleteBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("id2"));
    assertThat(s3.listBucketAnalyticsConfigurations(b -> b.bucket(BUCKET))
        .analyticsConfigurationList()).isEmpty();
  }

  @Test
  void analytics_withAnEmptyFilter_orAFilterOfAnEmptyPrefix_areMalformedXml() {
    List<AnalyticsConfiguration> refused = List.of(
        analytics("id", a -> a.filter(f -> { })),
        analytics("id", a -> a.filter(f -> f.prefix(""))));
    // The SDK test's third case, a destination without its bucket, the SDK now refuses itself.

    for (AnalyticsConfiguration configuration : refused) {
      S3Exception e = catchThrowableOfType(() -> putAnalytics(configuration), S3Exception.class);
      assertThat(e.statusCode()).as(configuration.toString()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).as(configuration.toString())
          .isEqualTo("MalformedXML");
    }
    assertThat(s3.listBucketAnalyticsConfigurations(b -> b.bucket(BUCKET))
        .analyticsConfigurationList()).isEmpty();
  }

  @Test
  void inventory_readsBackRequiredAndOptionalFields_andIsGoneOnceDeleted() {
    InventoryConfiguration bare = InventoryConfiguration.builder().id("id").isEnabled(true)
        .includedObjectVersions(InventoryIncludedObjectVersions.ALL)
        .schedule(s -> s.frequency(InventoryFrequency.DAILY))
        .destination(d -> d.s3BucketDestination(bd -> bd.bucket(BUCKET_ARN)
            .format(InventoryFormat.CSV)))
        .build();
    InventoryConfiguration full = bare.toBuilder().id("full")
        .destination(d -> d.s3BucketDestination(bd -> bd.bucket(BUCKET_ARN)
            .format(InventoryFormat.CSV).accountId("test-account").prefix("prefix")))
        .filter(f -> f.prefix("prefix"))
        .optionalFields(InventoryOptionalField.E_TAG, InventoryOptionalField.SIZE).build();
    for (InventoryConfiguration configuration : List.of(bare, full)) {
      s3.putBucketInventoryConfiguration(b -> b.bucket(BUCKET).id(configuration.id())
          .inventoryConfiguration(configuration));
    }

    InventoryConfiguration readBare = s3.getBucketInventoryConfiguration(b -> b.bucket(BUCKET)
        .id("id")).inventoryConfiguration();
    InventoryConfiguration readFull = s3.getBucketInventoryConfiguration(b -> b.bucket(BUCKET)
        .id("full")).inventoryConfiguration();
    assertThat(readBare.isEnabled()).isTrue();
    assertThat(readBare.includedObjectVersions()).isEqualTo(InventoryIncludedObjectVersions.ALL);
    assertThat(readBare.schedule().frequency()).isEqualTo(InventoryFrequency.DAILY);
    InventoryS3BucketDestination bareDestination = readBare.destination().s3BucketDestination();
    assertThat(bareDestination.bucket()).isEqualTo(BUCKET_ARN);
    assertThat(bareDestination.format()).isEqualTo(InventoryFormat.CSV);
    assertThat(bareDestination.accountId()).isNull();
    assertThat(bareDestination.prefix()).isNull();
    assertThat(readFull.destination().s3BucketDestination().accountId())
        .isEqualTo("test-account");
    assertThat(readFull.destination().s3BucketDestination().prefix()).isEqualTo("prefix");
    assertThat(readFull.filter().prefix()).isEqualTo("prefix");
    assertThat(readFull.optionalFields())
        .contains(InventoryOptionalField.E_TAG, InventoryOptionalField.SIZE);
    s3.deleteBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("id"));
    s3.deleteBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("full"));
    assertThat(s3.listBucketInventoryConfigurations(b -> b.bucket(BUCKET))
        .inventoryConfigurationList()).isEmpty();
  }

  @Test
  void aBucketInUsWest2_answersItsLocation_itsPolicy_andItsOwnerPays() {
    try (S3Client west = S3Client.builder().endpointOverride(server.tombstone().endpoint())
        .region(Region.US_WEST_2).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .build()) {
      west.createBucket(b -> b.bucket("single-string").createBucketConfiguration(c -> c
          .locationConstraint(BucketLocationConstraint.US_WEST_2)));
      // The SDK test's policy grants "*", which S3 refuses since April 2023 (BlockPublicPolicy
      // is on for new buckets): this one names the account instead.
      String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"s3:*\","
          + "\"Resource\":\"arn:aws:s3:::single-string\"}]}";
      west.putBucketPolicy(b -> b.bucket("single-string").policy(policy));

      assertThat(west.getBucketLocation(b -> b.bucket("single-string")).locationConstraint())
          .isEqualTo(BucketLocationConstraint.US_WEST_2);
      assertThat(west.getBucketPolicy(b -> b.bucket("single-string")).policy())
          .contains("arn:aws:s3:::single-string");
      assertThat(west.getBucketRequestPayment(b -> b.bucket("single-string")).payer())
          .isEqualTo(Payer.BUCKET_OWNER);
    }
  }

  @Test
  void accelerate_enabledThenSuspended_readsBackEachStatus() {
    s3.putBucketAccelerateConfiguration(b -> b.bucket(BUCKET)
        .accelerateConfiguration(a -> a.status(BucketAccelerateStatus.ENABLED)));
    assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket(BUCKET)).status())
        .isEqualTo(BucketAccelerateStatus.ENABLED);

    s3.putBucketAccelerateConfiguration(b -> b.bucket(BUCKET)
        .accelerateConfiguration(a -> a.status(BucketAccelerateStatus.SUSPENDED)));
    assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket(BUCKET)).status())
        .isEqualTo(BucketAccelerateStatus.SUSPENDED);
  }
}
