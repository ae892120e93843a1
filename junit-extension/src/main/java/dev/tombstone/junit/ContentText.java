package dev.tombstone.junit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How an assertion message shows an object's content: quoted text when it is text, hex bytes
 * when it is not, so a failure report never carries raw control characters.
 */
final class ContentText {
  /** Bytes shown of content that is not text; enough to recognise a format by its header. */
  static final int MAX_HEX_BYTES = 64;

  private ContentText() {}

  /** Content: quoted if it is UTF-8 text without control characters, else hex. */
  static String of(byte[] content) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return hex(content);
    }
    return isText(text) ? "\"" + text + "\"" : hex(content);
  }

  /** An expected text: quoted, its control characters written as Java escapes. */
  static String of(String text) {
    if (isText(text)) {
      return "\"" + text + "\"";
    }
    StringBuilder escaped = new StringBuilder("\"");
    text.chars().forEach(c -> {
      if (isTextChar(c)) {
        escaped.append((char) c);
      } else {
        escaped.append(String.format("\\u%04x", c));
      }
    });
    return escaped.append('"').toString();
  }

  private static boolean isText(String text) {
    return text.chars().allMatch(ContentText::isTextChar);
  }

  private static boolean isTextChar(int c) {
    return !Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t';
  }

  private static String hex(byte[] content) {
    int shown = Math.min(content.length, MAX_HEX_BYTES);
    StringBuilder text = new StringBuilder().append(content.length)
        .append(content.length == 1 ? " byte" : " bytes").append(", not text, ")
        .append(shown < content.length ? "the first " + shown + " in hex: " : "in hex: ");
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : " ").append(String.format("%02x", content[i] & 0xff));
    }
    return text.toString();
  }
}
