package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.RandomUuids;
import dev.tombstone.s3.BucketLifecycle;
import dev.tombstone.s3.S3State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Put/Get/DeleteBucketLifecycleConfiguration: the XML in and out, with S3's checks. The Put
 * needs Content-MD5 or a checksum, as on S3.
 */
final class LifecycleOperations {
  private static final int MAX_RULES = 1000;
  /** The most noncurrent versions a rule may keep back from an action. */
  private static final int MAX_NEWER_NONCURRENT_VERSIONS = 100;
  private static final String MINIMUM_SIZE = "x-amz-transition-default-minimum-object-size";
  private static final List<String> FILTER_CONDITIONS = List.of(
      "Prefix", "Tag", "ObjectSizeGreaterThan", "ObjectSizeLessThan", "And");

  private final S3State state;

  LifecycleOperations(S3State state) {
    this.state = state;
  }

  S3Response put(S3Call call) {
    state.bucket(call.bucket());
    BucketLifecycle.TransitionMinimumSize minimumSize = transitionMinimumSize(call);
    VerifiedBody body = RequestBodies.readDocumentWithIntegrity(call.request());
    if (body.content().size() == 0) {
      throw WireError.malformedXml();
    }
    XmlElement root = XmlReader.parse(body.content());
    if (!root.is("LifecycleConfiguration")) {
      throw WireError.malformedXml();
    }
    List<XmlElement> elements = root.children("Rule");
    if (elements.isEmpty() || elements.size() > MAX_RULES) {
      throw WireError.malformedXml();
    }
    List<BucketLifecycle.Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (XmlElement element : elements) {
      BucketLifecycle.Rule rule = rule(element);
      if (!rules.isEmpty()) {
        checkSameVersion(rules.get(0), rule);
      }
      if (!ids.add(rule.id())) {
        throw WireError.invalidArgument("Rule ID must be unique. Found same ID for more than one"
            + " rule", "ID", rule.id());
      }
      rules.add(rule);
    }
    state.putBucketLifecycleConfiguration(call.bucket(), rules, minimumSize);
    return S3Response.empty(200).with(MINIMUM_SIZE, minimumSize.wireName());
  }

  // A configuration is Lifecycle V1 (a top-level Prefix in each rule) or V2 (a Filter in
  // each rule), as its first rule is; S3 names what the later rule may not use.
  private static void checkSameVersion(BucketLifecycle.Rule first, BucketLifecycle.Rule next) {
    boolean v1 = first.filter().legacyPrefix();
    if (v1 && !next.filter().legacyPrefix()) {
      throw WireError.invalidRequest("Filter element can only be used in Lifecycle V2.");
    }
    if (!v1 && next.filter().legacyPrefix()) {
      throw WireError.invalidRequest("Base level prefix cannot be used in Lifecycle V2,"
          + " prefixes are only supported in the Filter.");
    }
  }

  // S3 documents the two values but not its answer to others: InvalidArgument naming the
  // header, as for other headers with a fixed set of values.
  private static BucketLifecycle.TransitionMinimumSize transitionMinimumSize(S3Call call) {
    Optional<String> value = call.header(MINIMUM_SIZE).map(String::trim);
    if (value.isEmpty()) {
      return BucketLifecycle.TransitionMinimumSize.DEFAULT;
    }
    return BucketLifecycle.TransitionMinimumSize.named(value.get()).orElseThrow(() ->
        WireError.invalidArgument("Invalid " + MINIMUM_SIZE + " value", MINIMUM_SIZE,
            value.get()));
  }

  S3Response get(S3Call call) {
    List<BucketLifecycle.Rule> rules = state.bucketLifecycleConfiguration(call.bucket());
    XmlWriter xml = XmlWriter.document("LifecycleConfiguration");
    for (BucketLifecycle.Rule rule : rules) {
      xml.start("Rule").element("ID", rule.id());
      writeFilter(xml, rule.filter());
      xml.element("Status", rule.enabled() ? "Enabled" : "Disabled");
      rule.expiration().ifPresent(e -> {
        xml.start("Expiration");
        e.days().ifPresent(days -> xml.element("Days", days));
        e.date().ifPresent(date -> xml.element("Date", XmlDates.format(date)));
        if (e.expiredObjectDeleteMarker()) {
          xml.element("ExpiredObjectDeleteMarker", true);
        }
        xml.end();
      });
      LifecycleTransitions.write(xml, rule);
      rule.noncurrentExpiration().ifPresent(n -> {
        xml.start("NoncurrentVersionExpiration").element("NoncurrentDays", n.noncurrentDays());
        n.newerNoncurrentVersions().ifPresent(v -> xml.element("NewerNoncurrentVersions", v));
        xml.end();
      });
      rule.abortIncompleteMultipartUploadDays().ifPresent(days -> xml
          .start("AbortIncompleteMultipartUpload").element("DaysAfterInitiation", days).end());
      xml.end();
    }
    return S3Response.xml(200, xml.toBytes())
        .with(MINIMUM_SIZE, state.transitionMinimumSize(call.bucket()).wireName());
  }

