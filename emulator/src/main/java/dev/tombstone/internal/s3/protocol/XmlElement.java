package dev.tombstone.internal.s3.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One element of a parsed request document.
 *
 * @param text the element's own character data (for a leaf: its value, untrimmed)
 * @param attributes the element's attributes, keyed {@code {namespace}localName} (Clark
 *     notation; no braces for an attribute without a namespace)
 */
record XmlElement(String name, String namespace, String text, Map<String, String> attributes,
    List<XmlElement> children) {
  XmlElement {
    attributes = Map.copyOf(attributes);
    children = List.copyOf(children);
  }

  /** The value of the attribute {@code localName} in {@code attributeNamespace}. */
  Optional<String> attribute(String attributeNamespace, String localName) {
    return Optional.ofNullable(attributes.get(attributeKey(attributeNamespace, localName)));
  }

  static String attributeKey(String attributeNamespace, String localName) {
    return attributeNamespace.isEmpty() ? localName
        : "{" + attributeNamespace + "}" + localName;
  }

  /** Whether this is {@code name} with no namespace or the S3 namespace. */
  boolean is(String expectedName) {
    return name.equals(expectedName)
        && (namespace.isEmpty() || namespace.equals(XmlWriter.NAMESPACE));
  }

  List<XmlElement> children(String childName) {
    List<XmlElement> found = new ArrayList<>();
    for (XmlElement child : children) {
      if (child.name.equals(childName)) {
        found.add(child);
      }
    }
    return found;
  }

  /**
   * S3 validates a request document against its published schema, which declares no other
   * elements.
   *
   * @throws WireError MalformedXML when a child element is not one of {@code names}
   */
  void onlyChildren(Set<String> names) {
    for (XmlElement child : children) {
      if (!names.contains(child.name)) {
        throw WireError.malformedXml();
      }
    }
  }

  /**
   * The text of the only child named {@code childName}.
   *
   * @throws WireError MalformedXML when it occurs more than once or has child elements
   */
  Optional<String> childText(String childName) {
    List<XmlElement> found = children(childName);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.size() > 1 || !found.get(0).children.isEmpty()) {
      throw WireError.malformedXml();
    }
    return Optional.of(found.get(0).text);
  }
}
