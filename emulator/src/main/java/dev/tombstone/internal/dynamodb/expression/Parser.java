package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.internal.dynamodb.expression.Condition.Comparator;
import dev.tombstone.internal.dynamodb.expression.Operand.Call;
import dev.tombstone.internal.dynamodb.expression.Operand.Path;
import dev.tombstone.internal.dynamodb.expression.Operand.Segment;
import dev.tombstone.internal.dynamodb.expression.Tokens.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive descent over {@link Tokens}, one method per precedence level: {@code OR < AND < NOT <
 * comparison}. Besides syntax it enforces what DynamoDB checks while parsing: the operator limit
 * and redundant parentheses.
 */
final class Parser {
  static final int MAX_LENGTH = 4096;
  static final int MAX_OPERATORS = 300;

  /**
   * A pair of parentheses that holds a deeper pair must also hold an operator of its own (else
   * it is redundant), so valid input nests at most this deep. Deeper input is bound to fail; the
   * limit keeps it from exhausting the stack. NOT and function calls need no limit of their own:
   * each counts as an operator before the parser descends.
   */
  private static final int MAX_GROUP_DEPTH = MAX_OPERATORS + 2;

  final Tokens tokens;
  final Set<String> names = new LinkedHashSet<>();
  final Set<String> values = new LinkedHashSet<>();
  int pos;
  private int operators;
  private int groupDepth;
  private int lastGroupOpen = -1;
  private int lastGroupClose = -1;

  Parser(String text) {
    this.tokens = Tokens.lex(text);
  }

  /** A parsed condition with the placeholders it mentions, in order of appearance. */
  record ParsedCondition(Condition condition, Set<String> names, Set<String> values) {}

  /** A parsed projection with the name placeholders it mentions, in order of appearance. */
  record ParsedProjection(List<Path> paths, Set<String> names) {}

  static ParsedCondition condition(String text) {
    checkSize(text);
    Parser parser = new Parser(text);
    Node node = parser.parseOr(false);
    parser.expect(Kind.EOF);
    return new ParsedCondition((Condition) node,
        Collections.unmodifiableSet(parser.names), Collections.unmodifiableSet(parser.values));
  }

  static ParsedProjection projection(String text) {
    checkSize(text);
    Parser parser = new Parser(text);
    List<Path> paths = new ArrayList<>();
    paths.add(parser.parsePath());
    while (parser.accept(Kind.COMMA)) {
      paths.add(parser.parsePath());
    }
    parser.expect(Kind.EOF);
    return new ParsedProjection(List.copyOf(paths), Collections.unmodifiableSet(parser.names));
  }

  static void checkSize(String text) {
    if (text.isEmpty()) {
      throw new ExpressionException(new Problem.Empty());
    }
    if (text.length() > MAX_LENGTH) {
      throw new ExpressionException(new Problem.TooLong(text.length()));
    }
  }

  private Node parseOr(boolean inParentheses) {
    Node left = parseAnd(inParentheses);
    if (left instanceof Operand) {
      return left;
    }
    Condition condition = (Condition) left;
    while (peek() == Kind.OR) {
      countOperator();
      pos++;
      condition = new Condition.Or(condition, (Condition) parseAnd(false));
    }
    return condition;
  }

  private Node parseAnd(boolean inParentheses) {
    Node left = parseNot(inParentheses);
    if (left instanceof Operand) {
      return left;
    }
    Condition condition = (Condition) left;
    while (peek() == Kind.AND) {
      countOperator();
      pos++;
      condition = new Condition.And(condition, (Condition) parseNot(false));
    }
    return condition;
  }

  private Node parseNot(boolean inParentheses) {
    if (peek() != Kind.NOT) {
      return parsePrimary(inParentheses);
    }
    countOperator();
    pos++;
    return new Condition.Not((Condition) parseNot(false));
  }

  /**
   * A comparison, a function condition or a parenthesised condition. With {@code inParentheses}
   * a bare operand followed by {@code )} is returned as is: the caller then treats {@code (a)}
   * as an operand.
   */
  private Node parsePrimary(boolean inParentheses) {
    Operand left;
    if (peek() == Kind.LPAREN) {
      Node inner = parseGroup(true);
      if (inner instanceof Condition condition) {
        return condition;
      }
      left = (Operand) inner;
    } else {
      left = parseOperand();
    }
    Kind kind = peek();
    Comparator comparator = comparator(kind);
    if (comparator != null) {
      countOperator();
      pos++;
      return new Condition.Compare(left, comparator, parseOperand());
    }
    if (kind == Kind.BETWEEN) {
      countOperator();
      pos++;
      Operand lower = parseOperand();
      expect(Kind.AND);
      return new Condition.Between(left, lower, parseOperand());
    }
    if (kind == Kind.IN) {
      countOperator();
      pos++;
      expect(Kind.LPAREN);
      List<Operand> candidates = new ArrayList<>();
      candidates.add(parseOperand());
      while (accept(Kind.COMMA)) {
        candidates.add(parseOperand());
      }
      expect(Kind.RPAREN);
      return new Condition.In(left, candidates);
    }
    if (inParentheses && kind == Kind.RPAREN) {
      return left;
    }
    if (left instanceof Call call) {
      return new Condition.Function(call);
    }
    throw tokens.syntaxError(pos);
  }

