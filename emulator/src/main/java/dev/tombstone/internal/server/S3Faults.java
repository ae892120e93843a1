package dev.tombstone.internal.server;

import dev.tombstone.faults.FaultRule.Service;
import dev.tombstone.internal.XmlEncoding;
import dev.tombstone.internal.s3.protocol.S3RequestNames;
import dev.tombstone.internal.server.RequestFacts.Target;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** S3 requests as the fault layer sees them: names, DeleteObjects keys, partial answers. */
final class S3Faults {
  static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
  static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private S3Faults() {}

  /**
   * A DeleteObjects document, element by element.
   *
   * @param children the children of {@code <Delete>} in order: {@code Object} entries and the
   *     rest ({@code Quiet})
   */
  record DeleteDocument(List<Element> children) {
    List<Element> objects() {
      return children.stream().filter(e -> e.name().equals("Object")).toList();
    }
  }

  /**
   * One element: text, or child elements (for {@code <Object>}).
   *
   * @param fields the {@code <Object>}'s children as name and text, e.g. Key, VersionId
   */
  record Element(String name, String text, List<String[]> fields) {
    String field(String fieldName) {
      for (String[] field : fields) {
        if (field[0].equals(fieldName)) {
          return field[1];
        }
      }
      return null;
    }
  }

  static RequestFacts facts(S3RequestNames.Named named, Optional<DeleteDocument> document) {
    List<Target> targets = new ArrayList<>();
    if (document.isPresent()) {
      for (Element object : document.get().objects()) {
        targets.add(new Target(named.bucket(), object.field("Key")));
      }
    } else if (!named.bucket().isEmpty()) {
      targets.add(new Target(named.bucket(), named.key().isEmpty() ? null : named.key()));
    }
    return new RequestFacts(Service.S3, named.operation(), targets);
  }

  /** The DeleteObjects document; empty when it is not well-formed (the protocol says so). */
  static Optional<DeleteDocument> parse(byte[] body) {
    if (XmlEncoding.malformedUtf8(body)) {
      return Optional.empty();
    }
    try {
      XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
      List<Element> children = new ArrayList<>();
      int depth = 0;
      String name = null;
      List<String[]> fields = null;
      StringBuilder text = new StringBuilder();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          text.setLength(0);
          if (depth == 2) {
            name = reader.getLocalName();
            fields = new ArrayList<>();
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(reader.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (depth == 3 && fields != null) {
            fields.add(new String[] {reader.getLocalName(), text.toString()});
          } else if (depth == 2) {
            children.add(new Element(name, text.toString(), fields));
          }
          text.setLength(0);
          depth--;
        }
      }
      return Optional.of(new DeleteDocument(children));
    } catch (XMLStreamException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Splits a DeleteObjects: the last {@code count} objects the rule selects are held back.
   *
   * @param remaining the document without them; null when no object is left
   */
  record Split(byte[] remaining, List<Element> held) {}

  static Split split(DeleteDocument document, String bucket, int count,
      FaultRules.Firing firing) {
    List<Element> objects = document.objects();
    List<Element> held = new ArrayList<>();
    for (int i = objects.size() - 1; i >= 0 && held.size() < count; i--) {
      if (firing.selects(new Target(bucket, objects.get(i).field("Key")))) {
        held.add(0, objects.get(i));
      }
    }
    if (held.size() == objects.size()) {
      return new Split(null, held);
    }
    StringBuilder xml = new StringBuilder(XML_DECLARATION)
        .append("<Delete xmlns=\"").append(NAMESPACE).append("\">");
    for (Element child : document.children()) {
      if (held.contains(child)) {
        continue;
      }
      xml.append('<').append(child.name()).append('>');
      if (child.fields().isEmpty()) {
        escape(xml, child.text());
      }
      for (String[] field : child.fields()) {
        xml.append('<').append(field[0]).append('>');
        escape(xml, field[1]);
        xml.append("</").append(field[0]).append('>');
      }
      xml.append("</").append(child.name()).append('>');
    }
    xml.append("</Delete>");
    return new Split(xml.toString().getBytes(StandardCharsets.UTF_8), held);
  }

  /** The per-key {@code <Error>} entries for the held-back objects. */
  static String errors(List<Element> held) {
    StringBuilder xml = new StringBuilder();
    for (Element object : held) {
      xml.append("<Error><Key>");
      escape(xml, object.field("Key"));
      xml.append("</Key>");
      if (object.field("VersionId") != null) {
        xml.append("<VersionId>");
        escape(xml, object.field("VersionId"));
        xml.append("</VersionId>");
      }
      xml.append("<Code>InternalError</Code><Message>")
          .append(ErrorCatalog.find(Service.S3, "InternalError").orElseThrow().message())
          .append("</Message></Error>");
    }
    return xml.toString();
  }

  /** The answer when every object was held back. */
  static byte[] allFailed(List<Element> held) {
    return (XML_DECLARATION + "<DeleteResult xmlns=\"" + NAMESPACE + "\">" + errors(held)
        + "</DeleteResult>").getBytes(StandardCharsets.UTF_8);
  }

  /** The protocol's DeleteResult with {@code <Error>} entries for the held-back objects. */
  static byte[] mergeErrors(byte[] answer, List<Element> held) {
    String xml = new String(answer, StandardCharsets.UTF_8);
    int end = xml.lastIndexOf("</DeleteResult>");
    if (end < 0) {
      // A quiet answer with nothing to report is an empty element.
      int empty = xml.lastIndexOf("/>");
      if (empty < 0 || !xml.substring(0, empty).contains("<DeleteResult")) {
        return answer;
      }
      return (xml.substring(0, empty) + ">" + errors(held) + "</DeleteResult>")
          .getBytes(StandardCharsets.UTF_8);
    }
    return (xml.substring(0, end) + errors(held) + xml.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }

  static void escape(StringBuilder out, String text) {
    if (text == null) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }
}
