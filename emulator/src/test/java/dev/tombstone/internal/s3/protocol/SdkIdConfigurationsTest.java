package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.ConfigurationKind;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AnalyticsConfiguration;
import software.amazon.awssdk.services.s3.model.AnalyticsS3ExportFileFormat;
import software.amazon.awssdk.services.s3.model.IntelligentTieringAccessTier;
import software.amazon.awssdk.services.s3.model.IntelligentTieringConfiguration;
import software.amazon.awssdk.services.s3.model.IntelligentTieringStatus;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.InventoryOptionalField;
import software.amazon.awssdk.services.s3.model.ListBucketMetricsConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.MetricsConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClassAnalysisSchemaVersion;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Analytics, inventory, metrics and Intelligent-Tiering configurations through the SDK v2:
 * stored by id, returned as stored in S3's element order, listed 100 at a time, 404
 * NoSuchConfiguration for an id not stored.
 */
class SdkIdConfigurationsTest {
  static final String BUCKET = "configured";
  static final String NS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  static MetricsConfiguration metrics(String id) {
    return MetricsConfiguration.builder().id(id).filter(f -> f.and(a -> a.prefix("logs/")
        .tags(tag("team", "ops")).accessPointArn("arn:aws:s3:us-east-1:123456789012:accesspoint/ap")))
        .build();
  }

  static AnalyticsConfiguration analytics(String id) {
    return AnalyticsConfiguration.builder().id(id).filter(f -> f.prefix("images/"))
        .storageClassAnalysis(a -> a.dataExport(e -> e
            .outputSchemaVersion(StorageClassAnalysisSchemaVersion.V_1)
            .destination(d -> d.s3BucketDestination(s -> s.format(AnalyticsS3ExportFileFormat.CSV)
                .bucketAccountId("123456789012").bucket("arn:aws:s3:::reports")
                .prefix("analysis/")))))
        .build();
  }

  static InventoryConfiguration inventory(String id, String bucketArn) {
    return InventoryConfiguration.builder().id(id).isEnabled(true)
        .filter(f -> f.prefix("data/"))
        .destination(d -> d.s3BucketDestination(s -> s.format(InventoryFormat.CSV)
            .accountId("123456789012").bucket(bucketArn).prefix("inventory/")
            .encryption(e -> e.ssekms(k -> k.keyId("arn:aws:kms:us-east-1:123456789012:key/k")))))
        .schedule(s -> s.frequency(InventoryFrequency.WEEKLY))
        .includedObjectVersions(InventoryIncludedObjectVersions.CURRENT)
        .optionalFields(InventoryOptionalField.SIZE, InventoryOptionalField.E_TAG)
        .build();
  }