  S3Response delete(S3Call call) {
    state.deleteBucketLifecycleConfiguration(call.bucket());
    return S3Response.empty(204);
  }

  private static BucketLifecycle.Rule rule(XmlElement rule) {
    String id = text(rule, "ID").orElseGet(() -> RandomUuids.next().toString());
    if (id.length() > 255) {
      throw WireError.invalidArgument("ID length should not exceed allowed limit of 255", "ID",
          id);
    }
    boolean enabled = switch (text(rule, "Status").orElse("")) {
      case "Enabled" -> true;
      case "Disabled" -> false;
      default -> throw WireError.malformedXml();
    };
    Optional<String> legacyPrefix = text(rule, "Prefix");
    XmlElement filterElement = only(rule, "Filter");
    // One of the two, as the schema says ("Filter is required if the LifecycleRule does not
    // contain a Prefix element"); S3 answers MalformedXML for neither and for both.
    if (legacyPrefix.isPresent() == (filterElement != null)) {
      throw WireError.malformedXml();
    }
    BucketLifecycle.Filter filter = filterElement != null ? filter(filterElement)
        : new BucketLifecycle.Filter(legacyPrefix.orElse(""), List.of(), OptionalLong.empty(),
            OptionalLong.empty(), true, true);
    Optional<BucketLifecycle.Expiration> expiration =
        Optional.ofNullable(only(rule, "Expiration")).map(LifecycleOperations::expiration);
    Optional<BucketLifecycle.NoncurrentExpiration> noncurrent =
        Optional.ofNullable(only(rule, "NoncurrentVersionExpiration"))
            .map(LifecycleOperations::noncurrent);
    XmlElement abort = only(rule, "AbortIncompleteMultipartUpload");
    OptionalInt abortDays = abort == null ? OptionalInt.empty()
        : OptionalInt.of(positive(abort, "DaysAfterInitiation", "'DaysAfterInitiation' for"
            + " AbortIncompleteMultipartUpload action must be a positive integer").orElseThrow(
                WireError::malformedXml));
    List<BucketLifecycle.Transition> transitions = LifecycleTransitions.transitions(rule);
    List<BucketLifecycle.NoncurrentTransition> noncurrentTransitions =
        LifecycleTransitions.noncurrentTransitions(rule);
    if (expiration.isEmpty() && noncurrent.isEmpty() && abortDays.isEmpty()
        && transitions.isEmpty() && noncurrentTransitions.isEmpty()) {
      throw WireError.invalidRequest("At least one action needs to be specified in a rule");
    }
    checkCombinations(filter, expiration, abortDays);
    BucketLifecycle.Rule parsed = new BucketLifecycle.Rule(id, enabled, filter, expiration,
        noncurrent, abortDays, transitions, noncurrentTransitions);
    TransitionCombinations.check(parsed);
    return parsed;
  }

  // Uploads in progress have neither tags nor a final size, and delete markers carry no tags,
  // so S3 refuses filters these actions could never match on.
  private static void checkCombinations(BucketLifecycle.Filter filter,
      Optional<BucketLifecycle.Expiration> expiration, OptionalInt abortDays) {
    boolean tags = !filter.tags().isEmpty();
    if (abortDays.isPresent() && tags) {
      throw WireError.invalidRequest(
          "AbortIncompleteMultipartUpload cannot be specified with Tags.");
    }
    if (abortDays.isPresent()
        && (filter.sizeGreaterThan().isPresent() || filter.sizeLessThan().isPresent())) {
      throw WireError.invalidRequest(
          "AbortIncompleteMultipartUpload cannot be specified with Object Size.");
    }
    if (tags && expiration.filter(BucketLifecycle.Expiration::expiredObjectDeleteMarker)
        .isPresent()) {
      throw WireError.invalidRequest("ExpiredObjectDeleteMarker cannot be specified with Tags.");
    }
  }

  private static BucketLifecycle.Filter filter(XmlElement filter) {
    // "A Filter must have exactly one of Prefix, Tag, ObjectSizeGreaterThan, ObjectSizeLessThan,
    // or And specified" (or none: every object); several conditions go in And.
    int conditions = 0;
    for (String name : FILTER_CONDITIONS) {
      conditions += filter.children(name).size();
    }
    if (conditions > 1) {
      throw WireError.malformedXml();
    }
    XmlElement and = only(filter, "And");
    XmlElement source = and != null ? and : filter;
    List<BucketLifecycle.Tag> tags = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (XmlElement tag : source.children("Tag")) {
      String key = text(tag, "Key").orElseThrow(WireError::malformedXml);
      if (!keys.add(key)) {
        throw WireError.invalidRequest("Duplicate Tag Keys are not allowed.");
      }
      tags.add(new BucketLifecycle.Tag(key, text(tag, "Value").orElse("")));
    }
    Optional<String> prefix = text(source, "Prefix");
    return new BucketLifecycle.Filter(prefix.orElse(""), tags,
        size(source, "ObjectSizeGreaterThan"), size(source, "ObjectSizeLessThan"),
        prefix.isPresent());
  }

