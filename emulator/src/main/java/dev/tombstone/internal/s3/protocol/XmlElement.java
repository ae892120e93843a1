package dev.tombstone.internal.s3.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of a parsed request document.
 *
 * @param text the element's own character data (for a leaf: its value, untrimmed)
 */
record XmlElement(String name, String namespace, String text, List<XmlElement> children) {
  XmlElement {
    children = List.copyOf(children);
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
