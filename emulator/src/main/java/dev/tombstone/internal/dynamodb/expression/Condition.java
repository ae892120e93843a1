package dev.tombstone.internal.dynamodb.expression;

import java.util.List;

/** The syntax tree of a condition, as written (placeholders not yet resolved). */
sealed interface Condition extends Node {

  record Or(Condition left, Condition right) implements Condition {}

  record And(Condition left, Condition right) implements Condition {}

  record Not(Condition condition) implements Condition {}

  record Compare(Operand left, Comparator comparator, Operand right) implements Condition {}

  record Between(Operand value, Operand lower, Operand upper) implements Condition {}

  record In(Operand value, List<Operand> candidates) implements Condition {
    public In {
      candidates = List.copyOf(candidates);
    }
  }

  /** A function call used as a condition, e.g. {@code attribute_exists(a)}. */
  record Function(Operand.Call call) implements Condition {}

  /** The six comparators, with their spelling in expressions and messages. */
  enum Comparator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    String symbol() {
      return symbol;
    }

    boolean isOrdering() {
      return this != EQ && this != NE;
    }
  }
}
