package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.XmlEncoding;
import dev.tombstone.s3.ObjectContent;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses a request document with the JDK's own StAX parser. DTDs and entity references other
 * than the five predefined ones are refused, so no document can reach a file, a URL or an
 * entity expansion; element count and depth are bounded. Anything refused is MalformedXML.
 */
final class XmlReader {
  static final int MAX_ELEMENTS = 16_384;
  static final int MAX_DEPTH = 32;

  // A configured factory per thread: making one costs more than parsing a small document.
  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(XmlReader::factory);

  private XmlReader() {}

  /** @throws WireError MalformedXML */
  static XmlElement parse(ObjectContent document) {
    byte[] bytes = document.toByteArray();
    if (XmlEncoding.malformedUtf8(bytes)) {
      throw WireError.malformedXml();
    }
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(bytes));
      return read(reader);
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof WireError wire) {
        throw wire;
      }
      throw WireError.malformedXml();
    } finally {
      close(reader);
    }
  }

  private static XmlElement read(XMLStreamReader reader) throws XMLStreamException {
    Deque<Builder> open = new ArrayDeque<>();
    XmlElement root = null;
    int elements = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (++elements > MAX_ELEMENTS || open.size() >= MAX_DEPTH || root != null) {
            throw WireError.malformedXml();
          }
          String namespace = reader.getNamespaceURI();
          Builder element = new Builder(reader.getLocalName(), namespace == null ? "" : namespace);
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributeNamespace = reader.getAttributeNamespace(i);
            element.attributes.put(XmlElement.attributeKey(
                attributeNamespace == null ? "" : attributeNamespace,
                reader.getAttributeLocalName(i)), reader.getAttributeValue(i));
          }
          open.push(element);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE -> {
          if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlElement done = open.pop().build();
          if (open.isEmpty()) {
            root = done;
          } else {
            open.peek().children.add(done);
          }
        }
        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
            XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION ->
            throw WireError.malformedXml();
        default -> {
          // Comments, processing instructions and the document's start and end carry nothing.
        }
      }
    }
    if (root == null) {
      throw WireError.malformedXml();
    }
    return root;
  }

  private static XMLInputFactory factory() {
    // The JDK's implementation, whatever else is on the class path.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external entities are not resolved");
    });
    return factory;
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // Nothing to release for an in-memory document.
      }
    }
  }

  private static final class Builder {
    private final String name;
    private final String namespace;
    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> attributes = new HashMap<>();
    private final List<XmlElement> children = new ArrayList<>();

    Builder(String name, String namespace) {
      this.name = name;
      this.namespace = namespace;
    }

    XmlElement build() {
      return new XmlElement(name, namespace, text.toString(), attributes, children);
    }
  }
}
