package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DynamoDbError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reads the value of a SET action that calls {@code set_add} or {@code set_delete}, with the
 * checks DynamoDB makes of the call before it looks the table up.
 */
final class SetFunctions {
  // The set functions' messages, as DynamoDB words them; each ends with where it points.
  static final String SET_ARGUMENTS = "%s must have exactly two arguments at %s";
  static final String SET_FIRST = "The first argument to %s must equal the assignment value at %s";
  static final String SET_SECOND = "The second argument to %s must be a value with type SET at %s";

  private SetFunctions() {}

  /** Whether the tokens at {@code in} start a call of a set function. */
  static boolean isNext(TokenCursor in) {
    Token t = in.current();
    return t.kind() == Token.Kind.WORD && in.next().isSymbol("(")
        && (t.isWord("set_add") || t.isWord("set_delete"));
  }

  /**
   * Reads the call, its arguments with {@code argument}, and checks it in DynamoDB's order: two
   * arguments, the first {@code target}, the second a set.
   */
  static Expr read(TokenCursor in, Expr.Path target, Supplier<Expr> argument) {
    Token name = in.advance();
    String function = name.text().toUpperCase(Locale.ROOT);
    in.expectSymbol("(");
    List<Expr> arguments = new ArrayList<>();
    int firstStart = 0;
    int firstEnd = 0;
    if (!in.acceptSymbol(")")) {
      do {
        int start = in.current().position();
        arguments.add(argument.get());
        if (arguments.size() == 1) {
          firstStart = start;
          firstEnd = in.previous().end();
        }
      } while (in.acceptSymbol(","));
      in.expectSymbol(")");
    }
    if (arguments.size() != 2) {
      throw new DynamoDbError.Validation(String.format(SET_ARGUMENTS, function, in.where(name)));
    }
    if (!target.equals(arguments.get(0))) {
      throw new DynamoDbError.Validation(String.format(SET_FIRST, function, in.where(name)));
    }
    String firstAt = in.where(firstStart, firstEnd);
    Expr set = arguments.get(1);
    if (!(set instanceof Expr.SetOf || set instanceof Expr.Parameter)) {
      throw new DynamoDbError.Validation(String.format(SET_SECOND, function, firstAt));
    }
    return new Expr.SetFunction(function.equals("SET_ADD"), set, firstAt);
  }
}
