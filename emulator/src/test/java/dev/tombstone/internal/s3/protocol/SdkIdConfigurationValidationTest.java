package dev.tombstone.internal.s3.protocol;

import static dev.tombstone.internal.s3.protocol.SdkIdConfigurationsTest.BUCKET;
import static dev.tombstone.internal.s3.protocol.SdkIdConfigurationsTest.analytics;
import static dev.tombstone.internal.s3.protocol.SdkIdConfigurationsTest.inventory;
import static dev.tombstone.internal.s3.protocol.SdkIdConfigurationsTest.metrics;
import static dev.tombstone.internal.s3.protocol.SdkIdConfigurationsTest.tiering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.s3.ConfigurationKind;
import dev.tombstone.testing.RunningTombstone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What S3 refuses in an analytics, inventory, metrics or Intelligent-Tiering configuration,
 * through the SDK v2 and as raw documents. Nothing refused is stored.
 */
class SdkIdConfigurationValidationTest {
  private static final String MALFORMED = "The XML you provided was not well-formed or did not"
      + " validate against our published schema";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterEach
  void nothingStored() {
    for (ConfigurationKind kind : ConfigurationKind.values()) {
      assertThat(tombstone.s3().bucketConfigurations(BUCKET, kind)).as(kind.name())
          .allSatisfy((id, content) -> assertThat(id).startsWith("kept"));
    }
  }

