package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recursive-descent parser for the PartiQL statements DynamoDB serves: SELECT, INSERT, UPDATE
 * and DELETE. Expressions bind OR &lt; AND &lt; NOT &lt; comparison &lt; + and -.
 */
public final class StatementParser {
  /** The start of every syntax error message. */
  public static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";
  // What DynamoDB says after MALFORMED for the syntax errors the conformance suite shows.
  static final String LEFTOVER = "Unexpected token after expression";
  static final String UNEXPECTED_TERM = "Unexpected term";
  static final String MISSING_RIGHT = "Missing right-hand side expression of infix operator";
  static final String EXPECTED_TABLE = "Expected identifier for simple path";
  static final String DOT_COMPONENT = "Invalid path dot component";
  /** A table alias, which DynamoDB refuses with no MALFORMED prefix. */
  static final String ALIASING = "Aliasing is not supported";
  static final String MISSING_COMPARED = "MISSING must be compared using IS operator";
  /** A statement that is a bare expression, e.g. {@code x IS INT4}, is no statement. */
  static final String UNSUPPORTED_OPERATION = "Unsupported operation: %s";
  static final String EMPTY_NAME = "Path component cannot be an empty string";
  static final String INSERT_FORMAT = "Unsupported format in item expression. Please use struct"
      + " format {...} to express item values for insert statement.";
  static final String RETURNING_STAR =
      "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause";
  /** A function in SELECT's projection, e.g. the aggregate COUNT(*), which DynamoDB lacks. */
  static final String PATH_COMPONENT = "Unexpected path component at %s";
  // The set functions' messages, as DynamoDB words them; each ends with where it points.
  static final String SET_ARGUMENTS = "%s must have exactly two arguments at %s";
  static final String SET_FIRST = "The first argument to %s must equal the assignment value at %s";
  static final String SET_SECOND = "The second argument to %s must be a value with type SET at %s";
  /** Deeper nesting than this is refused, so that hostile input cannot overflow the stack. */
  private static final int MAX_DEPTH = 100;

  private final String text;
  private final List<Token> tokens;
  private int at;
  private int parameters;
  private int depth;
  /** The token each expression and map entry stands at, for the messages that point at it. */
  private final Map<Object, Token> anchors = new IdentityHashMap<>();
  /** The outermost collection literals, in statement order. */
  private final List<Expr> literals = new ArrayList<>();
  private int literalDepth;
  /** The keys from the outermost literal to the one being read, as number messages name them. */
  private final List<String> keys = new ArrayList<>();
  /** Set while the next {@code {...}} is an INSERT's item, whose keys number messages skip. */
  private boolean itemNext;
  private Expr.Struct item;

