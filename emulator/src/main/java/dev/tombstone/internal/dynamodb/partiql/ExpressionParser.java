package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The expression grammar of a statement, by recursive descent: OR &lt; AND &lt; NOT &lt;
 * comparison &lt; + and -, then primaries: values, parameters, paths and function calls.
 */
final class ExpressionParser {
  // What DynamoDB says after StatementParser.MALFORMED for the syntax errors the conformance
  // suite shows.
  static final String UNEXPECTED_TERM = "Unexpected term";
  static final String MISSING_RIGHT = "Missing right-hand side expression of infix operator";
  static final String DOT_COMPONENT = "Invalid path dot component";
  /** MISSING as a value, which DynamoDB refuses with no MALFORMED prefix. */
  static final String MISSING_COMPARED = "MISSING must be compared using IS operator";
  /** Deeper nesting than this is refused, so that hostile input cannot overflow the stack. */
  private static final int MAX_DEPTH = 100;

  private final TokenCursor in;
  private final CollectionLiterals literals;
  private int parameters;
  private int depth;

  /** Whether MISSING outside IS reads as a path, to see whether the rest is well formed. */
  private final boolean missingAsPath;

  ExpressionParser(TokenCursor in, CollectionLiterals literals, boolean missingAsPath) {
    this.in = in;
    this.literals = literals;
    this.missingAsPath = missingAsPath;
  }

  /** How many {@code ?} parameters have been read so far. */
  int parameterCount() {
    return parameters;
  }

  Expr expression() {
    if (++depth > MAX_DEPTH) {
      throw new MalformedStatement();
    }
    Expr left = and();
    while (in.current().isWord("OR")) {
      Token or = in.advance();
      rightHandSide();
      left = literals.anchor(new Expr.Or(left, and()), or);
    }
    depth--;
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (in.current().isWord("AND")) {
      Token and = in.advance();
      rightHandSide();
      left = literals.anchor(new Expr.And(left, not()), and);
    }
    return left;
  }

  private void rightHandSide() {
    if (TokenCursor.isEnd(in.current())) {
      throw new MalformedStatement(MISSING_RIGHT);
    }
  }

  private Expr not() {
    if (in.current().isWord("NOT")) {
      Token not = in.advance();
      if (++depth > MAX_DEPTH) {
        throw new MalformedStatement();
      }
      Expr operand = not();
      depth--;
      return literals.anchor(new Expr.Not(operand), not);
    }
    return predicate();
  }

  private Expr predicate() {
    Expr left = additive();
    Token t = in.current();
    if (t.kind() == Token.Kind.SYMBOL) {
      String op = switch (t.text()) {
        case "=", "<>", "<", "<=", ">", ">=" -> t.text();
        case "!=" -> "<>";
        default -> null;
      };
      if (op != null) {
        in.advance();
        return literals.anchor(new Expr.Compare(left, op, additive()), t);
      }
    }
    if (in.acceptWord("BETWEEN")) {
      Expr lower = additive();
      in.expectWord("AND");
      return literals.anchor(new Expr.Between(left, lower, additive()), t);
    }
    if (in.acceptWord("IN")) {
      String close;
      if (in.acceptSymbol("[")) {
        close = "]";
      } else {
        in.expectSymbol("(");
        close = ")";
      }
      List<Expr> candidates = new ArrayList<>();
      do {
        candidates.add(additive());
      } while (in.acceptSymbol(","));
      in.expectSymbol(close);
      return literals.anchor(new Expr.In(left, candidates), t);
    }
    if (in.acceptWord("IS")) {
      boolean negated = in.acceptWord("NOT");
      if (in.acceptWord("NULL")) {
        return literals.anchor(new Expr.IsNull(left, negated), t);
      }
      if (in.acceptWord("MISSING")) {
        return literals.anchor(new Expr.IsMissing(left, negated), t);
      }
      return literals.anchor(new Expr.IsType(left, TypeNames.read(in::acceptWord), negated), t);
    }
    return left;
  }