  private static void expectError(Runnable call, int status, String code, String message) {
    S3Exception thrown = catchThrowableOfType(S3Exception.class, call::run);
    assertThat(thrown).as(message).isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(status);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(thrown.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @Test
  void aDocumentIdOtherThanTheQueryId_isIdMismatchForInventory_malformedXmlForTheOthers() {
    expectError(() -> s3.putBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("other")
        .inventoryConfiguration(inventory("i", "arn:aws:s3:::reports"))), 400, "IdMismatch",
        "Document ID does not match the specified configuration ID.");
    expectError(() -> s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("other")
        .metricsConfiguration(metrics("m"))), 400, "MalformedXML", MALFORMED);
    expectError(() -> s3.putBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("other")
        .analyticsConfiguration(analytics("a"))), 400, "MalformedXML", MALFORMED);
    expectError(() -> s3.putBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET)
        .id("other").intelligentTieringConfiguration(tiering("t", 90, 180))), 400,
        "MalformedXML", MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a*b", "with space", "slash/id",
      "a123456789b123456789c123456789d123456789e123456789f123456789g1234"})
  void idsBeyondSixtyFourLettersDigitsDotsDashesUnderscores_areInvalidConfigurationId(
      String id) {
    expectError(() -> s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id(id)
        .metricsConfiguration(metrics(id))), 400, "InvalidConfigurationId",
        "The specified configuration id is not valid.");
  }

  @Test
  void theLongestAllowedId_isStored() {
    String id = "kept-" + "x".repeat(54) + "._-Z9";

    s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id(id).metricsConfiguration(
        metrics(id)));

    assertThat(s3.getBucketMetricsConfiguration(b -> b.bucket(BUCKET).id(id))
        .metricsConfiguration().id()).hasSize(64);
  }

  @ParameterizedTest
  @CsvSource({
      "89, 180, Days specified in ARCHIVE_ACCESS tier should not be less than 90.",
      "90, 179, Days specified in DEEP_ARCHIVE_ACCESS tier should not be less than 180.",
      "731, 180, Days specified in ARCHIVE_ACCESS tier should not be more than 730.",
      "90, 731, Days specified in DEEP_ARCHIVE_ACCESS tier should not be more than 730."})
  void tieringDaysOutsideTheirRange_areInvalidArgument(int archive, int deep, String message) {
    expectError(() -> s3.putBucketIntelligentTieringConfiguration(b -> b.bucket(BUCKET).id("t")
        .intelligentTieringConfiguration(tiering("t", archive, deep))), 400, "InvalidArgument",
        message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "reports|Invalid bucket ARN.",
      "arn:aws:sqs:::reports|Invalid bucket ARN.",
      "arn:aws:s3:::|Invalid bucket ARN.",
      "arn:aws:s3::123456789012:reports|Bucket ARN should not specify a namespace.",
      "arn:aws:s3:us-east-1::reports|Bucket ARN should not specify a namespace."})
  void inventoryDestinationsThatAreNotABucketArn_areInvalidS3DestinationBucket(String arn,
      String message) {
    expectError(() -> s3.putBucketInventoryConfiguration(b -> b.bucket(BUCKET).id("i")
        .inventoryConfiguration(inventory("i", arn))), 400, "InvalidS3DestinationBucket",
        message);
  }

  @Test
  void aNewIdBeyondOneThousandOfAKind_isTooManyConfigurations_butReplacingOneIsNot() {
    for (int i = 0; i < ConfigurationKind.LIMIT; i++) {
      tombstone.s3().putBucketConfiguration(BUCKET, ConfigurationKind.METRICS, "kept" + i,
          "<Id>kept" + i + "</Id>");
    }

    expectError(() -> s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("m")
        .metricsConfiguration(metrics("m"))), 400, "TooManyConfigurations",
        "You are attempting to create a new configuration but have already reached the"
            + " 1,000-configuration limit.");
    s3.putBucketMetricsConfiguration(b -> b.bucket(BUCKET).id("kept7")
        .metricsConfiguration(metrics("kept7")));
    s3.putBucketAnalyticsConfiguration(b -> b.bucket(BUCKET).id("kept-a")
        .analyticsConfiguration(analytics("kept-a")));

    assertThat(tombstone.s3().bucketConfigurations(BUCKET, ConfigurationKind.METRICS))
        .hasSize(ConfigurationKind.LIMIT);
  }

  @Test
  void documentsBreakingTheSchema_areMalformedXml() throws Exception {
    String destination = "<Destination><S3BucketDestination><Format>CSV</Format>"
        + "<Bucket>arn:aws:s3:::r</Bucket></S3BucketDestination></Destination>";
    String inventory = "<Id>i</Id><IsEnabled>true</IsEnabled>%s"
        + "<Schedule><Frequency>%s</Frequency></Schedule>"
        + "<IncludedObjectVersions>Current</IncludedObjectVersions>";
    Map<String, List<String>> bodies = Map.of(
        "?metrics&id=m", List.of("not xml", "<AnalyticsConfiguration><Id>m</Id>"
                + "</AnalyticsConfiguration>", "<MetricsConfiguration/>",
            "<MetricsConfiguration><Id>m</Id><Extra/></MetricsConfiguration>",
            "<MetricsConfiguration><Id>m</Id><Filter><Prefix>a</Prefix>"
                + "<Tag><Key>k</Key><Value>v</Value></Tag></Filter></MetricsConfiguration>",
            "<MetricsConfiguration><Id>m</Id><Filter/></MetricsConfiguration>",
            "<MetricsConfiguration><Id>m</Id><Filter><Tag><Key>k</Key></Tag></Filter>"
                + "</MetricsConfiguration>"),
        "?analytics&id=a", List.of("<AnalyticsConfiguration><Id>a</Id></AnalyticsConfiguration>",
            "<AnalyticsConfiguration><Id>a</Id><Filter><AccessPointArn>x</AccessPointArn>"
                + "</Filter><StorageClassAnalysis/></AnalyticsConfiguration>"),
        "?inventory&id=i", List.of(
            "<InventoryConfiguration>" + String.format(inventory, destination, "Hourly")
                + "</InventoryConfiguration>",
            "<InventoryConfiguration>" + String.format(inventory,
                destination.replace("CSV", "JSON"), "Daily") + "</InventoryConfiguration>",
            "<InventoryConfiguration>" + String.format(inventory, "", "Daily")
                + "</InventoryConfiguration>"),
        "?intelligent-tiering&id=t", List.of(
            "<IntelligentTieringConfiguration><Id>t</Id><Status>Enabled</Status>"
                + "</IntelligentTieringConfiguration>",
            "<IntelligentTieringConfiguration><Id>t</Id><Status>Enabled</Status><Tiering>"
                + "<Days>ninety</Days><AccessTier>ARCHIVE_ACCESS</AccessTier></Tiering>"
                + "</IntelligentTieringConfiguration>"));

    for (Map.Entry<String, List<String>> entry : bodies.entrySet()) {
      for (String body : entry.getValue()) {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(tombstone.endpoint() + "/" + BUCKET + entry.getKey()))
            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        assertThat(answer.body()).as(body).contains("<Code>MalformedXML</Code>",
            "<Message>" + MALFORMED + "</Message>");
      }
    }
  }

  @Test
  void aBadContinuationToken_isInvalidArgument() {
    expectError(() -> s3.listBucketInventoryConfigurations(b -> b.bucket(BUCKET)
        .continuationToken("not-ours")), 400, "InvalidArgument",
        "The continuation token provided is incorrect");
  }

  @Test
  void postToTheSubresource_isMethodNotAllowed() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(tombstone.endpoint() + "/" + BUCKET + "?metrics&id=m"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.body()).contains("<Code>MethodNotAllowed</Code>");
  }
}
