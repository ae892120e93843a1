package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the collection literals of a parsed statement ({@code {...}}, {@code [...]},
 * {@code <<...>>}) as DynamoDB converts them to attribute values, before it looks at the table:
 * each member must be a value (a literal, a parameter or a collection), each set as
 * {@link #bag} says, each map's keys distinct. The first problem in statement order wins.
 *
 * <p>DynamoDB names what it found and where: {@code Unsupported data type: y under key root.1 at
 * 1:24:1}. The key is counted from the outermost literal ({@code root}), or, in an INSERT, from
 * each attribute of the item. A member is named by the node type of DynamoDB's PartiQL parser
 * ({@code VariableReference}, {@code NAry}, {@code Path}, {@code Typed}); an attribute of the
 * INSERT item by its name, function or operator ({@code y}, {@code size}, {@code +},
 * {@code PATH}). A path of more than one step carries no position.
 */
final class LiteralCheck {
  static final String UNSUPPORTED = "Unsupported data type: %s under key %s";
  static final String DUPLICATE_KEY = "Duplicate keys in tuple. Key: %s under %s";
  private static final String ROOT = "root";

  private final String text;
  private final Map<Object, Token> anchors;

  LiteralCheck(String text, Map<Object, Token> anchors) {
    this.text = text;
    this.anchors = anchors;
  }

  /**
   * Checks {@code literals}, the outermost collection literals in statement order.
   *
   * @param item the struct of an INSERT, or null
   * @throws DynamoDbError.Validation with DynamoDB's message for the first problem
   */
  void check(List<Expr> literals, Expr.Struct item) {
    for (Expr literal : literals) {
      if (literal == item) {
        item(item);
      } else {
        member(literal, ROOT);
      }
    }
  }

  /** A key twice is refused after its value is checked, at the key in the item itself. */
  private void item(Expr.Struct item) {
    Set<String> keys = new HashSet<>();
    for (Expr.Entry entry : item.entries()) {
      Expr value = entry.value();
      if (isCollection(value)) {
        member(value, ROOT);
      } else if (!ValueBinder.isValue(value)) {
        throw unsupported(attributeName(value), ROOT, value);
      }
      if (!keys.add(entry.key())) {
        throw fail(String.format(DUPLICATE_KEY, entry.key(), ROOT), entry);
      }
    }
  }

  private void member(Expr value, String key) {
    if (value instanceof Expr.Struct struct) {
      Set<String> keys = new HashSet<>();
      for (Expr.Entry entry : struct.entries()) {
        member(entry.value(), key + "." + entry.key());
        if (!keys.add(entry.key())) {
          throw fail(String.format(DUPLICATE_KEY, entry.key(), key), struct);
        }
      }
    } else if (value instanceof Expr.ListOf list) {
      for (int i = 0; i < list.elements().size(); i++) {
        member(list.elements().get(i), key + "." + i);
      }
    } else if (value instanceof Expr.SetOf set) {
      bag(set, key);
    } else if (!ValueBinder.isValue(value)) {
      throw unsupported(nodeName(value), key, value);
    }
  }

  /**
   * A {@code <<...>>} set: not empty, its first member a string or a number literal (or, in
   * Tombstone, a parameter) and the others alike, no member twice. Members are converted under
   * the set's own key. DynamoDB points at a member of the wrong type in a string set, not in a
   * number set, and not at an empty set (AWS's answers; DynamoDB Local points at that too).
   */
  private void bag(Expr.SetOf set, String key) {
    List<Expr> members = set.elements();
    if (members.isEmpty()) {
      throw new DynamoDbError.Validation(ValueBinder.EMPTY_SET);
    }
    Expr first = members.get(0);
    AttributeType type = first instanceof Expr.Literal literal
        && isStringOrNumber(literal.value()) ? literal.value().type() : null;
    if (type == null && !(first instanceof Expr.Parameter)) {
      throw fail(ValueBinder.SET_TYPE, first);
    }
    boolean bound = false;
    for (Expr member : members) {
      if (member instanceof Expr.Parameter) {
        bound = true;
      } else if (!ValueBinder.isValue(member)) {
        throw unsupported(nodeName(member), key, member);
      } else if (!(member instanceof Expr.Literal literal) || !isStringOrNumber(literal.value())
          || type != null && literal.value().type() != type) {
        if (member instanceof Expr.SetOf inner && inner.elements().isEmpty()) {
          throw new DynamoDbError.Validation(ValueBinder.EMPTY_SET);
        }
        throw fail(ValueBinder.SET_TYPE, type == AttributeType.N ? null : member);
      }
    }
    if (!bound) {
      if (type == AttributeType.N) {
        numberDuplicates(members, key);
      }
      ValueBinder.bind(set, List.of());
    }
  }

  /**
   * A number set literal with one number twice, however written: DynamoDB lists the members as
   * written and names the set's key ({@code Input collection [2, 2.0] contains duplicates!
   * under root}, floci's DynamoDbPartiQLEdgeCaseIntegrationTest, captured from DynamoDB
   * 2026-09-17).
   */
  private void numberDuplicates(List<Expr> members, String key) {
    Set<AttributeValue> seen = new HashSet<>();
    List<String> written = new ArrayList<>(members.size());
    boolean twice = false;
    for (Expr member : members) {
      AttributeValue value = ((Expr.Literal) member).value();
      twice |= !seen.add(value);
      written.add(written(member, (AttributeValue.N) value));
    }
    if (twice) {
      throw DynamoDbError.Validation.invalidParameters("Input collection ["
          + String.join(", ", written) + "] contains duplicates! under " + key);
    }
  }

  private String written(Expr member, AttributeValue.N value) {
    Token token = anchors.get(member);
    if (token == null) {
      return value.text();
    }
    String digits = text.substring(token.position(), token.end());
    return value.value().signum() < 0 ? "-" + digits : digits;
  }

  private static boolean isStringOrNumber(AttributeValue value) {
    return value instanceof AttributeValue.S || value instanceof AttributeValue.N;
  }

  private DynamoDbError.Validation unsupported(String name, String key, Expr value) {
    return fail(String.format(UNSUPPORTED, name, key), value);
  }

  /** {@code message}, ending with where {@code node} stands when DynamoDB says it. */
  DynamoDbError.Validation fail(String message, Object node) {
    Token token = node == null || isLongPath(node) ? null : anchors.get(node);
    return new DynamoDbError.Validation(token == null ? message
        : message + " at " + TokenCursor.where(text, token.position(), token.end()));
  }

  private static boolean isLongPath(Object node) {
    return node instanceof Expr.Path path && path.steps().size() > 1;
  }

  private static boolean isCollection(Expr expr) {
    return expr instanceof Expr.Struct || expr instanceof Expr.ListOf
        || expr instanceof Expr.SetOf;
  }

  /** How DynamoDB names a member that is no value: its parser's node type. */
  private static String nodeName(Expr expr) {
    if (expr instanceof Expr.Path path) {
      return path.steps().size() > 1 ? "Path" : "VariableReference";
    }
    if (expr instanceof Expr.IsNull isNull && !isNull.negated()
        || expr instanceof Expr.IsMissing isMissing && !isMissing.negated()
        || expr instanceof Expr.IsType isType && !isType.negated()) {
      return "Typed";
    }
    return "NAry";
  }

  /** How DynamoDB names an attribute of the INSERT item that is no value. */
  private static String attributeName(Expr expr) {
    if (expr instanceof Expr.Path path) {
      String name = path.topLevelName();
      return name != null ? name : "PATH";
    }
    if (expr instanceof Expr.Call call) {
      return call.name();
    }
    if (expr instanceof Expr.Arithmetic arithmetic) {
      return arithmetic.plus() ? "+" : "-";
    }
    if (expr instanceof Expr.Compare compare) {
      return compare.operator();
    }
    if (expr instanceof Expr.IsNull isNull) {
      return isNull.negated() ? "not" : "is";
    }
    if (expr instanceof Expr.IsMissing isMissing) {
      return isMissing.negated() ? "not" : "is";
    }
    if (expr instanceof Expr.IsType isType) {
      return isType.negated() ? "not" : "is";
    }
    if (expr instanceof Expr.And) {
      return "and";
    }
    if (expr instanceof Expr.Or) {
      return "or";
    }
    if (expr instanceof Expr.Not) {
      return "not";
    }
    return expr instanceof Expr.Between ? "between" : "in";
  }
}
