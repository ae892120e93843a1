package dev.tombstone.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which XML documents the JDK's StAX parser would read as UTF-8 and find malformed. That parser
 * refuses them, but also prints {@code [Fatal Error] :-1:-1: Invalid byte 2 of 2-byte UTF-8
 * sequence.} to standard error, which no property of its factory turns off; a server must not
 * write a line to its user's console for every bad request body, so such documents are refused
 * before the parser sees them. Internal: used by the S3 protocol and the fault layer.
 */
public final class XmlEncoding {
  // Room enough for an XML declaration with an encoding, however it is spaced.
  private static final int DECLARATION_SCAN = 256;

  private XmlEncoding() {}

  /**
   * Whether the parser would decode {@code document} as UTF-8 (no UTF-16 or UTF-32 byte order
   * or shape, no other encoding declared) and its bytes are not well-formed UTF-8.
   */
  public static boolean malformedUtf8(byte[] document) {
    if (isAscii(document) || !readAsUtf8(document)) {
      return false;
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(document));
      return false;
    } catch (CharacterCodingException e) {
      return true;
    }
  }

  private static boolean isAscii(byte[] document) {
    for (byte b : document) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean readAsUtf8(byte[] document) {
    if (document.length >= 2 && (document[0] == 0 || document[1] == 0
        || (document[0] & 0xFF) == 0xFE || (document[0] & 0xFF) == 0xFF)) {
      return false; // UTF-16 or UTF-32, by byte order mark or by a zero byte around '<'
    }
    String head = new String(document, 0, Math.min(document.length, DECLARATION_SCAN),
        StandardCharsets.ISO_8859_1);
    int start = head.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
    if (!head.startsWith("<?xml", start)) {
      return true;
    }
    int end = head.indexOf("?>", start);
    String declaration = end < 0 ? head.substring(start) : head.substring(start, end);
    int encoding = declaration.indexOf("encoding");
    if (encoding < 0) {
      return true;
    }
    int quote = indexOfQuote(declaration, encoding);
    if (quote < 0) {
      return true;
    }
    int close = declaration.indexOf(declaration.charAt(quote), quote + 1);
    String name = close < 0 ? "" : declaration.substring(quote + 1, close);
    return name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8");
  }

  private static int indexOfQuote(String declaration, int from) {
    for (int i = from; i < declaration.length(); i++) {
      char c = declaration.charAt(i);
      if (c == '"' || c == '\'') {
        return i;
      }
    }
    return -1;
  }
}