  Expr additive() {
    Expr left = primary();
    while (in.current().isSymbol("+") || in.current().isSymbol("-")) {
      Token operator = in.advance();
      left = literals.anchor(
          new Expr.Arithmetic(left, operator.text().equals("+"), primary()), operator);
    }
    return left;
  }

  private Expr primary() {
    Token t = in.current();
    switch (t.kind()) {
      case STRING:
        in.advance();
        return literals.anchor(new Expr.Literal(new AttributeValue.S(t.text())), t);
      case NUMBER:
        in.advance();
        return literals.anchor(new Expr.Literal(number(t.text())), t);
      case PARAMETER:
        in.advance();
        return literals.anchor(new Expr.Parameter(parameters++), t);
      case QUOTED:
        in.advance();
        return literals.anchor(path(TokenCursor.nonEmpty(t.text())), t);
      case WORD:
        return word(t);
      case SYMBOL:
        if (t.isSymbol(";")) {
          throw new MalformedStatement(UNEXPECTED_TERM);
        }
        return symbol(t);
      default:
        throw new MalformedStatement(UNEXPECTED_TERM);
    }
  }

  private Expr word(Token t) {
    in.advance();
    String upper = t.text().toUpperCase(Locale.ROOT);
    switch (upper) {
      case "TRUE":
        return literals.anchor(new Expr.Literal(AttributeValue.Bool.TRUE), t);
      case "FALSE":
        return literals.anchor(new Expr.Literal(AttributeValue.Bool.FALSE), t);
      case "NULL":
        return literals.anchor(new Expr.Literal(AttributeValue.Null.INSTANCE), t);
      case "MISSING":
        if (missingAsPath) {
          return path(t.text());
        }
        throw new DynamoDbError.Validation(MISSING_COMPARED);
      default:
        break;
    }
    if (in.current().isSymbol("(")) {
      if (!Keywords.mayNameFunction(t.text())) {
        throw new MalformedStatement();
      }
      in.advance();
      List<Expr> arguments = new ArrayList<>();
      if (!in.acceptSymbol(")")) {
        do {
          arguments.add(expression());
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
      }
      return literals.anchor(
          new Expr.Call(t.text().toLowerCase(Locale.ROOT), arguments, in.where(t)), t);
    }
    if (Keywords.contains(upper)) {
      throw new MalformedStatement();
    }
    return literals.anchor(path(t.text()), t);
  }

  private Expr symbol(Token t) {
    if (in.acceptSymbol("(")) {
      Expr inner = expression();
      in.expectSymbol(")");
      return inner;
    }
    if (in.acceptSymbol("-")) {
      Token number = in.expect(Token.Kind.NUMBER);
      return literals.anchor(new Expr.Literal(number("-" + number.text())), number);
    }
    if (t.isSymbol("{") || t.isSymbol("[") || t.isSymbol("<<")) {
      return literals.read(t, this::expression);
    }
    throw new MalformedStatement();
  }

  private AttributeValue number(String text) {
    return NumberLiteral.value(text, literals.key());
  }

  /** A path from its first name on: {@code .name}, {@code [index]} and {@code ['key']} steps. */
  Expr.Path path(String first) {
    List<Expr.Step> steps = new ArrayList<>();
    steps.add(new Expr.Name(first));
    while (true) {
      if (in.current().isSymbol(".") && in.next().kind() != Token.Kind.SYMBOL) {
        in.advance();
        if (in.current().kind() == Token.Kind.WORD && Keywords.contains(in.current().text())) {
          throw new MalformedStatement(DOT_COMPONENT);
        }
        steps.add(new Expr.Name(in.name()));
      } else if (in.acceptSymbol("[")) {
        steps.add(bracketStep());
        in.expectSymbol("]");
      } else {
        return new Expr.Path(steps);
      }
    }
  }

  /** What a {@code [...]} step holds: a list index, or a map key ({@code m['k']} is m.k). */
  private Expr.Step bracketStep() {
    if (in.current().kind() == Token.Kind.STRING || in.current().kind() == Token.Kind.QUOTED) {
      return new Expr.Name(TokenCursor.nonEmpty(in.advance().text()));
    }
    return ListIndex.read(in);
  }
}
