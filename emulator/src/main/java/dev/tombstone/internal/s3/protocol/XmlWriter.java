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

  private final StringBuilder out = new StringBuilder(512);
  private final Deque<String> open = new ArrayDeque<>();
  private boolean startTagPending;

  private XmlWriter() {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  }

  /** A document whose root is in the S3 namespace. */
  static XmlWriter document(String root) {
    XmlWriter writer = new XmlWriter();
    writer.start(root);
    writer.out.append(" xmlns=\"").append(NAMESPACE).append('"');
    return writer;
  }

  /** A document whose root has no namespace ({@code <Error>}). */
  static XmlWriter plainDocument(String root) {
    return new XmlWriter().start(root);
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
    for (int i = 0; i < text.length(); i++) {
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
}