  private StatementParser(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  /**
   * Parses one statement.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message when it is not well formed
   */
  public static Statement parse(String text) {
    try {
      StatementParser parser = new StatementParser(text, Lexer.tokens(text));
      Statement statement = parser.statement();
      parser.acceptSymbol(";");
      if (parser.current().kind() != Token.Kind.END) {
        throw new MalformedStatement(LEFTOVER);
      }
      LiteralCheck check = new LiteralCheck(text, parser.anchors);
      if (statement instanceof Statement.Insert insert && parser.item == null) {
        throw check.fail(INSERT_FORMAT, insert.value());
      }
      check.check(parser.literals, parser.item);
      return statement;
    } catch (MalformedStatement e) {
      throw new DynamoDbError.Validation(e.message(text));
    }
  }

  private Statement statement() {
    if (acceptWord("SELECT")) {
      return select();
    }
    if (acceptWord("DELETE")) {
      expectWord("FROM");
      if (!isName(current())) {
        throw new MalformedStatement(EXPECTED_TABLE);
      }
      Statement.Target target = unaliased(target());
      Expr where = acceptWord("WHERE") ? expression() : null;
      return new Statement.Delete(target, where, returning(), parameters);
    }
    if (acceptWord("INSERT")) {
      expectWord("INTO");
      Statement.Target target = target();
      if (isName(current())) {
        throw new MalformedStatement(LEFTOVER);
      }
      expectWord("VALUE");
      itemNext = true;
      Expr value = expression();
      itemNext = false;
      if (value instanceof Expr.Struct struct) {
        item = struct;
      }
      return new Statement.Insert(target, value, returning(), parameters);
    }
    if (acceptWord("UPDATE")) {
      return update();
    }
    if (acceptWord("FROM")) {
      return fromFirstUpdate();
    }
    if (current().isWord("EXISTS") && next().isSymbol("(")) {
      at += 2;
      expectWord("SELECT");
      Statement.Select select = select();
      expectSymbol(")");
      return new Statement.Exists(select);
    }
    throw bareExpression();
  }

  /**
   * What a statement that starts with no statement keyword gets. DynamoDB parses a bare
   * expression and names its operation; Tombstone names the one the conformance suite shows
   * (IS with a type), and finds the rest malformed.
   */
  private RuntimeException bareExpression() {
    Expr expression;
    try {
      expression = expression();
    } catch (DynamoDbError.Validation e) {
      if (e.getMessage().equals(TypeNames.UNSUPPORTED)) {
        throw e;
      }
      return new MalformedStatement();
    } catch (MalformedStatement e) {
      return new MalformedStatement();
    }
    acceptSymbol(";");
    expect(Token.Kind.END);
    if (expression instanceof Expr.IsType || expression instanceof Expr.IsNull
        || expression instanceof Expr.IsMissing) {
      return new DynamoDbError.Validation(String.format(UNSUPPORTED_OPERATION, "IsType"));
    }
    return new MalformedStatement();
  }

  private Statement.Select select() {
    List<Expr.Path> projection = new ArrayList<>();
    if (!acceptSymbol("*")) {
      do {
        if (current().kind() == Token.Kind.WORD && next().isSymbol("(")) {
          throw new DynamoDbError.Validation(String.format(PATH_COMPONENT, where(current())));
        }
        projection.add(path(name()));
      } while (acceptSymbol(","));
    }
    expectWord("FROM");
    if (isEnd(current())) {
      throw new MalformedStatement(UNEXPECTED_TERM);
    }
    Statement.Target target = unaliased(target());
    Expr where = acceptWord("WHERE") ? expression() : null;
    String orderBy = null;
    boolean descending = false;
    if (acceptWord("ORDER")) {
      expectWord("BY");
      orderBy = name();
      descending = acceptWord("DESC");
      if (!descending) {
        acceptWord("ASC");
      }
    }
    return new Statement.Select(target, projection, where, orderBy, descending, parameters);
  }

  private Statement update() {
    Statement.Target target = unaliased(target());
    int setLiterals = literals.size();
    List<Statement.Action> actions = actions();
    int whereLiterals = literals.size();
    Expr where = acceptWord("WHERE") ? expression() : null;
    // DynamoDB converts the WHERE clause's literals before the SET clause's.
    Collections.rotate(literals.subList(setLiterals, literals.size()),
        literals.size() - whereLiterals);
    return new Statement.Update(target, actions, where, returning(), parameters);
  }

  /**
   * PartiQL's other spelling of UPDATE, {@code FROM table [WHERE condition] SET/REMOVE ...
   * [RETURNING ...]}: the WHERE clause comes before the actions and never after them.
   */
  private Statement fromFirstUpdate() {
    Statement.Target target = target();
    Expr where = acceptWord("WHERE") ? expression() : null;
    List<Statement.Action> actions = actions();
    return new Statement.Update(target, actions, where, returning(), parameters);
  }

  /** One or more SET and REMOVE clauses, in any order. */
  private List<Statement.Action> actions() {
    List<Statement.Action> actions = new ArrayList<>();
    while (true) {
      if (acceptWord("SET")) {
        do {
          Expr.Path path = path(name());
          expectSymbol("=");
          actions.add(new Statement.Action(path, assigned(path)));
        } while (acceptSymbol(","));
      } else if (acceptWord("REMOVE")) {
        do {
          actions.add(new Statement.Action(path(name()), null));
        } while (acceptSymbol(","));
      } else {
        break;
      }
    }
    if (actions.isEmpty()) {
      throw new MalformedStatement();
    }
    return actions;
  }

  /** The value of a SET action: set_add or set_delete of the same path, or any other value. */
  private Expr assigned(Expr.Path target) {
    Token t = current();
    if (t.kind() == Token.Kind.WORD && next().isSymbol("(")
        && (t.isWord("set_add") || t.isWord("set_delete"))) {
      return setFunction(target);
    }
    return additive();
  }

  /** DynamoDB checks the call before it looks the table up: two arguments, the path, a set. */
  private Expr setFunction(Expr.Path target) {
    Token name = advance();
    String function = name.text().toUpperCase(Locale.ROOT);
    expectSymbol("(");
    List<Expr> arguments = new ArrayList<>();
    int firstStart = 0;
    int firstEnd = 0;
    if (!acceptSymbol(")")) {
      do {
        int start = current().position();
        arguments.add(nested());
        if (arguments.size() == 1) {
          firstStart = start;
          firstEnd = tokens.get(at - 1).end();
        }
      } while (acceptSymbol(","));
      expectSymbol(")");
    }
    if (arguments.size() != 2) {
      throw new DynamoDbError.Validation(String.format(SET_ARGUMENTS, function, where(name)));
    }
    if (!target.equals(arguments.get(0))) {
      throw new DynamoDbError.Validation(String.format(SET_FIRST, function, where(name)));
    }
    String firstAt = where(firstStart, firstEnd);
    Expr set = arguments.get(1);
    if (!(set instanceof Expr.SetOf || set instanceof Expr.Parameter)) {
      throw new DynamoDbError.Validation(String.format(SET_SECOND, function, firstAt));
    }
    return new Expr.SetFunction(function.equals("SET_ADD"), set, firstAt);
  }

  private Statement.Target target() {
    String table = name();
    String index = acceptSymbol(".") ? name() : null;
    return new Statement.Target(table, index);
  }

  /** A name or AS after the table is an alias, which DynamoDB refuses. */
  private Statement.Target unaliased(Statement.Target target) {
    if (isName(current()) || current().isWord("AS")) {
      throw new DynamoDbError.Validation(ALIASING);
    }
    return target;
  }

  private Statement.Returning returning() {
    if (!acceptWord("RETURNING")) {
      return null;
    }
    boolean all;
    if (acceptWord("ALL")) {
      all = true;
    } else {
      expectWord("MODIFIED");
      all = false;
    }
    boolean old;
    if (acceptWord("OLD")) {
      old = true;
    } else {
      expectWord("NEW");
      old = false;
    }
    if (!acceptSymbol("*")) {
      if (current().kind() == Token.Kind.END) {
        throw new MalformedStatement();
      }
      throw new DynamoDbError.Validation(RETURNING_STAR);
    }
    return new Statement.Returning(all, old);
  }

  private Expr expression() {
    if (++depth > MAX_DEPTH) {
      throw new MalformedStatement();
    }
    Expr left = and();
    while (current().isWord("OR")) {
      Token or = advance();
      rightHandSide();
      left = anchor(new Expr.Or(left, and()), or);
    }
    depth--;
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (current().isWord("AND")) {
      Token and = advance();
      rightHandSide();
      left = anchor(new Expr.And(left, not()), and);
    }
    return left;
  }

  private void rightHandSide() {
    if (isEnd(current())) {
      throw new MalformedStatement(MISSING_RIGHT);
    }
  }

  private Expr not() {
    if (current().isWord("NOT")) {
      Token not = advance();
      if (++depth > MAX_DEPTH) {
        throw new MalformedStatement();
      }
      Expr operand = not();
      depth--;
      return anchor(new Expr.Not(operand), not);
    }
    return predicate();
  }

  private Expr predicate() {
    Expr left = additive();
    Token t = current();
    if (t.kind() == Token.Kind.SYMBOL) {
      String op = switch (t.text()) {
        case "=", "<>", "<", "<=", ">", ">=" -> t.text();
        case "!=" -> "<>";
        default -> null;
      };
      if (op != null) {
        at++;
        return anchor(new Expr.Compare(left, op, additive()), t);
      }
    }
    if (acceptWord("BETWEEN")) {
      Expr lower = additive();
      expectWord("AND");
      return anchor(new Expr.Between(left, lower, additive()), t);
    }
    if (acceptWord("IN")) {
      String close;
      if (acceptSymbol("[")) {
        close = "]";
      } else {
        expectSymbol("(");
        close = ")";
      }
      List<Expr> candidates = new ArrayList<>();
      do {
        candidates.add(additive());
      } while (acceptSymbol(","));
      expectSymbol(close);
      return anchor(new Expr.In(left, candidates), t);
    }
    if (acceptWord("IS")) {
      boolean negated = acceptWord("NOT");
      if (acceptWord("NULL")) {
        return anchor(new Expr.IsNull(left, negated), t);
      }
      if (acceptWord("MISSING")) {
        return anchor(new Expr.IsMissing(left, negated), t);
      }
      return anchor(new Expr.IsType(left, TypeNames.read(this::acceptWord), negated), t);
    }
    return left;
  }

  private Expr additive() {
    Expr left = primary();
    while (current().isSymbol("+") || current().isSymbol("-")) {
      Token operator = advance();
      left = anchor(new Expr.Arithmetic(left, operator.text().equals("+"), primary()), operator);
    }
    return left;
  }

  private Expr primary() {
    Token t = current();
    switch (t.kind()) {
      case STRING:
        at++;
        return anchor(new Expr.Literal(new AttributeValue.S(t.text())), t);
      case NUMBER:
        at++;
        return anchor(new Expr.Literal(number(t.text())), t);
      case PARAMETER:
        at++;
        return anchor(new Expr.Parameter(parameters++), t);
      case QUOTED:
        at++;
        return anchor(path(nonEmpty(t.text())), t);
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
    at++;
    String upper = t.text().toUpperCase(Locale.ROOT);
    switch (upper) {
      case "TRUE":
        return anchor(new Expr.Literal(AttributeValue.Bool.TRUE), t);
      case "FALSE":
        return anchor(new Expr.Literal(AttributeValue.Bool.FALSE), t);
      case "NULL":
        return anchor(new Expr.Literal(AttributeValue.Null.INSTANCE), t);
      case "MISSING":
        throw new DynamoDbError.Validation(MISSING_COMPARED);
      default:
        break;
    }
    if (current().isSymbol("(")) {
      if (!Keywords.mayNameFunction(t.text())) {
        throw new MalformedStatement();
      }
      at++;
      List<Expr> arguments = new ArrayList<>();
      if (!acceptSymbol(")")) {
        do {
          arguments.add(expression());
        } while (acceptSymbol(","));
        expectSymbol(")");
      }
      return anchor(new Expr.Call(t.text().toLowerCase(Locale.ROOT), arguments, where(t)), t);
    }
    if (Keywords.contains(upper)) {
      throw new MalformedStatement();
    }
    return anchor(path(t.text()), t);
  }

  private Expr symbol(Token t) {
    if (acceptSymbol("(")) {
      Expr inner = expression();
      expectSymbol(")");
      return inner;
    }
    if (acceptSymbol("-")) {
      Token number = expect(Token.Kind.NUMBER);
      return anchor(new Expr.Literal(number("-" + number.text())), number);
    }
    if (t.isSymbol("{") || t.isSymbol("[") || t.isSymbol("<<")) {
      at++;
      boolean isItem = itemNext && literalDepth == 0 && t.isSymbol("{");
      itemNext = false;
      literalDepth++;
      Expr literal = t.isSymbol("{") ? new Expr.Struct(entries(isItem))
          : t.isSymbol("[") ? new Expr.ListOf(elements("]")) : new Expr.SetOf(elements(">>"));
      if (--literalDepth == 0) {
        literals.add(literal);
      }
      return anchor(literal, t);
    }
    throw new MalformedStatement();
  }

  private List<Expr.Entry> entries(boolean isItem) {
    List<Expr.Entry> entries = new ArrayList<>();
    if (!acceptSymbol("}")) {
      do {
        Token key = expect(Token.Kind.STRING);
        expectSymbol(":");
        entries.add(anchor(new Expr.Entry(key.text(), isItem ? nested()
            : nested("." + key.text())), key));
      } while (acceptSymbol(","));
      expectSymbol("}");
    }
    return entries;
  }

  private List<Expr> elements(String close) {
    List<Expr> elements = new ArrayList<>();
    if (!acceptSymbol(close)) {
      do {
        // A set's members are converted under the set's own key.
        elements.add(close.equals("]") ? nested("[" + elements.size() + "]") : nested());
      } while (acceptSymbol(","));
      expectSymbol(close);
    }
    return elements;
  }

  /**
   * A value inside a map, list or set literal. Any expression parses here, as in DynamoDB's
   * grammar; {@link LiteralCheck} then refuses what is no value.
   */
  private Expr nested() {
    return expression();
  }

  private Expr nested(String key) {
    keys.add(key);
    Expr value = expression();
    keys.remove(keys.size() - 1);
    return value;
  }

  /**
   * The number a literal denotes. An exponent, or the scale it leaves, that does not fit 32 bits
   * is a syntax error with no detail; a number DynamoDB cannot store gets the ordinary number
   * message with the key it stands under ({@code root}, {@code root.m[1]}).
   */
  private AttributeValue number(String text) {
    checkScale(text);
    try {
      return AttributeValue.N.parse(text);
    } catch (DynamoDbError.Validation e) {
      throw new DynamoDbError.Validation(e.getMessage() + " under root" + String.join("", keys));
    }
  }

  private static void checkScale(String text) {
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (e < 0) {
      return;
    }
    String written = text.substring(e + 1);
    // Past 18 digits the exponent is far outside 32 bits, and Long.parseLong would fail.
    if (written.replaceFirst("^[+-]?0*", "").length() > 18) {
      throw new MalformedStatement("");
    }
    long exponent = Long.parseLong(written.startsWith("+") ? written.substring(1) : written);
    int point = text.indexOf('.');
    long fractionDigits = point < 0 ? 0 : e - point - 1;
    long scale = fractionDigits - exponent;
    if (exponent != (int) exponent || scale != (int) scale) {
      throw new MalformedStatement("");
    }
  }

  private <T> T anchor(T node, Token token) {
    anchors.put(node, token);
    return node;
  }

  private Expr.Path path(String first) {
    List<Expr.Step> steps = new ArrayList<>();
    steps.add(new Expr.Name(first));
    while (true) {
      if (current().isSymbol(".") && next().kind() != Token.Kind.SYMBOL) {
        at++;
        if (current().kind() == Token.Kind.WORD && Keywords.contains(current().text())) {
          throw new MalformedStatement(DOT_COMPONENT);
        }
        steps.add(new Expr.Name(name()));
      } else if (acceptSymbol("[")) {
        steps.add(bracketStep());
        expectSymbol("]");
      } else {
        return new Expr.Path(steps);
      }
    }
  }

  /** What a {@code [...]} step holds: a list index, or a map key ({@code m['k']} is m.k). */
  private Expr.Step bracketStep() {
    if (current().kind() == Token.Kind.STRING || current().kind() == Token.Kind.QUOTED) {
      return new Expr.Name(nonEmpty(advance().text()));
    }
    Token index = expect(Token.Kind.NUMBER);
    if (!index.text().chars().allMatch(Character::isDigit) || index.text().length() > 9) {
      throw new MalformedStatement();
    }
    return new Expr.Index(Integer.parseInt(index.text()));
  }

  /** An attribute or table name: a double-quoted name, or a bare word that is no keyword. */
  private String name() {
    Token t = current();
    if (isName(t)) {
      at++;
      return nonEmpty(t.text());
    }
    throw new MalformedStatement();
  }

  /** Where a token stands, as DynamoDB's messages say it: {@code line:column:length}, from 1. */
  private String where(Token token) {
    return where(text, token.position(), token.end());
  }

  private String where(int start, int end) {
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

  private static boolean isName(Token t) {
    return t.kind() == Token.Kind.QUOTED
        || t.kind() == Token.Kind.WORD && !Keywords.contains(t.text());
  }

  /** The end of the statement, where a term is still expected. */
  private static boolean isEnd(Token t) {
    return t.kind() == Token.Kind.END || t.isSymbol(";");
  }

  private static String nonEmpty(String name) {
    if (name.isEmpty()) {
      throw new DynamoDbError.Validation(EMPTY_NAME);
    }
    return name;
  }

  private Token current() {
    return tokens.get(at);
  }

  private Token next() {
    return tokens.get(Math.min(at + 1, tokens.size() - 1));
  }

  private Token advance() {
    return tokens.get(at++);
  }

  private boolean acceptWord(String keyword) {
    if (current().isWord(keyword)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (current().isSymbol(symbol)) {
      at++;
      return true;
    }
    return false;
  }

  private void expectWord(String keyword) {
    if (!acceptWord(keyword)) {
      throw new MalformedStatement();
    }
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw new MalformedStatement();
    }
  }

  private Token expect(Token.Kind kind) {
    if (current().kind() != kind) {
      throw new MalformedStatement();
    }
    return advance();
  }
}
