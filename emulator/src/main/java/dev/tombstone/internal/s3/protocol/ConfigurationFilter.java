package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.ObjectTagging.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code <Filter>} of an analytics, metrics or Intelligent-Tiering configuration: one
 * prefix, one tag, one access point ARN (metrics only) or an {@code <And>} of them.
 */
record ConfigurationFilter(boolean and, Optional<String> prefix, List<Tag> tags,
    Optional<String> accessPointArn) {
  ConfigurationFilter {
    tags = List.copyOf(tags);
  }

  /**
   * The filter of {@code configuration}, if it has one.
   *
   * @param accessPoints whether the schema allows {@code <AccessPointArn>} (metrics)
   * @throws WireError MalformedXML unless it holds exactly one predicate or one {@code <And>}
   */
  static Optional<ConfigurationFilter> read(XmlElement configuration, boolean accessPoints) {
    Optional<XmlElement> filter = IdConfigurationDocument.optionalChild(configuration, "Filter");
    if (filter.isEmpty()) {
      return Optional.empty();
    }
    XmlElement element = filter.get();
    Set<String> predicates = accessPoints ? Set.of("Prefix", "Tag", "AccessPointArn", "And")
        : Set.of("Prefix", "Tag", "And");
    element.onlyChildren(predicates);
    if (element.children().size() != 1) {
      throw WireError.malformedXml();
    }
    XmlElement predicate = element.children().get(0);
    if (predicate.name().equals("And")) {
      predicate.onlyChildren(accessPoints
          ? Set.of("Prefix", "Tag", "AccessPointArn") : Set.of("Prefix", "Tag"));
      return Optional.of(new ConfigurationFilter(true, predicate.childText("Prefix"),
          tags(predicate), accessPoints ? predicate.childText("AccessPointArn")
              : Optional.empty()));
    }
    List<Tag> tags = predicate.name().equals("Tag") ? tags(element) : List.of();
    return Optional.of(new ConfigurationFilter(false, element.childText("Prefix"), tags,
        accessPoints ? element.childText("AccessPointArn") : Optional.empty()));
  }

  private static List<Tag> tags(XmlElement parent) {
    List<Tag> tags = new ArrayList<>();
    for (XmlElement tag : parent.children("Tag")) {
      tag.onlyChildren(Set.of("Key", "Value"));
      tags.add(new Tag(IdConfigurationDocument.required(tag, "Key"),
          IdConfigurationDocument.required(tag, "Value")));
    }
    return tags;
  }

  void write(XmlWriter out) {
    out.start("Filter");
    if (and) {
      out.start("And");
    }
    prefix.ifPresent(value -> out.element("Prefix", value));
    for (Tag tag : tags) {
      out.start("Tag").element("Key", tag.key()).element("Value", tag.value()).end();
    }
    accessPointArn.ifPresent(value -> out.element("AccessPointArn", value));
    if (and) {
      out.end();
    }
    out.end();
  }
}
