package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.internal.dynamodb.expression.Operand.Path;
import dev.tombstone.internal.dynamodb.expression.Tokens.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The UpdateExpression grammar on top of the condition {@link Parser}: the same tokens, paths and
 * operands, with clauses ({@code SET}, {@code REMOVE}, {@code ADD}, {@code DELETE}, each at most
 * once, keywords in any case) and {@code +}/{@code -} between two SET operands, optionally in
 * parentheses.
 */
final class UpdateParser {
  /** The clause an action belongs to, in the order they are applied. */
  enum Section { SET, REMOVE, ADD, DELETE }

  /**
   * One action. {@code value} is the SET value's first operand or the ADD/DELETE operand, null
   * for REMOVE; {@code operator} is {@code '+'}, {@code '-'} or 0, with {@code right} its second
   * operand.
   */
  record Action(Section section, Path path, Operand value, char operator, Operand right) {}

  /**
   * A parsed update with the placeholders it mentions, in order of appearance. {@code repeated} is
   * the first clause whose keyword was used before, and {@code repeatedEnd} the number of actions
   * up to its end: DynamoDB reports it only once the whole text parsed and the clauses before
   * it, and its own actions, passed the static checks.
   */
  record ParsedUpdate(List<Action> actions, Set<String> names, Set<String> values,
      Section repeated, int repeatedEnd) {}

  private final Parser parser;
  private final Tokens tokens;

  private UpdateParser(String text) {
    this.parser = new Parser(text);
    this.tokens = parser.tokens;
  }

  static ParsedUpdate parse(String text) {
    if (text.length() > Parser.MAX_LENGTH) {
      // Unlike a condition's, this message does not give the size.
      throw new ExpressionException(new Problem.UpdateTooLong());
    }
    Parser.checkSize(text);
    return new UpdateParser(text).update();
  }

  private ParsedUpdate update() {
    List<Action> actions = new ArrayList<>();
    Set<Section> seen = EnumSet.noneOf(Section.class);
    Section repeated = null;
    int repeatedEnd = 0;
    do {
      Section section = section(parser.pos);
      if (section == null) {
        throw tokens.syntaxError(parser.pos);
      }
      boolean again = !seen.add(section);
      parser.pos++;
      actions.add(action(section));
      while (parser.accept(Kind.COMMA)) {
        actions.add(action(section));
      }
      if (again && repeated == null) {
        repeated = section;
        repeatedEnd = actions.size();
      }
    } while (parser.peek() != Kind.EOF);
    return new ParsedUpdate(List.copyOf(actions), Collections.unmodifiableSet(parser.names),
        Collections.unmodifiableSet(parser.values), repeated, repeatedEnd);
  }

  private Section section(int i) {
    Kind kind = tokens.kind(i);
    if (kind != Kind.KEYWORD && kind != Kind.NAME) {
      return null;
    }
    String word = tokens.text(i).toUpperCase(Locale.ROOT);
    for (Section section : Section.values()) {
      if (section.name().equals(word)) {
        return section;
      }
    }
    return null;
  }

  /**
   * {@code operand}, {@code operand + operand}, {@code operand - operand}, or one of these in
   * parentheses: DynamoDB applies {@code SET c = (c - :v)}. A parenthesised sum is not an operand,
   * so {@code (a - b) + c} stays a syntax error at the {@code +}.
   */
  private Action setValue(Path path) {
    Operand value;
    if (parser.peek() == Kind.LPAREN) {
      Action inner = parser.group(() -> setValue(path));
      if (inner.operator() != 0) {
        return inner;
      }
      value = inner.value();
    } else {
      value = parser.parseOperand();
    }
    Kind next = parser.peek();
    if (next == Kind.PLUS || next == Kind.MINUS) {
      parser.pos++;
      return new Action(Section.SET, path, value, next == Kind.PLUS ? '+' : '-',
          parser.parseOperand());
    }
    return new Action(Section.SET, path, value, (char) 0, null);
  }

  private Action action(Section section) {
    Path path = parser.parsePath();
    switch (section) {
      case SET -> {
        parser.expect(Kind.EQ);
        return setValue(path);
      }
      case REMOVE -> {
        return new Action(section, path, null, (char) 0, null);
      }
      default -> {
        if (parser.peek() != Kind.VALUE_REF) {
          throw tokens.syntaxError(parser.pos);
        }
        return new Action(section, path, parser.parseOperand(), (char) 0, null);
      }
    }
  }
}