  static IntelligentTieringConfiguration tiering(String id, int archiveDays, int deepDays) {
    return IntelligentTieringConfiguration.builder().id(id)
        .filter(f -> f.tag(tag("tier", "cold")))
        .status(IntelligentTieringStatus.ENABLED)
        .tierings(t -> t.days(archiveDays).accessTier(IntelligentTieringAccessTier.ARCHIVE_ACCESS),
            t -> t.days(deepDays).accessTier(IntelligentTieringAccessTier.DEEP_ARCHIVE_ACCESS))
        .build();
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void eachKind_roundTripsThroughPutGetList_andDeleteLeavesNoSuchConfiguration() {
    s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("m").metricsConfiguration(
        metrics("m")));
    s3.putBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("a").analyticsConfiguration(
        analytics("a")));
    s3.putBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("i").inventoryConfiguration(
        inventory("i", "arn:aws:s3:::reports")));
    s3.putBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET).id("t")
        .intelligentTieringConfiguration(tiering("t", 90, 180)));

    assertThat(s3.getBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("m"))
        .metricsConfiguration()).isEqualTo(metrics("m"));
    assertThat(s3.getBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("a"))
        .analyticsConfiguration()).isEqualTo(analytics("a"));
    assertThat(s3.getBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("i"))
        .inventoryConfiguration()).isEqualTo(inventory("i", "arn:aws:s3:::reports"));
    assertThat(s3.getBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET).id("t"))
        .intelligentTieringConfiguration()).isEqualTo(tiering("t", 90, 180));
    assertThat(s3.listBucketMetricsConfigurations(b -> b.bucket(BUCKET))
        .metricsConfigurationList()).containsExactly(metrics("m"));
    assertThat(s3.listBucketAnalyticsConfigurations(b -> b.bucket(BUCKET))
        .analyticsConfigurationList()).containsExactly(analytics("a"));
    assertThat(s3.listBucketInventoryConfigurations(b -> b.bucket(BUCKET))
        .inventoryConfigurationList()).containsExactly(inventory("i", "arn:aws:s3:::reports"));
    assertThat(s3.listBucketIntelligentTieringConfigurations(b -> b.bucket(BUCKET))
        .intelligentTieringConfigurationList()).containsExactly(tiering("t", 90, 180));

    s3.deleteBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("m"));
    s3.deleteBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("a"));
    s3.deleteBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("i"));
    s3.deleteBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET).id("t"));

    for (ConfigurationKind kind : ConfigurationKind.values()) {
      assertThat(tombstone.s3().bucketConfigurations(BUCKET, kind)).as(kind.name()).isEmpty();
    }
    assertNoSuchConfiguration(() -> s3.getBucketMetricsConfiguration(b -> b.bucket(BUCKET)
        .id("m")));
  }

  @Test
  void getOrDeleteOfAnIdNotStored_isNoSuchConfiguration_forEveryKind() {
    List<Runnable> calls = List.of(
        () -> s3.getBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("x")),
        () -> s3.deleteBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("x")),
        () -> s3.getBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("x")),
        () -> s3.deleteBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("x")),
        () -> s3.getBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("x")),
        () -> s3.deleteBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("x")),
        () -> s3.getBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET).id("x")),
        () -> s3.deleteBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET).id("x")));

    calls.forEach(SdkIdConfigurationsTest::assertNoSuchConfiguration);
  }

  static void assertNoSuchConfiguration(Runnable call) {
    S3Exception missing = catchThrowableOfType(S3Exception.class, call::run);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchConfiguration");
    assertThat(missing.awsErrorDetails().errorMessage())
        .isEqualTo("The specified configuration does not exist.");
  }

  @Test
  void everyOperationOnAMissingBucket_isNoSuchBucket() {
    List<Runnable> calls = List.of(
        () -> s3.putBucketMetricsConfiguration(b -> b.bucket("nope").id("m")
            .metricsConfiguration(metrics("m"))),
        () -> s3.getBucketAnalyticsConfiguration(b -> b.bucket("nope").id("a")),
        () -> s3.deleteBucketInventoryConfiguration(b -> b.bucket("nope").id("i")),
        () -> s3.listBucketIntelligentTieringConfigurations(b -> b.bucket("nope")));

    for (Runnable call : calls) {
      S3Exception missing = catchThrowableOfType(S3Exception.class, call::run);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
    }
  }

  @Test
  void get_answersS3sElementOrderInTheS3Namespace_whateverOrderWasSent() throws Exception {
    String sent = "<InventoryConfiguration><OptionalFields><Field>Size</Field></OptionalFields>"
        + "<IncludedObjectVersions>All</IncludedObjectVersions>"
        + "<Schedule><Frequency>Daily</Frequency></Schedule>"
        + "<Destination><S3BucketDestination><Encryption><SSE-S3/></Encryption>"
        + "<Prefix>p</Prefix><Bucket>arn:aws:s3:::reports</Bucket><Format>ORC</Format>"
        + "</S3BucketDestination></Destination><Id>inv</Id><IsEnabled>false</IsEnabled>"
        + "</InventoryConfiguration>";

    assertThat(send("PUT", "?inventory&id=inv", sent).statusCode()).isEqualTo(204);
    HttpResponse<String> got = send("GET", "?inventory&id=inv", "");

    assertThat(got.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<InventoryConfiguration " + NS + "><Id>inv</Id><IsEnabled>false</IsEnabled>"
        + "<Destination><S3BucketDestination><Format>ORC</Format>"
        + "<Bucket>arn:aws:s3:::reports</Bucket><Prefix>p</Prefix>"
        + "<Encryption><SSE-S3/></Encryption></S3BucketDestination></Destination>"
        + "<Schedule><Frequency>Daily</Frequency></Schedule>"
        + "<IncludedObjectVersions>All</IncludedObjectVersions>"
        + "<OptionalFields><Field>Size</Field></OptionalFields></InventoryConfiguration>");
  }

  @Test
  void list_answersAnEmptyResult_andNamesEachConfigurationByItsElement() throws Exception {
    assertThat(send("GET", "?metrics", "").body()).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListMetricsConfigurationsResult " + NS
            + "><IsTruncated>false</IsTruncated></ListMetricsConfigurationsResult>");

    tombstone.s3().putBucketConfiguration(BUCKET, ConfigurationKind.INTELLIGENT_TIERING, "t",
        "<Id>t</Id><Status>Disabled</Status>"
            + "<Tiering><Days>200</Days><AccessTier>DEEP_ARCHIVE_ACCESS</AccessTier></Tiering>");
    assertThat(send("GET", "?intelligent-tiering", "").body()).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketIntelligentTieringConfigurationsOutput "
            + NS + "><IsTruncated>false</IsTruncated><IntelligentTieringConfiguration>"
            + "<Id>t</Id><Status>Disabled</Status><Tiering><Days>200</Days>"
            + "<AccessTier>DEEP_ARCHIVE_ACCESS</AccessTier></Tiering>"
            + "</IntelligentTieringConfiguration></ListBucketIntelligentTieringConfigurationsOutput>");
  }

  @Test
  void list_pagesByOneHundredInIdOrder_withContinuationTokens() {
    for (int i = 149; i >= 0; i--) {
      String id = String.format("m%03d", i);
      s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id(id)
          .metricsConfiguration(c -> c.id(id)));
    }

    ListBucketMetricsConfigurationsResponse first =
        s3.listBucketMetricsConfigurations(b -> b.bucket(BUCKET));
    ListBucketMetricsConfigurationsResponse second = s3.listBucketMetricsConfigurations(
        b -> b.bucket(BUCKET).continuationToken(first.nextContinuationToken()));

    assertThat(first.isTruncated()).isTrue();
    assertThat(ids(first.metricsConfigurationList(), MetricsConfiguration::id))
        .hasSize(100).startsWith("m000").endsWith("m099").isSorted();
    assertThat(second.isTruncated()).isFalse();
    assertThat(second.continuationToken()).isEqualTo(first.nextContinuationToken());
    assertThat(second.nextContinuationToken()).isNull();
    assertThat(ids(second.metricsConfigurationList(), MetricsConfiguration::id))
        .hasSize(50).startsWith("m100").endsWith("m149");
  }

  static <T> List<String> ids(List<T> configurations, Function<T, String> id) {
    List<String> ids = new ArrayList<>();
    configurations.forEach(c -> ids.add(id.apply(c)));
    return ids;
  }

  @Test
  void putAgainUnderAnId_replacesIt() {
    s3.putBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET).id("t")
        .intelligentTieringConfiguration(tiering("t", 90, 180)));
    s3.putBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET).id("t")
        .intelligentTieringConfiguration(tiering("t", 730, 730)));

    assertThat(s3.listBucketIntelligentTieringConfigurations(b -> b.bucket(BUCKET))
        .intelligentTieringConfigurationList()).containsExactly(tiering("t", 730, 730));
  }

  @Test
  void configurationsDieWithTheBucket_andWithReset() {
    s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("m")
        .metricsConfiguration(metrics("m")));
    s3.deleteBucket(b -> b.bucket(BUCKET));
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().bucketConfigurations(BUCKET, ConfigurationKind.METRICS)).isEmpty();

    s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("m")
        .metricsConfiguration(metrics("m")));
    tombstone.reset();
    s3.createBucket(b -> b.bucket(BUCKET));
    assertThat(tombstone.s3().bucketConfigurations(BUCKET, ConfigurationKind.METRICS)).isEmpty();
  }

  HttpResponse<String> send(String method, String query, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/" + BUCKET + query))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
