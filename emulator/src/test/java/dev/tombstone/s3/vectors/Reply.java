package dev.tombstone.s3.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/** One raw HTTP response: status, headers (case-insensitive) and body. */
record Reply(int status, Map<String, List<String>> headers, byte[] body) {
  Reply {
    Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    sorted.putAll(headers);
    headers = sorted;
  }

  Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The texts of the elements an XPath (namespace-unaware, e.g. {@code //Contents/Key}) finds. */
  List<String> xpath(String expression) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
          .evaluate(expression, document(), XPathConstants.NODESET);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        texts.add(nodes.item(i).getTextContent());
      }
      return texts;
    } catch (Exception e) {
      throw new AssertionError("not XML: " + text(), e);
    }
  }

  /** The text of the one element an XPath finds. */
  String one(String expression) {
    List<String> found = xpath(expression);
    assertThat(found).as("%s in %s", expression, text()).hasSize(1);
    return found.get(0);
  }

  /** Names of the root's child elements, in order. */
  List<String> childNames(String expression) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
          .evaluate(expression + "/*", document(), XPathConstants.NODESET);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        names.add(nodes.item(i).getNodeName());
      }
      return names;
    } catch (Exception e) {
      throw new AssertionError("not XML: " + text(), e);
    }
  }

  private Document document() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    // Throws on a body that is not XML, without the default handler's "[Fatal Error]" on stderr.
    builder.setErrorHandler(new DefaultHandler());
    return builder.parse(new ByteArrayInputStream(body));
  }
}
