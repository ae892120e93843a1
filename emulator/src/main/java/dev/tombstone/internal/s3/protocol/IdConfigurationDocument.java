package dev.tombstone.internal.s3.protocol;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The S3 schema of one kind of id-keyed bucket configuration: how its document is read, which
 * rules beyond the schema S3 applies, and how it is written back in S3's element order.
 *
 * @param <T> the configuration, read
 */
interface IdConfigurationDocument<T> {
  /**
   * The configuration of a request document whose root and {@code <Id>} were checked already.
   *
   * @throws WireError MalformedXML when it breaks S3's schema
   */
  T read(XmlElement root);

  /**
   * S3's rules beyond the schema, checked after the id.
   *
   * @throws WireError with S3's answer
   */
  default void check(T configuration) {}

  /** The elements after {@code <Id>}, in S3's order. */
  void write(T configuration, XmlWriter out);

  /** The text of the only child {@code name}; MalformedXML when it is missing. */
  static String required(XmlElement parent, String name) {
    return parent.childText(name).orElseThrow(WireError::malformedXml);
  }

  /** The only child element {@code name}, if any; MalformedXML when there are more. */
  static Optional<XmlElement> optionalChild(XmlElement parent, String name) {
    List<XmlElement> found = parent.children(name);
    if (found.size() > 1) {
      throw WireError.malformedXml();
    }
    return found.stream().findFirst();
  }

  static XmlElement requiredChild(XmlElement parent, String name) {
    return optionalChild(parent, name).orElseThrow(WireError::malformedXml);
  }

  /** The trimmed text of {@code name}, which must be one of {@code allowed}. */
  static String oneOf(XmlElement parent, String name, Set<String> allowed) {
    String value = required(parent, name).trim();
    if (!allowed.contains(value)) {
      throw WireError.malformedXml();
    }
    return value;
  }
}
