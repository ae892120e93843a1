package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketReplication;
import dev.tombstone.s3.BucketReplication.Destination;
import dev.tombstone.s3.BucketReplication.Filter;
import dev.tombstone.s3.BucketReplication.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PutBucketReplication's {@code ReplicationConfiguration} document, read and written. Elements
 * the emulator does not store (replication time control, metrics, encryption, ownership
 * translation, source selection criteria) answer 501 rather than being dropped.
 */
final class ReplicationDocuments {
  private static final int MAX_RULES = 1000;
  private static final String GUIDE = " Please refer to S3 Developer Guide for more information.";
  private static final Set<String> NOT_STORED = Set.of("SourceSelectionCriteria",
      "AccessControlTranslation", "EncryptionConfiguration", "ReplicationTime", "Metrics");
  private static final Set<String> RULE_ELEMENTS = Set.of("ID", "Priority", "Prefix", "Filter",
      "Status", "SourceSelectionCriteria", "ExistingObjectReplication", "Destination",
      "DeleteMarkerReplication");
  private static final Set<String> DESTINATION_ELEMENTS = Set.of("Bucket", "Account",
      "StorageClass", "AccessControlTranslation", "EncryptionConfiguration", "ReplicationTime",
      "Metrics");
  // S3's StorageClass values but FSX_OPENZFS, which "is not an accepted value when replicating
  // objects" (API_Destination).
  private static final Set<String> STORAGE_CLASSES = Set.of("STANDARD", "REDUCED_REDUNDANCY",
      "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS",
      "GLACIER_IR", "SNOW", "EXPRESS_ONEZONE");
  // API_ReplicationRule: "The maximum value is 255 characters", "The maximum prefix length is
  // 1,024 characters".
  private static final int MAX_ID_LENGTH = 255;
  private static final int MAX_PREFIX_LENGTH = 1024;

  private ReplicationDocuments() {}

  /**
   * The configuration a document sets.
   *
   * @throws WireError MalformedXML outside S3's schema; InvalidRequest where S3's rules for
   *     the schema versions refuse it; InvalidArgument for a destination that is no bucket ARN,
   *     or an ID or prefix longer than S3 allows
   */
  static BucketReplication read(XmlElement root) {
    if (!root.is("ReplicationConfiguration")) {
      throw WireError.malformedXml();
    }
    root.onlyChildren(Set.of("Role", "Rule"));
    String role = root.childText("Role").map(String::trim).orElseThrow(WireError::malformedXml);
    List<XmlElement> ruleElements = root.children("Rule");
    if (ruleElements.isEmpty() || ruleElements.size() > MAX_RULES) {
      throw WireError.malformedXml();
    }
    List<Rule> rules = new ArrayList<>();
    for (XmlElement rule : ruleElements) {
      rules.add(rule(rule));
    }
    checkOriginalSchemaDestinations(rules);
    return new BucketReplication(role, rules);
  }

  // Only the current schema (rules with a Filter) replicates to several buckets; a
  // configuration with a rule of the original schema is held to that schema's one.
  private static void checkOriginalSchemaDestinations(List<Rule> rules) {
    if (rules.stream().allMatch(rule -> rule.filter().isPresent())) {
      return;
    }
    long destinations = rules.stream().map(rule -> rule.destination().bucketArn()).distinct()
        .count();
    if (destinations > 1) {
      throw WireError.invalidRequest("Number of distinct destination bucket ARNs cannot exceed 1");
    }
  }

  private static Rule rule(XmlElement rule) {
    refuseNotStored(rule);
    rule.onlyChildren(RULE_ELEMENTS);
    String id = rule.childText("ID").map(String::trim).filter(text -> !text.isEmpty())
        .orElseGet(GeneratedIds::random);
    if (id.length() > MAX_ID_LENGTH) {
      throw WireError.invalidArgument("ID length should not exceed allowed limit of "
          + MAX_ID_LENGTH, "ID", id);
    }
    Optional<Integer> priority = rule.childText("Priority").map(String::trim)
        .map(ReplicationDocuments::priority);
    boolean enabled = status(rule.childText("Status"));
    Optional<String> prefix = rule.childText("Prefix").map(ReplicationDocuments::checkPrefix);
    Optional<Filter> filter = single(rule, "Filter").map(ReplicationDocuments::filter);
    if (prefix.isPresent() && filter.isPresent()) {
      throw WireError.malformedXml();
    }
    Optional<Boolean> deleteMarkers = single(rule, "DeleteMarkerReplication")
        .map(ReplicationDocuments::statusElement);
    if (filter.isEmpty() && deleteMarkers.isPresent()) {
      throw WireError.invalidRequest("DeleteMarkerReplication cannot be used for this version"
          + " of Cross Region Replication configuration schema." + GUIDE);
    }
    if (filter.isPresent() && deleteMarkers.isEmpty()) {
      throw WireError.invalidRequest("DeleteMarkerReplication must be specified for this"
          + " version of Cross Region Replication configuration schema." + GUIDE);
    }
    if (filter.isPresent() && !filter.get().tags().isEmpty() && deleteMarkers.get()) {
      throw WireError.invalidRequest("Delete marker replication is not supported if any Tag"
          + " filter is specified." + GUIDE);
    }
    Optional<Boolean> existing = single(rule, "ExistingObjectReplication")
        .map(ReplicationDocuments::statusElement);
    Destination destination = destination(
        single(rule, "Destination").orElseThrow(WireError::malformedXml));
    return new Rule(id, priority, enabled, prefix, filter, destination, deleteMarkers, existing);
  }

