package dev.tombstone.internal.dynamodb.protocol;

/**
 * A position in Ion text and the character-level reading {@link IonReader} builds on:
 * whitespace and comments, identifiers, quoted text with Ion's escapes, and errors that name
 * their line and column.
 */
final class IonCursor {
  /** What {@link #peek()} answers at the end of the text: no Ion token starts with it. */
  static final char END = '\uFFFF';

  private final String text;
  private int pos;

  IonCursor(String text) {
    this.text = text;
  }

  int position() {
    return pos;
  }

  void moveTo(int position) {
    pos = position;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  char peek() {
    return pos < text.length() ? text.charAt(pos) : END;
  }

  /** The current character, the position moved past it. */
  char take() {
    return text.charAt(pos++);
  }

  boolean startsWith(String prefix) {
    return text.startsWith(prefix, pos);
  }

  void skip(int characters) {
    pos += characters;
  }

  /** The text from {@code start} to the current position. */
  String since(int start) {
    return text.substring(start, pos);
  }

  static boolean isIdentifierStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || c >= '0' && c <= '9';
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
  }

  String identifier() {
    int start = pos;
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  void skipWhitespace() {
    while (pos < text.length() && isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /** Skips whitespace and comments. */
  void skipSpace() {
    while (true) {
      skipWhitespace();
      if (startsWith("//")) {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          pos++;
        }
      } else if (startsWith("/*")) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("A block comment is not closed", pos);
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  /** One or more long strings ({@code '''...'''}), joined, with space between them. */
  String longStrings() {
    StringBuilder joined = new StringBuilder();
    do {
      int start = pos;
      pos += 3;
      while (!startsWith("'''")) {
        if (atEnd()) {
          throw error("A long string is not closed", start);
        }
        char c = text.charAt(pos++);
        if (c == '\\') {
          escape(joined, pos - 1);
        } else {
          joined.append(c);
        }
      }
      pos += 3;
      skipSpace();
    } while (startsWith("'''"));
    return joined.toString();
  }

  /** A string or quoted symbol closed by {@code quote}; the position is at the opening one. */
  String quoted(char quote) {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error((quote == '"' ? "A string" : "A quoted symbol") + " is not closed", start);
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        return value.toString();
      }
      if (c == '\\') {
        escape(value, pos - 1);
      } else if (c == '\n' || c == '\r') {
        throw error("A line break must be escaped inside quotes", pos - 1);
      } else {
        value.append(c);
      }
    }
  }

  /** Appends what the escape after a backslash (at {@code at}) stands for. */
  private void escape(StringBuilder value, int at) {
    if (atEnd()) {
      throw error("The text ends inside an escape", at);
    }
    char c = text.charAt(pos++);
    switch (c) {
      case 'a' -> value.append('\u0007');
      case 'b' -> value.append('\b');
      case 't' -> value.append('\t');
      case 'n' -> value.append('\n');
      case 'f' -> value.append('\f');
      case 'r' -> value.append('\r');
      case 'v' -> value.append('\u000B');
      case '0' -> value.append('\0');
      case '?', '\'', '"', '/', '\\' -> value.append(c);
      case 'x' -> value.appendCodePoint(hex(2, at));
      case 'u' -> value.appendCodePoint(hex(4, at));
      case 'U' -> {
        int codePoint = hex(8, at);
        if (!Character.isValidCodePoint(codePoint)) {
          throw error("\\U" + Integer.toHexString(codePoint) + " is not a code point", at);
        }
        value.appendCodePoint(codePoint);
      }
      case '\n' -> { }
      case '\r' -> {
        if (peek() == '\n') {
          pos++;
        }
      }
      default -> throw error("Unknown escape \\" + c, at);
    }
  }

  private int hex(int digits, int at) {
    if (pos + digits > text.length()) {
      throw error("The text ends inside an escape", at);
    }
    String hex = text.substring(pos, pos + digits);
    if (!hex.chars().allMatch(d -> Character.digit(d, 16) >= 0)) {
      throw error("Not a hex escape: " + text.substring(at, pos + digits), at);
    }
    pos += digits;
    return (int) Long.parseLong(hex, 16);
  }

  /** The error {@code problem} at position {@code at}, by line and column. */
  IonSyntaxException error(String problem, int at) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new IonSyntaxException(problem, line, at - lineStart + 1);
  }
}
