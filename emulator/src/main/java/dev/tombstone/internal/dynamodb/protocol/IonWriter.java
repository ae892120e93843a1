package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Bytes;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes Ion text scalars as Amazon's ion-java text writer (UTF-8) writes them, which is what
 * DynamoDB's Ion exports show: symbols unquoted when they are identifiers and no keyword,
 * strings with ion-java's escapes (control characters, {@code \}, the quote, and DEL; other
 * characters as UTF-8), decimals by their unscaled digits ({@code 103.}, {@code 6d2},
 * {@code 1.5}, {@code 1d-3}), blobs as {@code {{base64}}}.
 */
final class IonWriter {
  private IonWriter() {}

  /** A symbol, such as a field name or an annotation: {@code Item}, {@code 'first name'}. */
  static void symbol(StringBuilder out, String text) {
    if (isPlainIdentifier(text)) {
      out.append(text);
    } else {
      out.append('\'');
      escaped(out, text, '\'');
      out.append('\'');
    }
  }

  /** A string: {@code "a \"quoted\" word"}. */
  static void string(StringBuilder out, String text) {
    out.append('"');
    escaped(out, text, '"');
    out.append('"');
  }

  /**
   * A decimal, its trailing zeros dropped first, as ion-java prints one: a whole number
   * {@code 103.}, a fraction {@code 1.5}, digits times a power of ten {@code 6d2} or
   * {@code 5d-1}.
   */
  static void decimal(StringBuilder out, BigDecimal number) {
    BigDecimal value = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    BigInteger unscaled = value.unscaledValue();
    if (unscaled.signum() < 0) {
      out.append('-');
      unscaled = unscaled.negate();
    }
    String digits = unscaled.toString();
    int scale = value.scale();
    if (scale == 0) {
      out.append(digits).append('.');
    } else if (scale > 0) {
      int whole = digits.length() > scale ? digits.length() - scale : 1;
      int remainingScale = digits.length() > scale ? 0 : scale - digits.length() + 1;
      out.append(digits, 0, whole);
      if (whole < digits.length()) {
        out.append('.').append(digits, whole, digits.length());
      }
      if (remainingScale != 0) {
        out.append("d-").append(remainingScale);
      }
    } else {
      out.append(digits).append('d').append(-scale);
    }
  }

  /** A blob: {@code {{aGk=}}}. */
  static void blob(StringBuilder out, Bytes bytes) {
    out.append("{{").append(bytes.toBase64()).append("}}");
  }

  private static boolean isPlainIdentifier(String text) {
    if (text.isEmpty() || text.equals("null") || text.equals("true") || text.equals("false")
        || text.equals("nan") || text.matches("\\$[0-9]+")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static void escaped(StringBuilder out, String text, char quote) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\0' -> out.append("\\0");
        case '\u0007' -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\u000B' -> out.append("\\v");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c == quote) {
            out.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7F) {
            out.append(String.format("\\x%02x", (int) c));
          } else if (Character.isSurrogate(c) && !pairedSurrogate(text, i)) {
            // A lone surrogate has no UTF-8 form; its escape keeps the text it came as.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static boolean pairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