  /** {@code ( ... )} holding a condition, or an operand when {@code conditionAllowed} is false. */
  private Node parseGroup(boolean conditionAllowed) {
    return group(() -> conditionAllowed ? parseOr(true) : parseOperand());
  }

  /**
   * {@code ( inner )}, with the depth limit and the redundant-parentheses check every group
   * shares; the current token is the {@code (}.
   */
  <T> T group(Supplier<T> parseInner) {
    int open = pos++;
    if (++groupDepth > MAX_GROUP_DEPTH) {
      throw new ExpressionException(tooDeep());
    }
    T inner = parseInner.get();
    int close = expect(Kind.RPAREN);
    groupDepth--;
    if (lastGroupOpen == open + 1 && lastGroupClose == close - 1) {
      throw new ExpressionException(new Problem.RedundantParentheses());
    }
    lastGroupOpen = open;
    lastGroupClose = close;
    return inner;
  }

  Operand parseOperand() {
    switch (peek()) {
      case LPAREN:
        return (Operand) parseGroup(false);
      case VALUE_REF:
        String placeholder = tokens.text(pos++);
        values.add(placeholder);
        return new Operand.ValueRef(placeholder);
      case NAME:
        if (tokens.kind(pos + 1) == Kind.LPAREN) {
          return parseCall();
        }
        return parsePath();
      case NAME_REF:
        return parsePath();
      default:
        throw tokens.syntaxError(pos);
    }
  }

  private Call parseCall() {
    countOperator();
    String name = tokens.text(pos);
    pos += 2;
    List<Operand> arguments = new ArrayList<>();
    arguments.add(parseOperand());
    while (accept(Kind.COMMA)) {
      arguments.add(parseOperand());
    }
    expect(Kind.RPAREN);
    return new Call(name, arguments);
  }

  Path parsePath() {
    List<Segment> segments = new ArrayList<>();
    segments.add(parseSegment());
    while (true) {
      if (accept(Kind.DOT)) {
        segments.add(parseSegment());
      } else if (accept(Kind.LBRACKET)) {
        if (peek() != Kind.NUMBER) {
          throw tokens.syntaxError(pos);
        }
        segments.add(new Operand.Index(tokens.text(pos++)));
        expect(Kind.RBRACKET);
      } else {
        return new Path(segments);
      }
    }
  }

  private Segment parseSegment() {
    Kind kind = peek();
    if (kind == Kind.NAME) {
      return new Operand.Name(tokens.text(pos++));
    }
    if (kind == Kind.NAME_REF) {
      String placeholder = tokens.text(pos++);
      names.add(placeholder);
      return new Operand.NameRef(placeholder);
    }
    throw tokens.syntaxError(pos);
  }

  private static Comparator comparator(Kind kind) {
    return switch (kind) {
      case EQ -> Comparator.EQ;
      case NE -> Comparator.NE;
      case LT -> Comparator.LT;
      case LE -> Comparator.LE;
      case GT -> Comparator.GT;
      case GE -> Comparator.GE;
      default -> null;
    };
  }

  private void countOperator() {
    if (++operators > MAX_OPERATORS) {
      throw new ExpressionException(new Problem.TooManyOperators(operators));
    }
  }

  /**
   * Past {@link #MAX_GROUP_DEPTH} the input either directly nests parentheses or holds more than
   * 300 operators; a flat count over the tokens tells which, without recursing further.
   */
  private Problem tooDeep() {
    int count = 0;
    for (int i = 0; i < tokens.count(); i++) {
      Kind kind = tokens.kind(i);
      if (comparator(kind) != null || kind == Kind.IN || kind == Kind.OR || kind == Kind.NOT
          || kind == Kind.BETWEEN || kind == Kind.AND
          || (kind == Kind.NAME && tokens.kind(i + 1) == Kind.LPAREN)) {
        count++;
      }
      if (kind == Kind.BETWEEN) {
        count--;
      }
    }
    return count > MAX_OPERATORS
        ? new Problem.TooManyOperators(MAX_OPERATORS + 1)
        : new Problem.RedundantParentheses();
  }

  Kind peek() {
    return tokens.kind(pos);
  }

  boolean accept(Kind kind) {
    if (tokens.kind(pos) == kind) {
      pos++;
      return true;
    }
    return false;
  }

  int expect(Kind kind) {
    if (tokens.kind(pos) != kind) {
      throw tokens.syntaxError(pos);
    }
    return pos++;
  }
}
