package dev.tombstone.internal.dynamodb.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Reads the JSON that SDKs send without Jackson: strict RFC 8259 in ASCII, that is objects,
 * arrays, strings with the standard escapes (no surrogate escape in a member name), numbers,
 * {@code true}, {@code false}, {@code null} and the four whitespace bytes, up to 1 MiB, 64
 * levels deep, numbers up to 100 characters.
 *
 * <p>Anything else (a byte of 0x80 or more, a control byte, a grammar mistake of any kind, a
 * document past those limits) makes {@link #scan} return null, and the caller parses the
 * document with Jackson, which also gives every error. So this scanner decides nothing Jackson
 * would decide differently: it builds the same tree, member order included, and only saves
 * Jackson's per-request setup on the documents it reads.
 */
final class JsonScanner {
  static final int MAX_LENGTH = 1 << 20;
  static final int MAX_DEPTH = 64;
  static final int MAX_NUMBER_LENGTH = 100;

  private static final Json.Bool TRUE = new Json.Bool(true);
  private static final Json.Bool FALSE = new Json.Bool(false);
  private static final byte[] TRUE_LITERAL = ascii("true");
  private static final byte[] FALSE_LITERAL = ascii("false");
  private static final byte[] NULL_LITERAL = ascii("null");

  private final byte[] in;
  private final JsonStack stack = new JsonStack();
  private int at;
  private int depth;

  private JsonScanner(byte[] in) {
    this.in = in;
  }

  /** The document's tree, or null when it is not of the kind this scanner reads. */
  static Json scan(byte[] body) {
    if (body.length > MAX_LENGTH) {
      return null;
    }
    return new JsonScanner(body).document();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** One value between optional whitespace, and nothing else; null otherwise. */
  private Json document() {
    skipSpace();
    Json value = value();
    skipSpace();
    return at == in.length ? value : null;
  }

  /** The value starting here, or null. */
  private Json value() {
    if (at == in.length) {
      return null;
    }
    byte b = in[at];
    return switch (b) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> stringValue();
      case 't' -> literal(TRUE_LITERAL, TRUE);
      case 'f' -> literal(FALSE_LITERAL, FALSE);
      case 'n' -> literal(NULL_LITERAL, Json.Null.INSTANCE);
      default -> b == '-' || isDigit(b) ? number() : null;
    };
  }

  private Json object() {
    if (++depth > MAX_DEPTH) {
      return null;
    }
    at++;
    int start = stack.open();
    skipSpace();
    if (!expect('}')) {
      do {
        if (!member()) {
          return null;
        }
      } while (expect(','));
      if (!expect('}')) {
        return null;
      }
    }
    depth--;
    return new Json.Obj(stack.closeObject(start));
  }

  /** Pushes the member here, with the whitespace around it, onto the stack; or false. */
  private boolean member() {
    skipSpace();
    String name = at < in.length && in[at] == '"' ? string(true) : null;
    skipSpace();
    if (name == null || !expect(':')) {
      return false;
    }
    skipSpace();
    Json value = value();
    if (value == null) {
      return false;
    }
    stack.member(name, value);
    skipSpace();
    return true;
  }

  private Json array() {
    if (++depth > MAX_DEPTH) {
      return null;
    }
    at++;
    int start = stack.open();
    skipSpace();
    if (!expect(']')) {
      do {
        skipSpace();
        Json element = value();
        if (element == null) {
          return null;
        }
        stack.element(element);
        skipSpace();
      } while (expect(','));
      if (!expect(']')) {
        return null;
      }
    }
    depth--;
    return new Json.Arr(stack.closeArray(start));
  }

  private Json stringValue() {
    String text = string(false);
    return text == null ? null : new Json.Str(text);
  }

  /** The string whose opening quote is here, or null. */
  private String string(boolean name) {
    int start = ++at;
    while (at < in.length) {
      byte b = in[at];
      if (b == '"') {
        at++;
        return new String(in, start, at - 1 - start, StandardCharsets.ISO_8859_1);
      }
      if (b == '\\') {
        return escapedString(start, name);
      }
      if (isControlOrNotAscii(b)) {
        return null;
      }
      at++;
    }
    return null;
  }

  /**
   * The rest of a string that has escapes; its first {@code at - start} bytes are plain. In
   * names Jackson refuses a surrogate that is not half of a pair, so a name with any surrogate
   * escape is left to it; in values it keeps any surrogate as written, and so does this.
   */
  private String escapedString(int start, boolean name) {
    StringBuilder text = new StringBuilder(at - start + 16);
    text.append(new String(in, start, at - start, StandardCharsets.ISO_8859_1));
    while (at < in.length) {
      byte b = in[at++];
      if (b == '"') {
        return text.toString();
      }
      if (isControlOrNotAscii(b)) {
        return null;
      }
      if (b != '\\') {
        text.append((char) b);
        continue;
      }
      int escaped = escape();
      if (escaped < 0 || (name && Character.isSurrogate((char) escaped))) {
        return null;
      }
      text.append((char) escaped);
    }
    return null;
  }

  /** The char an escape stands for (after its backslash), or -1. A surrogate stays as it is. */
  private int escape() {
    if (at == in.length) {
      return -1;
    }
    return switch (in[at++]) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> -1;
    };
  }

  /** The four hex digits of a u escape, either case, as a char, or -1. */
  private int unicodeEscape() {
    if (in.length - at < 4) {
      return -1;
    }
    int c = 0;
    for (int i = 0; i < 4; i++) {
      int digit = hexValue(in[at++]);
      if (digit < 0) {
        return -1;
      }
      c = c << 4 | digit;
    }
    return c;
  }

  /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, or null. */
  private Json number() {
    int start = at;
    expect('-');
    if (!expect('0') && skipDigits() == 0) {
      return null;
    }
    boolean integral = true;
    if (expect('.')) {
      integral = false;
      if (skipDigits() == 0) {
        return null;
      }
    }
    if (expect('e') || expect('E')) {
      integral = false;
      if (!expect('+')) {
        expect('-');
      }
      if (skipDigits() == 0) {
        return null;
      }
    }
    int length = at - start;
    if (length > MAX_NUMBER_LENGTH) {
      return null;
    }
    return new Json.Num(new String(in, start, length, StandardCharsets.ISO_8859_1), integral);
  }

  /**
   * {@code literal} and its value, or null. What follows it is left to the grammar: only
   * whitespace, a comma, a closing bracket or the end may follow a value, so {@code truex}
   * (one token to Jackson) is declined too.
   */
  private Json literal(byte[] literal, Json value) {
    if (in.length - at < literal.length) {
      return null;
    }
    for (int i = 0; i < literal.length; i++) {
      if (in[at + i] != literal[i]) {
        return null;
      }
    }
    at += literal.length;
    return value;
  }

  private int skipDigits() {
    int start = at;
    while (at < in.length && isDigit(in[at])) {
      at++;
    }
    return at - start;
  }

  private void skipSpace() {
    at = JsonBytes.skipSpace(in, at);
  }

  private boolean expect(char c) {
    if (at < in.length && in[at] == c) {
      at++;
      return true;
    }
    return false;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Bytes below 0x20, and bytes of 0x80 and up, which are negative as Java bytes. */
  private static boolean isControlOrNotAscii(byte b) {
    return b < 0x20;
  }

  private static int hexValue(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
