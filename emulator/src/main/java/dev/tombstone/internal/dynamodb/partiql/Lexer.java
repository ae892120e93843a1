package dev.tombstone.internal.dynamodb.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens, skipping white space, line comments (from {@code --})
 * and block comments (slash-star to star-slash); any character it does not know fails the
 * statement.
 */
final class Lexer {
  // Longest first, so "<=" is not read as "<" and "=".
  private static final List<String> SYMBOLS = List.of("<<", ">>", "<=", ">=", "<>", "!=", "=",
      "<", ">", "(", ")", "[", "]", "{", "}", ",", ".", ":", ";", "*", "+", "-");

  private final String input;
  private int at;

  private Lexer(String input) {
    this.input = input;
  }

  static List<Token> tokens(String statement) {
    return new Lexer(statement).all();
  }

  private List<Token> all() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpace();
      if (at >= input.length()) {
        tokens.add(new Token(Token.Kind.END, "", at, at));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipSpace() {
    while (at < input.length()) {
      char c = input.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (input.startsWith("--", at)) {
        while (at < input.length() && input.charAt(at) != '\n') {
          at++;
        }
      } else if (input.startsWith("/*", at)) {
        // Block comments do not nest; one left open fails the statement.
        int end = input.indexOf("*/", at + 2);
        if (end < 0) {
          throw new MalformedStatement("");
        }
        at = end + 2;
      } else {
        return;
      }
    }
  }

  private Token next() {
    int start = at;
    char c = input.charAt(at);
    if (c == '\'' || c == '"') {
      return new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED, quoted(c), start, at);
    }
    if (c == '?') {
      at++;
      return new Token(Token.Kind.PARAMETER, "?", start, at);
    }
    // A number may start with its point: .73e1 is 7.3.
    if (Character.isDigit(c) || c == '.' && at + 1 < input.length()
        && Character.isDigit(input.charAt(at + 1))) {
      return new Token(Token.Kind.NUMBER, number(), start, at);
    }
    if (Character.isLetter(c) || c == '_') {
      while (at < input.length()
          && (Character.isLetterOrDigit(input.charAt(at)) || input.charAt(at) == '_'
              || input.charAt(at) == '$')) {
        at++;
      }
      return new Token(Token.Kind.WORD, input.substring(start, at), start, at);
    }
    for (String symbol : SYMBOLS) {
      if (input.startsWith(symbol, at)) {
        at += symbol.length();
        return new Token(Token.Kind.SYMBOL, symbol, start, at);
      }
    }
    // DynamoDB's lexer fails on '#' (no comment in PartiQL) before its parser can say more.
    throw new MalformedStatement(c == '#' ? "" : null);
  }

  /** A quoted string or name; the quote character doubled stands for itself. */
  private String quoted(char quote) {
    StringBuilder text = new StringBuilder();
    at++;
    while (at < input.length()) {
      char c = input.charAt(at++);
      if (c != quote) {
        text.append(c);
      } else if (at < input.length() && input.charAt(at) == quote) {
        text.append(quote);
        at++;
      } else {
        return text.toString();
      }
    }
    throw new MalformedStatement();
  }

  private String number() {
    int start = at;
    digits();
    if (at < input.length() && input.charAt(at) == '.') {
      at++;
      digits();
    }
    if (at < input.length() && (input.charAt(at) == 'e' || input.charAt(at) == 'E')) {
      at++;
      if (at < input.length() && (input.charAt(at) == '+' || input.charAt(at) == '-')) {
        at++;
      }
      int exponent = at;
      digits();
      if (at == exponent) {
        throw new MalformedStatement();
      }
    }
    return input.substring(start, at);
  }

  private void digits() {
    while (at < input.length() && Character.isDigit(input.charAt(at))) {
      at++;
    }
  }
}
