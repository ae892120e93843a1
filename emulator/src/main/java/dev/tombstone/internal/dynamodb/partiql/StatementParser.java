package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the PartiQL statements DynamoDB serves: SELECT, INSERT, UPDATE
 * and DELETE. It reads the statements' clauses; {@link ExpressionParser} reads the expressions.
 */
public final class StatementParser {
  /** The start of every syntax error message. */
  public static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";
  /** How the message for a list index below 0 or above 2^31 - 1 starts. */
  public static final String LIST_INDEX_RANGE = ListIndex.OUT_OF_RANGE;
  // What DynamoDB says after MALFORMED for the syntax errors the conformance suite shows.
  static final String LEFTOVER = "Unexpected token after expression";
  static final String EXPECTED_TABLE = "Expected identifier for simple path";
  /** A table alias, which DynamoDB refuses with no MALFORMED prefix. */
  static final String ALIASING = "Aliasing is not supported";
  /** A statement that is a bare expression, e.g. {@code x IS INT4}, is no statement. */
  static final String UNSUPPORTED_OPERATION = "Unsupported operation: %s";
  static final String INSERT_FORMAT = "Unsupported format in item expression. Please use struct"
      + " format {...} to express item values for insert statement.";
  static final String RETURNING_STAR =
      "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause";
  /** A function in SELECT's projection, e.g. the aggregate COUNT(*), which DynamoDB lacks. */
  static final String PATH_COMPONENT = "Unexpected path component at %s";
  /** How the message for two SELECT paths answering under one name starts. */
  public static final String DUPLICATE_IDENTIFIERS = SelectNames.DUPLICATE;
  /** How the message for two SELECT paths that overlap or conflict starts. */
  public static final String PATHS_CLASH = SelectNames.PATHS_CLASH;

  private final TokenCursor in;
  private final CollectionLiterals literals;
  private final ExpressionParser expressions;
  /** The SELECT's projection once it is read whole; null before, and for other statements. */
  private List<Expr.Path> projection;

  private StatementParser(String text, List<Token> tokens, boolean missingAsPath) {
    this.in = new TokenCursor(text, tokens);
    this.literals = new CollectionLiterals(in);
    this.expressions = new ExpressionParser(in, literals, missingAsPath);
  }

  /**
   * Parses one statement.
   *
   * @throws DynamoDbError.Validation with DynamoDB's message when it is not well formed
   */
  public static Statement parse(String text) {
    try {
      StatementParser parser = new StatementParser(text, Lexer.tokens(text), false);
      Statement statement;
      try {
        statement = parser.whole();
      } catch (DynamoDbError.Validation e) {
        if (ExpressionParser.MISSING_COMPARED.equals(e.getMessage())) {
          // DynamoDB parses the whole statement before it refuses MISSING outside IS, so a
          // syntax error after it comes first.
          try {
            new StatementParser(text, Lexer.tokens(text), true).whole();
          } catch (DynamoDbError.Validation other) {
            throw parser.projectionFirst(e);
          }
        }
        throw parser.projectionFirst(e);
      }
      if (parser.projection != null) {
        SelectNames.check(parser.projection);
      }
      CollectionLiterals literals = parser.literals;
      LiteralCheck check = new LiteralCheck(text, literals.anchors());
      if (statement instanceof Statement.Insert insert && literals.item() == null) {
        throw check.fail(INSERT_FORMAT, insert.value());
      }
      check.check(literals.outermost(), literals.item());
      return statement;
    } catch (MalformedStatement e) {
      throw new DynamoDbError.Validation(e.message(text));
    }
  }

  /**
   * {@code e}, unless the SELECT's projection, read before it, has two paths DynamoDB refuses:
   * it checks them after the syntax and the table alias, before anything else (a list index out
   * of range in the WHERE clause, a literal, MISSING, a type name).
   */
  private DynamoDbError.Validation projectionFirst(DynamoDbError.Validation e) {
    if (projection != null && !ALIASING.equals(e.getMessage())) {
      SelectNames.check(projection);
    }
    return e;
  }

  /** The statement and an optional {@code ;}, up to the end. */
  private Statement whole() {
    Statement statement = statement();
    in.acceptSymbol(";");
    if (in.current().kind() != Token.Kind.END) {
      throw new MalformedStatement(LEFTOVER);
    }
    return statement;
  }