  private static Destination destination(XmlElement destination) {
    refuseNotStored(destination);
    destination.onlyChildren(DESTINATION_ELEMENTS);
    String arn = destination.childText("Bucket").map(String::trim)
        .orElseThrow(WireError::malformedXml);
    if (!arn.startsWith(Destination.ARN_PREFIX)
        || arn.length() == Destination.ARN_PREFIX.length()) {
      throw WireError.invalidArgument("Invalid bucket ARN.", "Bucket", arn);
    }
    Optional<String> storageClass = destination.childText("StorageClass").map(String::trim);
    if (storageClass.isPresent() && !STORAGE_CLASSES.contains(storageClass.get())) {
      throw WireError.malformedXml();
    }
    return new Destination(arn, destination.childText("Account").map(String::trim),
        storageClass);
  }

  private static Filter filter(XmlElement filter) {
    filter.onlyChildren(Set.of("Prefix", "Tag", "And"));
    Optional<XmlElement> and = single(filter, "And");
    and.ifPresent(element -> element.onlyChildren(Set.of("Prefix", "Tag")));
    XmlElement holder = and.orElse(filter);
    if (and.isPresent() && (!filter.children("Prefix").isEmpty()
        || !filter.children("Tag").isEmpty())) {
      throw WireError.malformedXml();
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (XmlElement tag : holder.children("Tag")) {
      tag.onlyChildren(Set.of("Key", "Value"));
      String key = tag.childText("Key").orElseThrow(WireError::malformedXml);
      String value = tag.childText("Value").orElseThrow(WireError::malformedXml);
      if (tags.put(key, value) != null) {
        throw WireError.malformedXml();
      }
    }
    Optional<String> prefix = holder.childText("Prefix").map(ReplicationDocuments::checkPrefix);
    // Outside And a filter names one thing: a prefix or one tag.
    if (and.isEmpty() && (tags.size() > 1 || (prefix.isPresent() && !tags.isEmpty()))) {
      throw WireError.malformedXml();
    }
    return new Filter(prefix, tags);
  }

  static byte[] write(BucketReplication replication) {
    XmlWriter xml = XmlWriter.document("ReplicationConfiguration")
        .element("Role", replication.role());
    for (Rule rule : replication.rules()) {
      xml.start("Rule").element("ID", rule.id());
      rule.prefix().ifPresent(prefix -> xml.element("Prefix", prefix));
      xml.element("Status", rule.enabled() ? "Enabled" : "Disabled");
      rule.priority().ifPresent(priority -> xml.element("Priority", priority));
      rule.deleteMarkerReplication().ifPresent(on -> xml.start("DeleteMarkerReplication")
          .element("Status", on ? "Enabled" : "Disabled").end());
      rule.filter().ifPresent(filter -> writeFilter(xml, filter));
      rule.existingObjectReplication().ifPresent(on -> xml.start("ExistingObjectReplication")
          .element("Status", on ? "Enabled" : "Disabled").end());
      Destination destination = rule.destination();
      xml.start("Destination").element("Bucket", destination.bucketArn());
      destination.account().ifPresent(account -> xml.element("Account", account));
      destination.storageClass().ifPresent(storage -> xml.element("StorageClass", storage));
      xml.end().end();
    }
    return xml.toBytes();
  }

  private static void writeFilter(XmlWriter xml, Filter filter) {
    xml.start("Filter");
    boolean and = filter.tags().size() > 1
        || (filter.prefix().isPresent() && !filter.tags().isEmpty());
    if (and) {
      xml.start("And");
    }
    filter.prefix().ifPresent(prefix -> xml.element("Prefix", prefix));
    filter.tags().forEach((key, value) ->
        xml.start("Tag").element("Key", key).element("Value", value).end());
    if (and) {
      xml.end();
    }
    xml.end();
  }

  private static void refuseNotStored(XmlElement parent) {
    for (XmlElement child : parent.children()) {
      if (NOT_STORED.contains(child.name())) {
        throw WireError.notServed("PutBucketReplication with " + child.name());
      }
    }
  }

  private static String checkPrefix(String prefix) {
    if (prefix.length() > MAX_PREFIX_LENGTH) {
      throw WireError.invalidArgument("Prefix length should not exceed allowed limit of "
          + MAX_PREFIX_LENGTH, "Prefix", prefix);
    }
    return prefix;
  }

  private static boolean statusElement(XmlElement element) {
    element.onlyChildren(Set.of("Status"));
    return status(element.childText("Status"));
  }

  private static int priority(String text) {
    try {
      int priority = Integer.parseInt(text);
      if (priority < 0) {
        throw WireError.malformedXml();
      }
      return priority;
    } catch (NumberFormatException e) {
      throw WireError.malformedXml();
    }
  }

  private static boolean status(Optional<String> text) {
    return switch (text.map(String::trim).orElseThrow(WireError::malformedXml)) {
      case "Enabled" -> true;
      case "Disabled" -> false;
      default -> throw WireError.malformedXml();
    };
  }

  private static Optional<XmlElement> single(XmlElement parent, String name) {
    List<XmlElement> found = parent.children(name);
    if (found.size() > 1) {
      throw WireError.malformedXml();
    }
    return found.stream().findFirst();
  }
}
