package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The versioning model test's requests to one bucket, answered by {@link S3Protocol} below HTTP,
 * and the answers' XML read back as plain maps.
 */
final class ModelWire {
  static final String BUCKET = "model";

  private final S3Protocol protocol;

  ModelWire(S3Protocol protocol) {
    this.protocol = protocol;
  }

  /** One XML element: its name and the text of each child element, in document order. */
  record ReadElement(String name, Map<String, String> children) {
    Optional<String> child(String childName) {
      return Optional.ofNullable(children.get(childName));
    }

    /** The children, in document order, to compare with their order. */
    List<Map.Entry<String, String>> fields() {
      return List.copyOf(children.entrySet());
    }
  }

  S3Response putObject(String key, String body) {
    return send("PUT", key, "", body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * CopyObject with {@code REPLACE}, so that a copy onto its own key is legal whatever version
   * it copies.
   */
  S3Response copyObject(String sourceKey, Optional<String> versionId, String key) {
    return send("PUT", key, "", new byte[0], "x-amz-copy-source",
        "/" + BUCKET + "/" + sourceKey + versionId.map(id -> "?versionId=" + id).orElse(""),
        "x-amz-metadata-directive", "REPLACE");
  }

  S3Response read(String method, String key, Optional<String> versionId) {
    return send(method, key, versionQuery(versionId), new byte[0]);
  }

  S3Response deleteObject(String key, Optional<String> versionId) {
    return send("DELETE", key, versionQuery(versionId), new byte[0]);
  }

  S3Response putVersioning(String status) {
    return sendDocument("PUT", "versioning", "<VersioningConfiguration xmlns="
        + "\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>" + status
        + "</Status></VersioningConfiguration>");
  }

  S3Response deleteObjects(String document) {
    return sendDocument("POST", "delete", document);
  }

  S3Response bucketGet(String query) {
    return send("GET", null, query, new byte[0]);
  }

  private static String versionQuery(Optional<String> versionId) {
    return versionId.map(id -> "versionId=" + id).orElse("");
  }

  private S3Response sendDocument(String method, String query, String document) {
    byte[] body = document.getBytes(StandardCharsets.UTF_8);
    return send(method, null, query, body, "Content-MD5",
        Base64.getEncoder().encodeToString(md5(body)));
  }

  /** @param key the object's key, or null for a request to the bucket */
  private S3Response send(String method, String key, String query, byte[] body,
      String... headers) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      pairs.add(Map.entry(headers[i], headers[i + 1]));
    }
    pairs.add(Map.entry("Content-Length", Integer.toString(body.length)));
    String path = "/" + BUCKET + (key == null ? "" : "/" + key);
    return protocol.handle(new RestRequest(method, "localhost", path, query,
        RequestHeaders.of(pairs), body.length, () -> new ByteArrayInputStream(body)),
        new ResponseIds("R", "H"));
  }

  /** The quoted lower-case hex MD5 S3 gives a single PUT of {@code body}. */
  static String etag(String body) {
    return '"' + HexFormat.of().formatHex(md5(body.getBytes(StandardCharsets.UTF_8))) + '"';
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks an error answer: status, code and message. A HEAD's answer has its error document
   * too below HTTP; the server leaves it out.
   */
  static void assertError(S3Response response, int status, String code, String message) {
    assertThat(response.status()).as("status of %s", text(response)).isEqualTo(status);
    ReadElement error = root(response);
    assertThat(error.name()).isEqualTo("Error");
    assertThat(error.child("Code")).as("code of %s", text(response)).hasValue(code);
    assertThat(error.child("Message")).as("message of %s", text(response)).hasValue(message);
  }

  static String text(S3Response response) {
    ByteBuffer body = response.body().duplicate();
    byte[] bytes = new byte[body.remaining()];
    body.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The root element of the response's XML document. */
  static ReadElement root(S3Response response) {
    Element root = parse(response);
    return new ReadElement(root.getTagName(), childTexts(root));
  }

  /** The children of the root element, those named {@code names}, in document order. */
  static List<ReadElement> children(S3Response response, List<String> names) {
    List<ReadElement> found = new ArrayList<>();
    for (Node child = parse(response).getFirstChild(); child != null;
        child = child.getNextSibling()) {
      if (child instanceof Element element && names.contains(element.getTagName())) {
        found.add(new ReadElement(element.getTagName(), childTexts(element)));
      }
    }
    return found;
  }

  private static Map<String, String> childTexts(Element element) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element leaf) {
        texts.putIfAbsent(leaf.getTagName(), leaf.getTextContent());
      }
    }
    return texts;
  }

  private static Element parse(S3Response response) {
    try {
      DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
      return builder.parse(new ByteArrayInputStream(
          text(response).getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not an XML document: " + text(response), e);
    }
  }
}
