package dev.tombstone.internal.s3.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Writes an S3 response document: the XML declaration, a root element (in the S3 namespace
 * unless it is an {@code <Error>}), escaped text, and {@code <Empty/>} for elements without
 * content.
 */
final class XmlWriter {
  static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final StringBuilder out;
  private final Deque<String> open = new ArrayDeque<>();
  private boolean startTagPending;

  private XmlWriter(int expectedChars) {
    out = new StringBuilder(expectedChars);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  }

  /** A document whose root is in the S3 namespace. */
  static XmlWriter document(String root) {
    return document(root, 512);
  }

  /** A document whose root is in the S3 namespace, of about {@code expectedChars}. */
  static XmlWriter document(String root, int expectedChars) {
    XmlWriter writer = new XmlWriter(expectedChars);
    writer.start(root);
    writer.out.append(" xmlns=\"").append(NAMESPACE).append('"');
    return writer;
  }

  /** A document whose root has no namespace ({@code <Error>}). */
  static XmlWriter plainDocument(String root) {
    return new XmlWriter(512).start(root);
  }

  XmlWriter start(String name) {
    closeStartTag();
    out.append('<').append(name);
    open.push(name);
    startTagPending = true;
    return this;
  }

  XmlWriter end() {
    String name = open.pop();
    if (startTagPending) {
      out.append("/>");
      startTagPending = false;
    } else {
      out.append("</").append(name).append('>');
    }
    return this;
  }

  /** An attribute of the element just started. */
  XmlWriter attribute(String name, String value) {
    if (!startTagPending) {
      throw new IllegalStateException("attribute " + name + " outside a start tag");
    }
    out.append(' ').append(name).append("=\"");
    escape(value);
    out.append('"');
    return this;
  }

  /** {@code <name>text</name>}, also for empty text. */
  XmlWriter element(String name, String text) {
    closeStartTag();
    out.append('<').append(name).append('>');
    escape(text);
    out.append("</").append(name).append('>');
    return this;
  }

  /** Text directly inside the open element. */
  XmlWriter text(String text) {
    closeStartTag();
    escape(text);
    return this;
  }

  XmlWriter element(String name, long value) {
    return element(name, Long.toString(value));
  }

  XmlWriter element(String name, boolean value) {
    return element(name, Boolean.toString(value));
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
    int plain = 0;
    while (plain < text.length() && !needsEscape(text.charAt(plain))) {
      plain++;
    }
    if (plain == text.length()) {
      out.append(text);
      return;
    }
    out.append(text, 0, plain);
    for (int i = plain; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c < 0x20) {
            // S3 writes control characters of keys as character references.
            out.append("&#x").append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"';
  }
}
