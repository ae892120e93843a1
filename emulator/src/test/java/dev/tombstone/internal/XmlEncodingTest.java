package dev.tombstone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlEncodingTest {
  static final String DOCUMENT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete><Object>"
      + "<Key>caf\u00e9/\u20ac</Key></Object></Delete>";

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] withBadByte(String text) {
    byte[] bytes = utf8(text);
    int at = text.indexOf("</Key>");
    bytes[at] = (byte) 0xC3; // a lead byte followed by '/': not UTF-8
    return bytes;
  }

  @Test
  void wellFormedDocuments_areLeftToTheParser() {
    assertThat(XmlEncoding.malformedUtf8(utf8("<Delete/>"))).isFalse();
    assertThat(XmlEncoding.malformedUtf8(utf8(DOCUMENT))).isFalse();
    assertThat(XmlEncoding.malformedUtf8(new byte[0])).isFalse();
  }

  @Test
  void malformedUtf8_isFound_declaredOrNot_withOrWithoutAByteOrderMark() {
    assertThat(XmlEncoding.malformedUtf8(withBadByte("<Key>x</Key>"))).isTrue();
    assertThat(XmlEncoding.malformedUtf8(withBadByte(DOCUMENT))).isTrue();
    assertThat(XmlEncoding.malformedUtf8(withBadByte(
        "<?xml version='1.0' encoding='utf8' ?><Key>x</Key>"))).isTrue();
    assertThat(XmlEncoding.malformedUtf8(withBadByte("\uFEFF<Key>x</Key>"))).isTrue();
    assertThat(XmlEncoding.malformedUtf8(new byte[] {'<', 'a', '>', (byte) 0xE2, (byte) 0x82}))
        .isTrue();
  }

  @Test
  void documentsInOtherEncodings_areLeftToTheParser() {
    assertThat(XmlEncoding.malformedUtf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\u00e9</a>"
        .getBytes(StandardCharsets.ISO_8859_1))).isFalse();
    assertThat(XmlEncoding.malformedUtf8("<a>\u00e9</a>".getBytes(StandardCharsets.UTF_16)))
        .isFalse();
    assertThat(XmlEncoding.malformedUtf8("<a>\u00e9</a>".getBytes(StandardCharsets.UTF_16LE)))
        .isFalse();
  }

  /** Whatever it flags, the JDK's parser refuses too, so only the console line goes away. */
  @Test
  void everyDocumentItFlags_theParserRefuses() {
    Random random = new Random(25);
    PrintStream console = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    int flagged = 0;
    try {
      for (int i = 0; i < 5_000; i++) {
        byte[] document = utf8(DOCUMENT);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
          document = RandomEdits.edit(document, random, () -> 0x80 + random.nextInt(0x80));
        }
        if (XmlEncoding.malformedUtf8(document)) {
          flagged++;
          assertThat(parses(document)).as("flagged, yet parsed: %s", new String(document,
              StandardCharsets.ISO_8859_1)).isFalse();
        }
      }
    } finally {
      System.setErr(console);
    }
    assertThat(flagged).isGreaterThan(1_000);
  }

  static boolean parses(byte[] document) {
    try {
      XMLStreamReader reader = XMLInputFactory.newDefaultFactory()
          .createXMLStreamReader(new ByteArrayInputStream(document));
      while (reader.hasNext()) {
        reader.next();
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
