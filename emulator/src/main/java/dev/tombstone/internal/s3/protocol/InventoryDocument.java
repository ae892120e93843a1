package dev.tombstone.internal.s3.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An InventoryConfiguration: where the report would go (an S3 bucket ARN without region or
 * account), its format, schedule, versions and optional fields. Written in the order of S3's
 * GetBucketInventoryConfiguration example.
 */
final class InventoryDocument implements IdConfigurationDocument<InventoryDocument.Inventory> {
  private static final Set<String> OPTIONAL_FIELDS = Set.of("Size", "LastModifiedDate",
      "StorageClass", "ETag", "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus",
      "ObjectLockRetainUntilDate", "ObjectLockMode", "ObjectLockLegalHoldStatus",
      "IntelligentTieringAccessTier", "BucketKeyStatus", "ChecksumAlgorithm",
      "ObjectAccessControlList", "ObjectOwner", "LifecycleExpirationDate",
      "IntelligentTieringReferenceDate", "ObjectLockEventHoldDuration",
      "ObjectLockEventHoldStatus");

  record Inventory(boolean enabled, Optional<String> filterPrefix, Destination destination,
      String frequency, String versions, List<String> optionalFields) {
    Inventory {
      optionalFields = List.copyOf(optionalFields);
    }
  }

  /** @param encryption {@code SSE-S3}, or {@code SSE-KMS} with its key id */
  record Destination(String format, Optional<String> accountId, String bucket,
      Optional<String> prefix, Optional<String> encryption, Optional<String> kmsKeyId) {}

  @Override
  public Inventory read(XmlElement root) {
    root.onlyChildren(Set.of("Id", "IsEnabled", "Filter",
        "Destination", "Schedule", "IncludedObjectVersions", "OptionalFields"));
    boolean enabled = Boolean.parseBoolean(
        IdConfigurationDocument.oneOf(root, "IsEnabled", Set.of("true", "false")));
    Optional<String> prefix = IdConfigurationDocument.optionalChild(root, "Filter")
        .map(filter -> {
          filter.onlyChildren(Set.of("Prefix"));
          return IdConfigurationDocument.required(filter, "Prefix");
        });
    XmlElement destination = IdConfigurationDocument.requiredChild(root, "Destination");
    destination.onlyChildren(Set.of("S3BucketDestination"));
    XmlElement schedule = IdConfigurationDocument.requiredChild(root, "Schedule");
    schedule.onlyChildren(Set.of("Frequency"));
    return new Inventory(enabled, prefix,
        destination(IdConfigurationDocument.requiredChild(destination, "S3BucketDestination")),
        IdConfigurationDocument.oneOf(schedule, "Frequency", Set.of("Daily", "Weekly")),
        IdConfigurationDocument.oneOf(root, "IncludedObjectVersions", Set.of("All", "Current")),
        optionalFields(root));
  }

  private static Destination destination(XmlElement bucket) {
    bucket.onlyChildren(Set.of("Format", "AccountId", "Bucket", "Prefix", "Encryption"));
    Optional<String> encryption = Optional.empty();
    Optional<String> keyId = Optional.empty();
    Optional<XmlElement> encryptionElement =
        IdConfigurationDocument.optionalChild(bucket, "Encryption");
    if (encryptionElement.isPresent()) {
      XmlElement element = encryptionElement.get();
      element.onlyChildren(Set.of("SSE-S3", "SSE-KMS"));
      if (element.children().size() != 1) {
        throw WireError.malformedXml();
      }
      XmlElement method = element.children().get(0);
      encryption = Optional.of(method.name());
      if (method.name().equals("SSE-KMS")) {
        method.onlyChildren(Set.of("KeyId"));
        keyId = Optional.of(IdConfigurationDocument.required(method, "KeyId"));
      } else if (!method.children().isEmpty()) {
        throw WireError.malformedXml();
      }
    }
    return new Destination(
        IdConfigurationDocument.oneOf(bucket, "Format", Set.of("CSV", "ORC", "Parquet")),
        bucket.childText("AccountId"), IdConfigurationDocument.required(bucket, "Bucket"),
        bucket.childText("Prefix"), encryption, keyId);
  }

  private static List<String> optionalFields(XmlElement root) {
    List<String> fields = new ArrayList<>();
    Optional<XmlElement> element = IdConfigurationDocument.optionalChild(root, "OptionalFields");
    if (element.isPresent()) {
      element.get().onlyChildren(Set.of("Field"));
      for (XmlElement field : element.get().children("Field")) {
        String name = field.text().trim();
        if (!field.children().isEmpty() || !OPTIONAL_FIELDS.contains(name)) {
          throw WireError.malformedXml();
        }
        fields.add(name);
      }
    }
    return fields;
  }

  @Override
  public void check(Inventory inventory) {
    BucketArn.check(inventory.destination().bucket());
  }

  @Override
  public void write(Inventory inventory, XmlWriter out) {
    out.element("IsEnabled", inventory.enabled());
    inventory.filterPrefix().ifPresent(prefix ->
        out.start("Filter").element("Prefix", prefix).end());
    Destination destination = inventory.destination();
    out.start("Destination").start("S3BucketDestination")
        .element("Format", destination.format());
    destination.accountId().ifPresent(id -> out.element("AccountId", id));
    out.element("Bucket", destination.bucket());
    destination.prefix().ifPresent(prefix -> out.element("Prefix", prefix));
    destination.encryption().ifPresent(method -> {
      out.start("Encryption").start(method);
      destination.kmsKeyId().ifPresent(key -> out.element("KeyId", key));
      out.end().end();
    });
    out.end().end();
    out.start("Schedule").element("Frequency", inventory.frequency()).end();
    out.element("IncludedObjectVersions", inventory.versions());
    if (!inventory.optionalFields().isEmpty()) {
      out.start("OptionalFields");
      inventory.optionalFields().forEach(field -> out.element("Field", field));
      out.end();
    }
  }

  /** The inventory destination's ARN rules: {@code arn:PARTITION:s3:::BUCKET}. */
  static final class BucketArn {
    private BucketArn() {}

    static void check(String arn) {
      String[] parts = arn.split(":", 6);
      if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty()
          || !parts[2].equals("s3") || parts[5].isEmpty()) {
        throw invalid("Invalid bucket ARN.");
      }
      if (!parts[3].isEmpty() || !parts[4].isEmpty()) {
        throw invalid("Bucket ARN should not specify a namespace.");
      }
    }

    private static WireError invalid(String message) {
      return new WireError(WireError.Kind.INVALID_S3_DESTINATION_BUCKET, message, List.of());
    }
  }
}