  private static BucketLifecycle.Expiration expiration(XmlElement element) {
    OptionalInt days = positive(element, "Days",
        "'Days' for Expiration action must be a positive integer");
    Optional<Instant> date = text(element, "Date").map(text -> ObjectLockHeaders.instant(text)
        .orElseThrow(WireError::malformedXml));
    boolean marker = text(element, "ExpiredObjectDeleteMarker").map(text -> switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw WireError.malformedXml();
    }).orElse(false);
    int given = (days.isPresent() ? 1 : 0) + (date.isPresent() ? 1 : 0)
        + (text(element, "ExpiredObjectDeleteMarker").isPresent() ? 1 : 0);
    if (given != 1) {
      throw WireError.malformedXml();
    }
    if (date.isPresent() && !BucketLifecycle.isMidnight(date.get())) {
      throw WireError.invalidArgument("'Date' must be at midnight GMT", "Date",
          text(element, "Date").orElseThrow());
    }
    return new BucketLifecycle.Expiration(days, date, marker);
  }

  private static BucketLifecycle.NoncurrentExpiration noncurrent(XmlElement element) {
    int days = positive(element, "NoncurrentDays", "'NoncurrentDays' for"
        + " NoncurrentVersionExpiration action must be a positive integer")
        .orElseThrow(WireError::malformedXml);
    OptionalInt newer = newerNoncurrentVersions(element, "NoncurrentVersionExpiration");
    return new BucketLifecycle.NoncurrentExpiration(days, newer);
  }

  private static void writeFilter(XmlWriter xml, BucketLifecycle.Filter filter) {
    if (filter.legacyPrefix()) { // a V1 rule is read back as it was put: no Filter
      xml.element("Prefix", filter.prefix());
      return;
    }
    int conditions = (filter.prefix().isEmpty() ? 0 : 1) + filter.tags().size()
        + (filter.sizeGreaterThan().isPresent() ? 1 : 0)
        + (filter.sizeLessThan().isPresent() ? 1 : 0);
    xml.start("Filter");
    if (conditions > 1) {
      xml.start("And");
    }
    if (!filter.prefix().isEmpty() || (conditions == 0 && filter.namesPrefix())) {
      xml.element("Prefix", filter.prefix());
    }
    for (BucketLifecycle.Tag tag : filter.tags()) {
      xml.start("Tag").element("Key", tag.key()).element("Value", tag.value()).end();
    }
    filter.sizeGreaterThan().ifPresent(size -> xml.element("ObjectSizeGreaterThan", size));
    filter.sizeLessThan().ifPresent(size -> xml.element("ObjectSizeLessThan", size));
    if (conditions > 1) {
      xml.end();
    }
    xml.end();
  }

  static Optional<String> text(XmlElement parent, String name) {
    XmlElement element = only(parent, name);
    return element == null ? Optional.empty() : parent.childText(name).map(String::trim);
  }

  private static XmlElement only(XmlElement parent, String name) {
    List<XmlElement> found = parent.children(name);
    if (found.size() > 1) {
      throw WireError.malformedXml();
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * The child {@code NewerNoncurrentVersions} of a noncurrent {@code action}, if any: from 1 to
   * 100 ("You can specify up to 100 noncurrent versions to retain", the API reference). AWS's
   * text for a value over 100 is not documented: this one follows the form of its text for 0.
   */
  static OptionalInt newerNoncurrentVersions(XmlElement element, String action) {
    String name = "NewerNoncurrentVersions";
    String prefix = "'" + name + "' for " + action + " action must be ";
    OptionalInt newer = positive(element, name, prefix + "a positive integer");
    if (newer.isPresent() && newer.getAsInt() > MAX_NEWER_NONCURRENT_VERSIONS) {
      throw WireError.invalidArgument(prefix + "at most " + MAX_NEWER_NONCURRENT_VERSIONS, name,
          text(element, name).orElseThrow());
    }
    return newer;
  }

  static OptionalInt positive(XmlElement parent, String name, String message) {
    return atLeast(parent, name, 1, message);
  }

  /**
   * The whole number in child {@code name}, if any: MalformedXML when it is no number,
   * InvalidArgument with {@code message} when it is below {@code min}.
   */
  static OptionalInt atLeast(XmlElement parent, String name, int min, String message) {
    Optional<String> text = text(parent, name);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    int value;
    try {
      value = Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw WireError.malformedXml();
    }
    if (value < min) {
      throw WireError.invalidArgument(message, name, text.get());
    }
    return OptionalInt.of(value);
  }

  private static OptionalLong size(XmlElement parent, String name) {
    Optional<String> text = text(parent, name);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.get()));
    } catch (NumberFormatException e) {
      throw WireError.malformedXml();
    }
  }
}
