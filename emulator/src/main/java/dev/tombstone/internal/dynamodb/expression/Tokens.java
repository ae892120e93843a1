package dev.tombstone.internal.dynamodb.expression;

import java.util.Arrays;

/**
 * The tokens of one expression, lexed up front: kinds and source offsets in parallel arrays, so
 * a syntax error can quote the raw text around any token. The last token is always {@link
 * Kind#EOF}.
 */
final class Tokens {
  enum Kind {
    NAME,
    NAME_REF,
    VALUE_REF,
    NUMBER,
    LPAREN,
    RPAREN,
    COMMA,
    DOT,
    LBRACKET,
    RBRACKET,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    AND,
    OR,
    NOT,
    BETWEEN,
    IN,
    /** {@code +} and {@code -}: UpdateExpression arithmetic. */
    PLUS,
    MINUS,
    /** {@code ADD}, {@code SET}, {@code DELETE}: UpdateExpression keywords, never names. */
    KEYWORD,
    /** A character that starts no token, or a lone {@code #} or {@code :}. */
    INVALID,
    EOF
  }

  private final String input;
  private Kind[] kinds;
  private int[] starts;
  private int[] ends;
  private int count;

  private Tokens(String input) {
    this.input = input;
    int capacity = Math.min(input.length() / 2 + 2, 64);
    kinds = new Kind[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
  }

  static Tokens lex(String input) {
    Tokens tokens = new Tokens(input);
    tokens.scan();
    return tokens;
  }

  String input() {
    return input;
  }

  int count() {
    return count;
  }

  Kind kind(int i) {
    return kinds[i];
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  String text(int i) {
    return kinds[i] == Kind.EOF ? "<EOF>" : input.substring(starts[i], ends[i]);
  }

  /**
   * DynamoDB's syntax error for token {@code i}: {@code near} runs from the start of the token
   * before it (or the start of the input) to the end of the token after it (or the end of the
   * input), whitespace kept.
   */
  ExpressionException syntaxError(int i) {
    int from = i > 0 ? starts[i - 1] : 0;
    int to = i + 1 < count && kinds[i + 1] != Kind.EOF ? ends[i + 1] : input.length();
    return new ExpressionException(new Problem.Syntax(text(i), input.substring(from, to)));
  }

  private void scan() {
    String s = input;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (isLetter(c)) {
        int end = wordEnd(s, i + 1);
        add(keyword(s, i, end), i, end);
        i = end;
      } else if (c == '#' || c == ':') {
        int end = wordEnd(s, i + 1);
        if (end == i + 1) {
          add(Kind.INVALID, i, end);
        } else {
          add(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, i, end);
        }
        i = end;
      } else if (c >= '0' && c <= '9') {
        // "0" stands alone, so "01" is two tokens and the index parser can point at the "1".
        int end = i + 1;
        if (c != '0') {
          while (end < n && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
          }
        }
        add(Kind.NUMBER, i, end);
        i = end;
      } else {
        i = punctuation(s, i, c);
      }
    }
    add(Kind.EOF, n, n);
  }

  private int punctuation(String s, int i, char c) {
    char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    switch (c) {
      case '(' -> add(Kind.LPAREN, i, i + 1);
      case ')' -> add(Kind.RPAREN, i, i + 1);
      case ',' -> add(Kind.COMMA, i, i + 1);
      case '.' -> add(Kind.DOT, i, i + 1);
      case '[' -> add(Kind.LBRACKET, i, i + 1);
      case ']' -> add(Kind.RBRACKET, i, i + 1);
      case '=' -> add(Kind.EQ, i, i + 1);
      case '+' -> add(Kind.PLUS, i, i + 1);
      case '-' -> add(Kind.MINUS, i, i + 1);
      case '<' -> {
        if (next == '>' || next == '=') {
          add(next == '>' ? Kind.NE : Kind.LE, i, i + 2);
          return i + 2;
        }
        add(Kind.LT, i, i + 1);
      }
      case '>' -> {
        if (next == '=') {
          add(Kind.GE, i, i + 2);
          return i + 2;
        }
        add(Kind.GT, i, i + 1);
      }
      default -> {
        int end = i + Character.charCount(s.codePointAt(i));
        add(Kind.INVALID, i, end);
        return end;
      }
    }
    return i + 1;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int wordEnd(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        break;
      }
      i++;
    }
    return i;
  }

  private static Kind keyword(String s, int start, int end) {
    switch (end - start) {
      case 2:
        return is(s, start, "OR") ? Kind.OR : is(s, start, "IN") ? Kind.IN : Kind.NAME;
      case 3:
        if (is(s, start, "AND")) {
          return Kind.AND;
        }
        if (is(s, start, "NOT")) {
          return Kind.NOT;
        }
        return is(s, start, "ADD") || is(s, start, "SET") ? Kind.KEYWORD : Kind.NAME;
      case 6:
        return is(s, start, "DELETE") ? Kind.KEYWORD : Kind.NAME;
      case 7:
        return is(s, start, "BETWEEN") ? Kind.BETWEEN : Kind.NAME;
      default:
        return Kind.NAME;
    }
  }

  private static boolean is(String s, int start, String word) {
    return s.regionMatches(true, start, word, 0, word.length());
  }

  private void add(Kind kind, int start, int end) {
    if (count == kinds.length) {
      int capacity = count * 2;
      kinds = Arrays.copyOf(kinds, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    count++;
  }
}
