package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.s3.ObjectContent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parsers and writers of the id-keyed configuration documents, below the protocol. */
class IdConfigurationDocumentTest {
  private static <T> String roundTrip(IdConfigurationDocument<T> document, String xml) {
    T configuration = document.read(XmlReader.parse(ObjectContent.of(xml)));
    document.check(configuration);
    XmlWriter out = XmlWriter.fragment();
    document.write(configuration, out);
    return new String(out.toBytes(), StandardCharsets.UTF_8);
  }

  private static WireError refused(IdConfigurationDocument<?> document, String xml) {
    return catchThrowableOfType(WireError.class, () -> roundTrip(document, xml));
  }

  @Test
  void andFilter_isWrittenPrefixTagsAccessPoint_whateverTheOrderRead() {
    String written = roundTrip(new MetricsDocument(), "<MetricsConfiguration><Id>m</Id>"
        + "<Filter><And><AccessPointArn>arn:ap</AccessPointArn>"
        + "<Tag><Value>1</Value><Key>a</Key></Tag><Prefix>p/</Prefix>"
        + "<Tag><Key>b</Key><Value>&amp;</Value></Tag></And></Filter></MetricsConfiguration>");

    assertThat(written).isEqualTo("<Filter><And><Prefix>p/</Prefix>"
        + "<Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>&amp;</Value></Tag>"
        + "<AccessPointArn>arn:ap</AccessPointArn></And></Filter>");
  }

  @Test
  void analytics_withoutExport_keepsAnEmptyStorageClassAnalysis() {
    assertThat(roundTrip(new AnalyticsDocument(), "<AnalyticsConfiguration><Id>a</Id>"
        + "<StorageClassAnalysis/><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>"
        + "</AnalyticsConfiguration>"))
        .isEqualTo("<Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>"
            + "<StorageClassAnalysis/>");
  }

  @Test
  void analyticsExport_isWrittenInTheOrderOfS3sExample() {
    assertThat(roundTrip(new AnalyticsDocument(), "<AnalyticsConfiguration><Id>a</Id>"
        + "<StorageClassAnalysis><DataExport><Destination><S3BucketDestination>"
        + "<Prefix>x/</Prefix><Bucket>arn:aws:s3:::r</Bucket><BucketAccountId>1</BucketAccountId>"
        + "<Format>CSV</Format></S3BucketDestination></Destination>"
        + "<OutputSchemaVersion>V_1</OutputSchemaVersion></DataExport></StorageClassAnalysis>"
        + "</AnalyticsConfiguration>"))
        .isEqualTo("<StorageClassAnalysis><DataExport><OutputSchemaVersion>V_1"
            + "</OutputSchemaVersion><Destination><S3BucketDestination><Format>CSV</Format>"
            + "<BucketAccountId>1</BucketAccountId><Bucket>arn:aws:s3:::r</Bucket>"
            + "<Prefix>x/</Prefix></S3BucketDestination></Destination></DataExport>"
            + "</StorageClassAnalysis>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<Filter><Prefix>a</Prefix><Prefix>b</Prefix></Filter>",
      "<Filter><And><AccessPointArn>x</AccessPointArn></And></Filter>",
      "<Filter><Tag><Key>k</Key><Value>v</Value><Other/></Tag></Filter>",
      "<Filter>text only</Filter>"})
  void filtersS3sSchemaRefuses_areMalformedXml(String filter) {
    WireError error = refused(new AnalyticsDocument(), "<AnalyticsConfiguration><Id>a</Id>"
        + filter + "<StorageClassAnalysis/></AnalyticsConfiguration>");

    assertThat(error.code()).isEqualTo("MalformedXML");
  }

  @Test
  void tiering_keepsTheTiersInTheOrderSent() {
    assertThat(roundTrip(new IntelligentTieringDocument(), "<IntelligentTieringConfiguration>"
        + "<Tiering><AccessTier>DEEP_ARCHIVE_ACCESS</AccessTier><Days> 730 </Days></Tiering>"
        + "<Status>Enabled</Status><Id>t</Id>"
        + "<Tiering><Days>90</Days><AccessTier>ARCHIVE_ACCESS</AccessTier></Tiering>"
        + "</IntelligentTieringConfiguration>"))
        .isEqualTo("<Status>Enabled</Status><Tiering><Days>730</Days>"
            + "<AccessTier>DEEP_ARCHIVE_ACCESS</AccessTier></Tiering>"
            + "<Tiering><Days>90</Days><AccessTier>ARCHIVE_ACCESS</AccessTier></Tiering>");
  }

  @Test
  void inventoryEncryption_allowsOneMethod_andOptionalFieldsOnlyKnownNames() {
    String head = "<InventoryConfiguration><Id>i</Id><IsEnabled>true</IsEnabled>"
        + "<Schedule><Frequency>Daily</Frequency></Schedule>"
        + "<IncludedObjectVersions>All</IncludedObjectVersions>";
    String destination = "<Destination><S3BucketDestination><Format>Parquet</Format>"
        + "<Bucket>arn:aws:s3:::r</Bucket>%s</S3BucketDestination></Destination>";

    WireError both = refused(new InventoryDocument(), head + String.format(destination,
        "<Encryption><SSE-S3/><SSE-KMS><KeyId>k</KeyId></SSE-KMS></Encryption>")
        + "</InventoryConfiguration>");
    WireError unknownField = refused(new InventoryDocument(), head
        + String.format(destination, "") + "<OptionalFields><Field>Colour</Field>"
        + "</OptionalFields></InventoryConfiguration>");

    assertThat(both.code()).isEqualTo("MalformedXML");
    assertThat(unknownField.code()).isEqualTo("MalformedXML");
    assertThat(roundTrip(new InventoryDocument(), head + String.format(destination,
        "<Encryption><SSE-KMS><KeyId>k</KeyId></SSE-KMS></Encryption>")
        + "<OptionalFields><Field>ObjectOwner</Field></OptionalFields>"
        + "</InventoryConfiguration>"))
        .contains("<Encryption><SSE-KMS><KeyId>k</KeyId></SSE-KMS></Encryption>",
            "<OptionalFields><Field>ObjectOwner</Field></OptionalFields>");
  }
}
