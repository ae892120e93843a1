package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketLogging;
import dev.tombstone.s3.BucketLogging.KeyFormat;
import dev.tombstone.s3.Grant;
import dev.tombstone.s3.Grant.Grantee;
import dev.tombstone.s3.Grant.Permission;
import dev.tombstone.s3.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** PutBucketLogging's {@code BucketLoggingStatus} document, read and written. */
final class LoggingDocuments {
  // The permissions of S3's BucketLogsPermission, and READ_ACP, which S3 accepts and returns
  // although the schema lacks it (LocalStack's AWS-validated
  // test_put_bucket_logging_accept_wrong_grants); WRITE_ACP was not recorded either way.
  private static final Set<Permission> LOG_PERMISSIONS =
      Set.of(Permission.FULL_CONTROL, Permission.READ, Permission.WRITE, Permission.READ_ACP);
  private static final Set<String> DATE_SOURCES = Set.of("EventTime", "DeliveryTime");
  private static final Set<String> LOGGING_ELEMENTS = Set.of("TargetBucket", "TargetPrefix",
      "TargetGrants", "TargetObjectKeyFormat");

  private LoggingDocuments() {}

  /**
   * The logging a document enables; empty when it has no {@code LoggingEnabled}.
   *
   * @throws WireError MalformedXML for anything outside S3's schema; InvalidArgument for a
   *     grantee id or group S3 does not know
   */
  static Optional<BucketLogging> read(XmlElement root, Owner owner) {
    if (!root.is("BucketLoggingStatus")) {
      throw WireError.malformedXml();
    }
    root.onlyChildren(Set.of("LoggingEnabled"));
    Optional<XmlElement> enabled = single(root, "LoggingEnabled");
    if (enabled.isEmpty()) {
      return Optional.empty();
    }
    XmlElement logging = enabled.get();
    logging.onlyChildren(LOGGING_ELEMENTS);
    String bucket = logging.childText("TargetBucket").map(String::trim)
        .filter(name -> !name.isEmpty()).orElseThrow(WireError::malformedXml);
    String prefix = logging.childText("TargetPrefix").orElseThrow(WireError::malformedXml);
    List<Grant> grants = new ArrayList<>();
    Optional<XmlElement> targetGrants = single(logging, "TargetGrants");
    if (targetGrants.isPresent()) {
      targetGrants.get().onlyChildren(Set.of("Grant"));
      for (XmlElement grant : targetGrants.get().children("Grant")) {
        grants.add(grant(grant, owner));
      }
    }
    Optional<KeyFormat> format = Optional.empty();
    Optional<String> dateSource = Optional.empty();
    Optional<XmlElement> keyFormat = single(logging, "TargetObjectKeyFormat");
    if (keyFormat.isPresent()) {
      keyFormat.get().onlyChildren(Set.of("SimplePrefix", "PartitionedPrefix"));
      Optional<XmlElement> simple = single(keyFormat.get(), "SimplePrefix");
      Optional<XmlElement> partitioned = single(keyFormat.get(), "PartitionedPrefix");
      if (simple.isPresent() == partitioned.isPresent()) {
        throw WireError.malformedXml();
      }
      format = Optional.of(simple.isPresent() ? KeyFormat.SIMPLE_PREFIX
          : KeyFormat.PARTITIONED_PREFIX);
      simple.ifPresent(element -> element.onlyChildren(Set.of()));
      if (partitioned.isPresent()) {
        partitioned.get().onlyChildren(Set.of("PartitionDateSource"));
        dateSource = partitioned.get().childText("PartitionDateSource").map(String::trim);
        if (dateSource.isPresent() && !DATE_SOURCES.contains(dateSource.get())) {
          throw WireError.malformedXml();
        }
      }
    }
    return Optional.of(new BucketLogging(bucket, prefix, grants, format, dateSource));
  }

  static byte[] write(Optional<BucketLogging> configuration) {
    XmlWriter xml = XmlWriter.document("BucketLoggingStatus");
    if (configuration.isEmpty()) {
      return xml.toBytes();
    }
    BucketLogging logging = configuration.get();
    xml.start("LoggingEnabled").element("TargetBucket", logging.targetBucket())
        .element("TargetPrefix", logging.targetPrefix());
    if (!logging.targetGrants().isEmpty()) {
      xml.start("TargetGrants");
      for (Grant grant : logging.targetGrants()) {
        AclDocuments.writeGrant(xml, grant);
      }
      xml.end();
    }
    logging.keyFormat().ifPresent(format -> {
      xml.start("TargetObjectKeyFormat");
      if (format == KeyFormat.SIMPLE_PREFIX) {
        xml.start("SimplePrefix").end();
      } else {
        xml.start("PartitionedPrefix");
        logging.partitionDateSource().ifPresent(s -> xml.element("PartitionDateSource", s));
        xml.end();
      }
      xml.end();
    });
    return xml.toBytes();
  }

  private static Grant grant(XmlElement grant, Owner owner) {
    grant.onlyChildren(Set.of("Grantee", "Permission"));
    XmlElement grantee = single(grant, "Grantee").orElseThrow(WireError::malformedXml);
    grantee.onlyChildren(Set.of("ID", "DisplayName", "URI", "EmailAddress"));
    Permission permission = grant.childText("Permission").map(String::trim)
        .flatMap(LoggingDocuments::permission).orElseThrow(WireError::malformedXml);
    String type = grantee.attribute(AclDocuments.XSI, "type").map(String::trim)
        .orElseThrow(WireError::malformedXml);
    Grantee who = switch (type) {
      case "CanonicalUser" -> Grantees.canonicalUser(
          grantee.childText("ID").map(String::trim).orElseThrow(WireError::malformedXml),
          grantee.childText("DisplayName").map(String::trim), owner, "CanonicalUser/ID");
      case "Group" -> Grantees.group(
          grantee.childText("URI").map(String::trim).orElseThrow(WireError::malformedXml),
          "Group/URI");
      case "AmazonCustomerByEmail" -> throw WireError.emailGrantee();
      default -> throw WireError.malformedXml();
    };
    return new Grant(who, permission);
  }

  private static Optional<Permission> permission(String text) {
    for (Permission permission : LOG_PERMISSIONS) {
      if (permission.name().equals(text)) {
        return Optional.of(permission);
      }
    }
    return Optional.empty();
  }

  private static Optional<XmlElement> single(XmlElement parent, String name) {
    List<XmlElement> found = parent.children(name);
    if (found.size() > 1) {
      throw WireError.malformedXml();
    }
    return found.stream().findFirst();
  }
}
