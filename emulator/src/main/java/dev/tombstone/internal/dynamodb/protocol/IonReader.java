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
  private static final Pattern VERSION_MARKER = Pattern.compile("\\$ion_[0-9]+_[0-9]+");

  private final IonCursor in;
  private int depth;

  IonReader(String text) {
    this.in = new IonCursor(text);
  }

  /**
   * The next top-level value, or null at the end of the text.
   *
   * @throws IonSyntaxException when the text is not Ion this reader reads
   */
  IonValue next() {
    while (true) {
      in.skipSpace();
      if (in.atEnd()) {
        return null;
      }
      if (IonCursor.isIdentifierStart(in.peek())) {
        int start = in.position();
        String word = in.identifier();
        if (word.equals("$ion_1_0")) {
          continue;
        }
        if (VERSION_MARKER.matcher(word).matches()) {
          throw in.error("Ion version " + word.substring(5) + " is not read: only $ion_1_0",
              start);
        }
        in.moveTo(start);
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
      in.skipSpace();
      char c = in.peek();
      if (!IonCursor.isIdentifierStart(c) && !(c == '\'' && !in.startsWith("'''"))) {
        return annotate(annotations, bareValue());
      }
      int start = in.position();
      boolean quoted = c == '\'';
      String symbol = quoted ? in.quoted('\'') : in.identifier();
      in.skipSpace();
      if (in.startsWith("::")) {
        in.skip(2);
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
        if (in.peek() == '.') {
          in.skip(1);
          if (!IonCursor.isIdentifierStart(in.peek())) {
            throw in.error("A type name must follow null.", in.position());
          }
          String type = in.identifier();
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
      throw in.error("Symbol ids such as " + symbol + " are not read: write the symbol's text",
          start);
    }
    return symbol;
  }

  private IonValue bareValue() {
    int start = in.position();
    char c = in.peek();
    if (c == '"') {
      return new IonValue.Str(in.quoted('"'));
    }
    if (c == '\'') {
      return new IonValue.Str(in.longStrings());
    }
    if (c == '[') {
      return list();
    }
    if (c == '{') {
      return in.startsWith("{{") ? lob() : struct();
    }
    if (c == '(') {
      throw in.error("S-expressions are not read", start);
    }
    if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (in.atEnd()) {
      throw in.error("The text ends where a value was expected", start);
    }
    throw in.error("Unexpected character '" + c + "'", start);
  }

  private IonValue list() {
    enter();
    List<IonValue> values = new ArrayList<>();
    in.skipSpace();
    while (in.peek() != ']') {
      values.add(value());
      separator(']', "Expected ',' or ']' in a list");
    }
    in.skip(1);
    depth--;
    return new IonValue.ListValue(values);
  }

  private IonValue struct() {
    enter();
    List<IonValue.Field> fields = new ArrayList<>();
    in.skipSpace();
    while (in.peek() != '}') {
      String name = fieldName();
      in.skipSpace();
      if (in.peek() != ':' || in.startsWith("::")) {
        throw in.error("Expected ':' after the field name " + name, in.position());
      }
      in.skip(1);
      fields.add(new IonValue.Field(name, value()));
      separator('}', "Expected ',' or '}' in a struct");
    }
    in.skip(1);
    depth--;
    return new IonValue.Struct(fields);
  }

  /** Passes the opening character of a container, counting its depth. */
  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw in.error("Containers are nested deeper than " + MAX_DEPTH + " levels", in.position());
    }
    in.skip(1);
  }

  /** After a container's member: a comma (a trailing one too) or the closing character. */
  private void separator(char close, String problem) {
    in.skipSpace();
    if (in.peek() == ',') {
      in.skip(1);
      in.skipSpace();
    } else if (in.peek() != close) {
      throw in.error(problem, in.position());
    }
  }

  private String fieldName() {
    int start = in.position();
    char c = in.peek();
    if (c == '"') {
      return in.quoted('"');
    }
    if (c == '\'') {
      return in.startsWith("'''") ? in.longStrings() : in.quoted('\'');
    }
    if (IonCursor.isIdentifierStart(c)) {
      return symbolText(in.identifier(), false, start);
    }
    throw in.error(in.atEnd() ? "The text ends inside a struct"
        : "Expected a field name, found '" + c + "'", start);
  }

  /** A blob, or a clob (read as {@link IonValue.Other}); the position is at {@code {{}. */
  private IonValue lob() {
    int start = in.position();
    in.skip(2);
    in.skipWhitespace();
    if (in.peek() == '"' || in.peek() == '\'') {
      if (in.peek() == '"') {
        in.quoted('"');
      } else {
        in.longStrings();
      }
      in.skipWhitespace();
      closeLob(start);
      return new IonValue.Other("clob");
    }
    StringBuilder base64 = new StringBuilder();
    while (!in.atEnd() && in.peek() != '}') {
      char c = in.take();
      if (IonCursor.isWhitespace(c)) {
        continue;
      }
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
          || c == '/' || c == '=')) {
        throw in.error("A blob holds Base64 only, found '" + c + "'", in.position() - 1);
      }
      base64.append(c);
    }
    closeLob(start);
    if (base64.length() % 4 != 0) {
      throw in.error("A blob's Base64 must be padded to a multiple of 4 characters", start);
    }
    try {
      return new IonValue.Blob(Bytes.of(Base64.getDecoder().decode(base64.toString())));
    } catch (IllegalArgumentException e) {
      throw in.error("A blob's Base64 is not valid", start);
    }
  }

  private void closeLob(int start) {
    if (!in.startsWith("}}")) {
      throw in.error("A blob or clob must end with }}", start);
    }
    in.skip(2);
  }

  private IonValue number() {
    int start = in.position();
    while (!in.atEnd() && isNumberPart(in.peek())) {
      in.skip(1);
    }
    String token = in.since(start);
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
    throw in.error("Not an Ion number: " + token, start);
  }

  private static boolean isNumberPart(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
        || c == '.' || c == '+' || c == '-' || c == ':';
  }
}