  private Statement statement() {
    if (in.acceptWord("SELECT")) {
      return select();
    }
    if (in.acceptWord("DELETE")) {
      in.expectWord("FROM");
      if (!TokenCursor.isName(in.current())) {
        throw new MalformedStatement(EXPECTED_TABLE);
      }
      Statement.Target target = unaliased(target());
      Expr where = in.acceptWord("WHERE") ? expressions.expression() : null;
      return new Statement.Delete(target, where, returning(), expressions.parameterCount());
    }
    if (in.acceptWord("INSERT")) {
      in.expectWord("INTO");
      Statement.Target target = target();
      if (TokenCursor.isName(in.current())) {
        throw new MalformedStatement(LEFTOVER);
      }
      in.expectWord("VALUE");
      Expr value = literals.insertValue(expressions::expression);
      return new Statement.Insert(target, value, returning(), expressions.parameterCount());
    }
    if (in.acceptWord("UPDATE")) {
      return update();
    }
    if (in.acceptWord("FROM")) {
      return fromFirstUpdate();
    }
    if (in.current().isWord("EXISTS") && in.next().isSymbol("(")) {
      in.skip(2);
      in.expectWord("SELECT");
      Statement.Select select = select();
      in.expectSymbol(")");
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
      expression = expressions.expression();
    } catch (DynamoDbError.Validation e) {
      if (e.getMessage().equals(TypeNames.UNSUPPORTED)) {
        throw e;
      }
      return new MalformedStatement();
    } catch (MalformedStatement e) {
      return new MalformedStatement();
    }
    in.acceptSymbol(";");
    in.expect(Token.Kind.END);
    if (expression instanceof Expr.IsType || expression instanceof Expr.IsNull
        || expression instanceof Expr.IsMissing) {
      return new DynamoDbError.Validation(String.format(UNSUPPORTED_OPERATION, "IsType"));
    }
    return new MalformedStatement();
  }

  private Statement.Select select() {
    List<Expr.Path> projection = new ArrayList<>();
    if (!in.acceptSymbol("*")) {
      do {
        if (in.current().kind() == Token.Kind.WORD && in.next().isSymbol("(")) {
          throw new DynamoDbError.Validation(String.format(PATH_COMPONENT,
              in.where(in.current())));
        }
        projection.add(expressions.path(in.name()));
      } while (in.acceptSymbol(","));
    }
    this.projection = projection;
    in.expectWord("FROM");
    if (TokenCursor.isEnd(in.current())) {
      throw new MalformedStatement(ExpressionParser.UNEXPECTED_TERM);
    }
    Statement.Target target = unaliased(target());
    Expr where = in.acceptWord("WHERE") ? expressions.expression() : null;
    List<Statement.OrderTerm> orderBy = new ArrayList<>();
    if (in.acceptWord("ORDER")) {
      in.expectWord("BY");
      do {
        String name = in.name();
        boolean descending = in.acceptWord("DESC");
        if (!descending) {
          in.acceptWord("ASC");
        }
        orderBy.add(new Statement.OrderTerm(name, descending));
      } while (in.acceptSymbol(","));
    }
    return new Statement.Select(target, projection, where, orderBy,
        expressions.parameterCount());
  }

  private Statement update() {
    Statement.Target target = unaliased(target());
    int setLiterals = literals.count();
    List<Statement.Action> actions = actions();
    int whereLiterals = literals.count();
    Expr where = in.acceptWord("WHERE") ? expressions.expression() : null;
    // DynamoDB converts the WHERE clause's literals before the SET clause's.
    literals.putFirst(setLiterals, whereLiterals);
    return new Statement.Update(target, actions, where, returning(),
        expressions.parameterCount());
  }

  /**
   * PartiQL's other spelling of UPDATE, {@code FROM table [WHERE condition] SET/REMOVE ...
   * [RETURNING ...]}: the WHERE clause comes before the actions and never after them.
   */
  private Statement fromFirstUpdate() {
    Statement.Target target = target();
    Expr where = in.acceptWord("WHERE") ? expressions.expression() : null;
    List<Statement.Action> actions = actions();
    return new Statement.Update(target, actions, where, returning(),
        expressions.parameterCount());
  }

  /** One or more SET and REMOVE clauses, in any order. */
  private List<Statement.Action> actions() {
    List<Statement.Action> actions = new ArrayList<>();
    while (true) {
      if (in.acceptWord("SET")) {
        do {
          Expr.Path path = expressions.path(in.name());
          in.expectSymbol("=");
          actions.add(new Statement.Action(path, assigned(path)));
        } while (in.acceptSymbol(","));
      } else if (in.acceptWord("REMOVE")) {
        do {
          actions.add(new Statement.Action(expressions.path(in.name()), null));
        } while (in.acceptSymbol(","));
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
    if (SetFunctions.isNext(in)) {
      return SetFunctions.read(in, target, expressions::expression);
    }
    return expressions.additive();
  }

  private Statement.Target target() {
    String table = in.name();
    String index = in.acceptSymbol(".") ? in.name() : null;
    return new Statement.Target(table, index);
  }

  /** A name or AS after the table is an alias, which DynamoDB refuses. */
  private Statement.Target unaliased(Statement.Target target) {
    if (TokenCursor.isName(in.current()) || in.current().isWord("AS")) {
      throw new DynamoDbError.Validation(ALIASING);
    }
    return target;
  }

  private Statement.Returning returning() {
    if (!in.acceptWord("RETURNING")) {
      return null;
    }
    boolean all;
    if (in.acceptWord("ALL")) {
      all = true;
    } else {
      in.expectWord("MODIFIED");
      all = false;
    }
    boolean old;
    if (in.acceptWord("OLD")) {
      old = true;
    } else {
      in.expectWord("NEW");
      old = false;
    }
    if (!in.acceptSymbol("*")) {
      if (in.current().kind() == Token.Kind.END) {
        throw new MalformedStatement();
      }
      throw new DynamoDbError.Validation(RETURNING_STAR);
    }
    return new Statement.Returning(all, old);
  }
}
