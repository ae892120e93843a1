package dev.tombstone.internal.dynamodb.partiql;

/**
 * One lexical token of a statement; {@code text} is the unquoted content for strings and names,
 * and {@code position} and {@code end} are offsets into the statement as written.
 */
record Token(Kind kind, String text, int position, int end) {

  enum Kind {
    /** A bare word: a keyword or an attribute name, decided by the parser. */
    WORD,
    /** A double-quoted name, never a keyword. */
    QUOTED,
    STRING,
    NUMBER,
    PARAMETER,
    SYMBOL,
    END
  }

  boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }
}
