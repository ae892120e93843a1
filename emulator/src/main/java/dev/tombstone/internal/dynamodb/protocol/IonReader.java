package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Bytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Ion 1.0 text, one top-level value at a time, as far as DynamoDB items need it: nulls,
 * bools, ints and decimals, strings (short and long), symbols, blobs, lists, structs and
 * annotations, with whitespace and {@code //} or block comments anywhere between values. The
 * version marker {@code $ion_1_0} and local symbol tables are skipped. Valid Ion that no DynamoDB
 * type matches (floats, timestamps, clobs, typed nulls) is read as {@link IonValue.Other};
 * S-expressions and symbol ids ({@code $10}) are refused as unsupported. Containers deeper than
 * {@link #MAX_DEPTH} are refused, so hostile text cannot overflow the stack.
 */
final class IonReader {
  static final int MAX_DEPTH = 100;
  private static final String INT = "(?:0|[1-9](?:_?[0-9])*)";
  private static final String FRACTION = "(?:\\.(?:[0-9](?:_?[0-9])*)?)";
  private static final Pattern INTEGER = Pattern.compile("-?" + INT);
  private static final Pattern RADIX_INTEGER =
      Pattern.compile("-?0(?:[xX][0-9a-fA-F](?:_?[0-9a-fA-F])*|[bB][01](?:_?[01])*)");
  private static final Pattern DECIMAL =
      Pattern.compile("-?" + INT + "(?:" + FRACTION + "(?:[dD][+-]?[0-9]+)?|[dD][+-]?[0-9]+)");
  private static final Pattern FLOAT =
      Pattern.compile("-?" + INT + FRACTION + "?[eE][+-]?[0-9]+");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}(?:T|-[0-9]{2}[-T]).*");
  private static final Pattern SYMBOL_ID = Pattern.compile("\\$[0-9]+");

  private final String text;
  private int pos;
  private int depth;

  IonReader(String text) {
    this.text = text;
  }

  /**
   * The next top-level value, or null at the end of the text.
   *
   * @throws IonSyntaxException when the text is not Ion this reader reads
   */
  IonValue next() {
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        return null;
      }
      if (isIdentifierStart(peek())) {
        int start = pos;
        String word = identifier();
        if (word.equals("$ion_1_0")) {
          continue;
        }
        if (word.startsWith("$ion_") && word.matches("\\$ion_[0-9]+_[0-9]+")) {
          throw error("Ion version " + word.substring(5) + " is not read: only $ion_1_0", start);
        }
        pos = start;
      }
      IonValue value = value();
      if (value instanceof IonValue.Annotated annotated
          && annotated.annotations().get(0).equals("$ion_symbol_table")) {
        continue;
      }
      return value;
    }
  }

  private IonValue value() {
    List<String> annotations = new ArrayList<>();
    while (true) {
      skipSpace();
      char c = peek();
      if (!isIdentifierStart(c) && !(c == '\'' && !text.startsWith("'''", pos))) {
        return annotate(annotations, bareValue());
      }
      int start = pos;
      boolean quoted = c == '\'';
      String symbol = quoted ? quoted('\'') : identifier();
      skipSpace();
      if (text.startsWith("::", pos)) {
        pos += 2;
        annotations.add(symbolText(symbol, quoted, start));
        continue;
      }
      return annotate(annotations, quoted ? new IonValue.Symbol(symbol) : keyword(symbol, start));
    }
  }

  private static IonValue annotate(List<String> annotations, IonValue value) {
    return annotations.isEmpty() ? value : new IonValue.Annotated(annotations, value);
  }

  private IonValue keyword(String word, int start) {
    switch (word) {
      case "true" -> {
        return new IonValue.Bool(true);
      }
      case "false" -> {
        return new IonValue.Bool(false);
      }
      case "nan" -> {
        return new IonValue.Other("float");
      }
      case "null" -> {
        if (pos < text.length() && text.charAt(pos) == '.') {
          pos++;
          if (!isIdentifierStart(peek())) {
            throw error("A type name must follow null.", pos);
          }
          String type = identifier();
          return type.equals("null") ? new IonValue.Null() : new IonValue.Other("null." + type);
        }
        return new IonValue.Null();
      }
      default -> {
        return new IonValue.Symbol(symbolText(word, false, start));
      }
    }
  }

  private String symbolText(String symbol, boolean quoted, int start) {
    if (!quoted && SYMBOL_ID.matcher(symbol).matches()) {
      throw error("Symbol ids such as " + symbol + " are not read: write the symbol's text",
          start);
    }
    return symbol;
  }

  private IonValue bareValue() {
    int start = pos;
    char c = peek();
    if (c == '"') {
      return new IonValue.Str(quoted('"'));
    }
    if (c == '\'') {
      return new IonValue.Str(longStrings());
    }
    if (c == '[') {
      return list();
    }
    if (c == '{') {
      return text.startsWith("{{", pos) ? lob() : struct();
    }
    if (c == '(') {
      throw error("S-expressions are not read", start);
    }
    if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (pos >= text.length()) {
      throw error("The text ends where a value was expected", start);
    }
    throw error("Unexpected character '" + c + "'", start);
  }

  private IonValue list() {
    int start = pos;
    enter(start);
    pos++;
    List<IonValue> values = new ArrayList<>();
    skipSpace();
    while (peek() != ']') {
      values.add(value());
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
      } else if (peek() != ']') {
        throw error("Expected ',' or ']' in a list", pos);
      }
    }
    pos++;
    depth--;
    return new IonValue.ListValue(values);
  }

  private IonValue struct() {
    int start = pos;
    enter(start);
    pos++;
    List<IonValue.Field> fields = new ArrayList<>();
    skipSpace();
    while (peek() != '}') {
      String name = fieldName();
      skipSpace();
      if (peek() != ':' || text.startsWith("::", pos)) {
        throw error("Expected ':' after the field name " + name, pos);
      }
      pos++;
      fields.add(new IonValue.Field(name, value()));
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
      } else if (peek() != '}') {
        throw error("Expected ',' or '}' in a struct", pos);
      }
    }
    pos++;
    depth--;
    return new IonValue.Struct(fields);
  }

  private String fieldName() {
    int start = pos;
    char c = peek();
    if (c == '"') {
      return quoted('"');
    }
    if (c == '\'') {
      return text.startsWith("'''", pos) ? longStrings() : quoted('\'');
    }
    if (isIdentifierStart(c)) {
      return symbolText(identifier(), false, start);
    }
    throw error(pos >= text.length() ? "The text ends inside a struct"
        : "Expected a field name, found '" + c + "'", start);
  }

  private void enter(int start) {
    if (++depth > MAX_DEPTH) {
      throw error("Containers are nested deeper than " + MAX_DEPTH + " levels", start);
    }
  }

  /** A blob, or a clob (read as {@link IonValue.Other}); the position is at {@code {{}. */
  private IonValue lob() {
    int start = pos;
    pos += 2;
    skipWhitespace();
    if (peek() == '"' || peek() == '\'') {
      if (peek() == '"') {
        quoted('"');
      } else {
        longStrings();
      }
      skipWhitespace();
      closeLob(start);
      return new IonValue.Other("clob");
    }
    StringBuilder base64 = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != '}') {
      char c = text.charAt(pos++);
      if (isWhitespace(c)) {
        continue;
      }
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
          || c == '/' || c == '=')) {
        throw error("A blob holds Base64 only, found '" + c + "'", pos - 1);
      }
      base64.append(c);
    }
    closeLob(start);
    if (base64.length() % 4 != 0) {
      throw error("A blob's Base64 must be padded to a multiple of 4 characters", start);
    }
    try {
      return new IonValue.Blob(Bytes.of(Base64.getDecoder().decode(base64.toString())));
    } catch (IllegalArgumentException e) {
      throw error("A blob's Base64 is not valid", start);
    }
  }

  private void closeLob(int start) {
    if (!text.startsWith("}}", pos)) {
      throw error("A blob or clob must end with }}", start);
    }
    pos += 2;
  }

  private IonValue number() {
    int start = pos;
    while (pos < text.length() && isNumberPart(text.charAt(pos))) {
      pos++;
    }
    String token = text.substring(start, pos);
    if (token.equals("+inf") || token.equals("-inf")) {
      return new IonValue.Other("float");
    }
    if (TIMESTAMP.matcher(token).matches()) {
      return new IonValue.Other("timestamp");
    }
    String digits = token.replace("_", "");
    if (INTEGER.matcher(token).matches()) {
      return new IonValue.Decimal(new BigDecimal(digits));
    }
    if (RADIX_INTEGER.matcher(token).matches()) {
      boolean negative = digits.startsWith("-");
      String unsigned = negative ? digits.substring(1) : digits;
      int radix = Character.toLowerCase(unsigned.charAt(1)) == 'x' ? 16 : 2;
      BigInteger value = new BigInteger(unsigned.substring(2), radix);
      return new IonValue.Decimal(new BigDecimal(negative ? value.negate() : value));
    }
    if (DECIMAL.matcher(token).matches()) {
      try {
        return new IonValue.Decimal(new BigDecimal(digits.replace('d', 'e').replace('D', 'e')));
      } catch (NumberFormatException e) {
        return new IonValue.Other("decimal beyond the range Java reads");
      }
    }
    if (FLOAT.matcher(token).matches()) {
      return new IonValue.Other("float");
    }
    throw error("Not an Ion number: " + token, start);
  }

  private static boolean isNumberPart(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
        || c == '.' || c == '+' || c == '-' || c == ':';
  }

  /** One or more long strings ({@code '''...'''}), joined, with space between them. */
  private String longStrings() {
    StringBuilder joined = new StringBuilder();
    do {
      int start = pos;
      pos += 3;
      while (!text.startsWith("'''", pos)) {
        if (pos >= text.length()) {
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
    } while (text.startsWith("'''", pos));
    return joined.toString();
  }

  /** A string or quoted symbol closed by {@code quote}; the position is at the opening one. */
  private String quoted(char quote) {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
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
    if (pos >= text.length()) {
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
        if (pos < text.length() && text.charAt(pos) == '\n') {
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

  private String identifier() {
    int start = pos;
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isIdentifierStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || c >= '0' && c <= '9';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\uFFFF';
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
  }

  private void skipWhitespace() {
    while (pos < text.length() && isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /** Skips whitespace and comments. */
  private void skipSpace() {
    while (true) {
      skipWhitespace();
      if (text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
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

  private IonSyntaxException error(String problem, int at) {
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
