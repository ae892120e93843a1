package dev.tombstone.internal.s3.protocol;

import java.util.Optional;
import java.util.Set;

/**
 * An AnalyticsConfiguration: filter and storage class analysis, with its optional CSV export.
 * Written in the order of S3's GetBucketAnalyticsConfiguration example.
 */
final class AnalyticsDocument implements IdConfigurationDocument<AnalyticsDocument.Analytics> {
  record Analytics(Optional<ConfigurationFilter> filter, Optional<Export> export) {}

  record Export(String schemaVersion, String format, Optional<String> accountId, String bucket,
      Optional<String> prefix) {}

  @Override
  public Analytics read(XmlElement root) {
    root.onlyChildren(Set.of("Id", "Filter", "StorageClassAnalysis"));
    XmlElement analysis = IdConfigurationDocument.requiredChild(root, "StorageClassAnalysis");
    analysis.onlyChildren(Set.of("DataExport"));
    Optional<Export> export = IdConfigurationDocument.optionalChild(analysis, "DataExport")
        .map(AnalyticsDocument::export);
    Optional<ConfigurationFilter> filter = ConfigurationFilter.read(root, false);
    // A filter of one empty prefix selects nothing: S3 refuses it (the SDK for Java v2's
    // BucketAnalyticsConfigurationIntegrationTest, run against S3, expects an S3Exception).
    if (filter.filter(f -> !f.and() && f.prefix().filter(String::isEmpty).isPresent())
        .isPresent()) {
      throw WireError.malformedXml();
    }
    return new Analytics(filter, export);
  }

  private static Export export(XmlElement dataExport) {
    dataExport.onlyChildren(Set.of("OutputSchemaVersion", "Destination"));
    String version = IdConfigurationDocument.oneOf(dataExport, "OutputSchemaVersion",
        Set.of("V_1"));
    XmlElement destination = IdConfigurationDocument.requiredChild(dataExport, "Destination");
    destination.onlyChildren(Set.of("S3BucketDestination"));
    XmlElement bucket = IdConfigurationDocument.requiredChild(destination, "S3BucketDestination");
    bucket.onlyChildren(Set.of("Format", "BucketAccountId", "Bucket", "Prefix"));
    return new Export(version, IdConfigurationDocument.oneOf(bucket, "Format", Set.of("CSV")),
        bucket.childText("BucketAccountId"), IdConfigurationDocument.required(bucket, "Bucket"),
        bucket.childText("Prefix"));
  }

  @Override
  public void write(Analytics analytics, XmlWriter out) {
    analytics.filter().ifPresent(filter -> filter.write(out));
    out.start("StorageClassAnalysis");
    analytics.export().ifPresent(export -> {
      out.start("DataExport").element("OutputSchemaVersion", export.schemaVersion())
          .start("Destination").start("S3BucketDestination")
          .element("Format", export.format());
      export.accountId().ifPresent(id -> out.element("BucketAccountId", id));
      out.element("Bucket", export.bucket());
      export.prefix().ifPresent(prefix -> out.element("Prefix", prefix));
      out.end().end().end();
    });
    out.end();
  }
}
