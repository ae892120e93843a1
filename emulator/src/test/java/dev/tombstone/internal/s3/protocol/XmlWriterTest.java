package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte writer against the character writer it replaced (kept below as the reference):
 * random documents of random text, ASCII and not, markup characters, control characters,
 * surrogate pairs and unpaired surrogates, byte for byte.
 */
class XmlWriterTest {
  private static final List<String> NAMES = List.of("Deleted", "Key", "VersionId", "Error",
      "Code", "Message", "Contents", "Owner", "ID");
  private static final String PIECES = "aZ09 /._-&<>\"'\t\n\r\u0001\u001f\u007f\u00e9\u07ff"
      + "\u0800\u20ac\uffff\ud83d\ude00\ud83d\ude00\ud800\udc00";

  @Test
  void randomDocuments_areByteForByteWhatTheCharacterWriterWrote() {
    Random random = new Random(17);
    for (int n = 0; n < 20_000; n++) {
      boolean plain = random.nextInt(5) == 0;
      String root = NAMES.get(random.nextInt(NAMES.size()));
      XmlWriter writer = plain ? XmlWriter.plainDocument(root) : XmlWriter.document(root, 16);
      Reference reference = new Reference(plain, root);
      int depth = 1;
      boolean justStarted = true;
      int steps = random.nextInt(12);
      for (int step = 0; step < steps; step++) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String text = text(random);
        switch (random.nextInt(5)) {
          case 0 -> {
            if (random.nextBoolean()) {
              writer.start(name);
              reference.start(name);
              depth++;
              justStarted = true;
              continue;
            }
            // A start from a tag is complete at once: no attribute, never <name/>.
            writer.start(new XmlWriter.Tag(name));
            reference.start(name);
            reference.text("");
            depth++;
          }
          case 1 -> {
            if (depth > 1) {
              writer.end();
              reference.end();
              depth--;
            }
          }
          case 2 -> {
            if (justStarted) {
              writer.attribute(name, text);
              reference.attribute(name, text);
              continue;
            }
          }
          case 3 -> {
            writer.text(text);
            reference.text(text);
          }
          default -> {
            if (random.nextBoolean()) {
              writer.element(name, text);
            } else {
              writer.element(new XmlWriter.Tag(name), text);
            }
            reference.element(name, text);
          }
        }
        justStarted = false;
      }
      assertThat(new String(writer.toBytes(), StandardCharsets.ISO_8859_1))
          .isEqualTo(new String(reference.toBytes(), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void anElementStartedFromATag_endsWithAnEndTagEvenWhenEmpty() {
    XmlWriter writer = XmlWriter.document("DeleteResult");
    writer.start(new XmlWriter.Tag("Deleted")).end().start("Error").end();

    assertThat(new String(writer.toBytes(), StandardCharsets.UTF_8))
        .endsWith("><Deleted></Deleted><Error/></DeleteResult>");
  }

  @Test
  void aDeletedEntry_readsAsS3WritesIt() {
    XmlWriter writer = XmlWriter.document("DeleteResult");
    writer.start("Deleted").element("Key", "a&b <c>\u0001\u00e9\ud83d\ude00").end();

    assertThat(new String(writer.toBytes(), StandardCharsets.UTF_8)).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DeleteResult xmlns=\""
            + XmlWriter.NAMESPACE + "\"><Deleted><Key>a&amp;b &lt;c&gt;&#x1;\u00e9\ud83d\ude00"
            + "</Key></Deleted></DeleteResult>");
  }

  @Test
  void toBuffer_holdsTheSameBytesAsToBytes_andClosesOpenElements() {
    XmlWriter buffered = XmlWriter.document("DeleteResult", 16);
    XmlWriter copied = XmlWriter.document("DeleteResult", 16);
    for (XmlWriter writer : List.of(buffered, copied)) {
      for (int i = 0; i < 50; i++) {
        writer.start("Deleted").element("Key", "key-" + i + "-\u00e9").end();
      }
      writer.start("Error").element("Code", "AccessDenied");
    }

    ByteBuffer buffer = buffered.toBuffer();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);

    assertThat(bytes).isEqualTo(copied.toBytes());
    assertThat(new String(bytes, StandardCharsets.UTF_8)).endsWith("</Error></DeleteResult>");
  }

  /**
   * Random text. Never a high surrogate last or a low one first: the old writer joined such
   * halves of two consecutive texts into one character, by accident of encoding the whole
   * document at once; each text is now encoded alone and its halves become {@code ?}.
   */
  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      text.append(PIECES.charAt(random.nextInt(PIECES.length())));
    }
    if (length > 0 && Character.isLowSurrogate(text.charAt(0))) {
      text.setCharAt(0, 'x');
    }
    if (length > 0 && Character.isHighSurrogate(text.charAt(length - 1))) {
      text.setCharAt(length - 1, 'x');
    }
    return text.toString();
  }

  /** The writer as it was: a character buffer, its string, the string's UTF-8 bytes. */
  private static final class Reference {
    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private boolean startTagPending;

    Reference(boolean plain, String root) {
      out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      start(root);
      if (!plain) {
        out.append(" xmlns=\"").append(XmlWriter.NAMESPACE).append('"');
      }
    }

    void start(String name) {
      closeStartTag();
      out.append('<').append(name);
      open.push(name);
      startTagPending = true;
    }

    void end() {
      String name = open.pop();
      if (startTagPending) {
        out.append("/>");
        startTagPending = false;
      } else {
        out.append("</").append(name).append('>');
      }
    }

    void attribute(String name, String value) {
      out.append(' ').append(name).append("=\"");
      escape(value);
      out.append('"');
    }

    void element(String name, String text) {
      closeStartTag();
      out.append('<').append(name).append('>');
      escape(text);
      out.append("</").append(name).append('>');
    }

    void text(String text) {
      closeStartTag();
      escape(text);
    }

    byte[] toBytes() {
      while (!open.isEmpty()) {
        end();
      }
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void closeStartTag() {
      if (startTagPending) {
        out.append('>');
        startTagPending = false;
      }
    }

    private void escape(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '"' -> out.append("&quot;");
          default -> {
            if (c < 0x20) {
              out.append("&#x").append(Integer.toHexString(c).toUpperCase(Locale.ROOT))
                  .append(';');
            } else {
              out.append(c);
            }
          }
        }
      }
    }
  }
}
