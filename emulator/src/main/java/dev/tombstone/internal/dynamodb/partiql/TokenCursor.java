package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.List;

/**
 * A statement's tokens and the parsers' place in them: looking at, accepting and expecting
 * tokens, reading names, and saying where a token stands as DynamoDB's messages do.
 */
final class TokenCursor {
  static final String EMPTY_NAME = "Path component cannot be an empty string";

  private final String text;
  private final List<Token> tokens;
  private int at;

  TokenCursor(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  Token current() {
    return tokens.get(at);
  }

  Token next() {
    return tokens.get(Math.min(at + 1, tokens.size() - 1));
  }

  /** The token just read. */
  Token previous() {
    return tokens.get(at - 1);
  }

  Token advance() {
    return tokens.get(at++);
  }

  /** Steps over {@code count} tokens already looked at. */
  void skip(int count) {
    at += count;
  }

  boolean acceptWord(String keyword) {
    if (current().isWord(keyword)) {
      at++;
      return true;
    }
    return false;
  }

  boolean acceptSymbol(String symbol) {
    if (current().isSymbol(symbol)) {
      at++;
      return true;
    }
    return false;
  }

  void expectWord(String keyword) {
    if (!acceptWord(keyword)) {
      throw new MalformedStatement();
    }
  }

  void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw new MalformedStatement();
    }
  }

  Token expect(Token.Kind kind) {
    if (current().kind() != kind) {
      throw new MalformedStatement();
    }
    return advance();
  }

  /** An attribute or table name: a double-quoted name, or a bare word that is no keyword. */
  String name() {
    Token t = current();
    if (isName(t)) {
      at++;
      return nonEmpty(t.text());
    }
    throw new MalformedStatement();
  }

  static boolean isName(Token t) {
    return t.kind() == Token.Kind.QUOTED
        || t.kind() == Token.Kind.WORD && !Keywords.contains(t.text());
  }

  /** The end of the statement, where a term is still expected. */
  static boolean isEnd(Token t) {
    return t.kind() == Token.Kind.END || t.isSymbol(";");
  }

  static String nonEmpty(String name) {
    if (name.isEmpty()) {
      throw new DynamoDbError.Validation(EMPTY_NAME);
    }
    return name;
  }

  /** Where a token stands, as DynamoDB's messages say it: {@code line:column:length}, from 1. */
  String where(Token token) {
    return where(text, token.position(), token.end());
  }

  String where(int start, int end) {
    return where(text, start, end);
  }

  static String where(String text, int start, int end) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < start; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (start - lineStart + 1) + ":" + (end - start);
  }
}
