package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;

/**
 * What is wrong with an expression, as facts; {@link #message()} renders DynamoDB's text (without
 * the {@code Invalid ConditionExpression: } prefix, which depends on where the expression came
 * from).
 */
sealed interface Problem {
  String message();

  record Empty() implements Problem {
    @Override
    public String message() {
      return "The expression can not be empty;";
    }
  }

  record TooLong(int size) implements Problem {
    @Override
    public String message() {
      return "Expression size has exceeded the maximum allowed size; expression size: " + size;
    }
  }

  /** {@code token} is the offending token's text, {@code <EOF>} at the end of the input. */
  record Syntax(String token, String near) implements Problem {
    @Override
    public String message() {
      return "Syntax error; token: \"" + token + "\", near: \"" + near + "\"";
    }
  }

  record TooManyOperators(int count) implements Problem {
    @Override
    public String message() {
      return "The expression contains too many operators; operator count: " + count;
    }
  }

  record RedundantParentheses() implements Problem {
    @Override
    public String message() {
      return "The expression has redundant parentheses;";
    }
  }

  record InvalidFunction(String function) implements Problem {
    @Override
    public String message() {
      return "Invalid function name; function: " + function;
    }
  }

  /** An UpdateExpression function ({@code if_not_exists}, {@code list_append}) in a condition. */
  record NotInCondition(String function) implements Problem {
    @Override
    public String message() {
      return "The function is not allowed in a condition expression; function: " + function;
    }
  }

  record MisusedFunction(String function) implements Problem {
    @Override
    public String message() {
      return "The function is not allowed to be used this way in an expression; function: "
          + function;
    }
  }

  record Reserved(String word) implements Problem {
    @Override
    public String message() {
      return "Attribute name is a reserved keyword; reserved keyword: " + word;
    }
  }

  record UndefinedName(String placeholder) implements Problem {
    @Override
    public String message() {
      return "An expression attribute name used in the document path is not defined;"
          + " attribute name: " + placeholder;
    }
  }

  record UndefinedValue(String placeholder) implements Problem {
    @Override
    public String message() {
      return "An expression attribute value used in expression is not defined; attribute value: "
          + placeholder;
    }
  }

  record OperandCount(String function, int count) implements Problem {
    @Override
    public String message() {
      return "Incorrect number of operands for operator or function; operator or function: "
          + function + ", number of operands: " + count;
    }
  }

  record RequiresPath(String function) implements Problem {
    @Override
    public String message() {
      return "Operator or function requires a document path; operator or function: " + function;
    }
  }

  /** {@code type} is a type code such as {@code N}, or a set of them for a document path. */
  record OperandType(String function, String type) implements Problem {
    @Override
    public String message() {
      return "Incorrect operand type for operator or function; operator or function: " + function
          + ", operand type: " + type;
    }
  }

  record InvalidTypeName(String type) implements Problem {
    @Override
    public String message() {
      return "Invalid attribute type name found; type: " + type
          + ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}";
    }
  }

  /** {@code path} is rendered like {@code [a, b, [1]]}. */
  record NotDistinct(String operator, String path) implements Problem {
    @Override
    public String message() {
      return "The first operand must be distinct from the remaining operands for this operator or"
          + " function; operator: " + operator + ", first operand: " + path;
    }
  }

  record BetweenTypes(AttributeValue lower, AttributeValue upper) implements Problem {
    @Override
    public String message() {
      return "The BETWEEN operator requires same data type for lower and upper bounds; "
          + bounds(lower, upper);
    }
  }

  record BetweenOrder(AttributeValue lower, AttributeValue upper) implements Problem {
    @Override
    public String message() {
      return "The BETWEEN operator requires upper bound to be greater than or equal to lower"
          + " bound; " + bounds(lower, upper);
    }
  }

  record TooManyInOperands(int count) implements Problem {
    @Override
    public String message() {
      return "The IN operator is provided with too many operands; number of operands: " + count;
    }
  }

  record PathTooDeep(int levels) implements Problem {
    @Override
    public String message() {
      return "The document path has too many nesting levels; nesting levels: " + levels;
    }
  }

  /** {@code index} is the index as written. */
  record IndexOutOfRange(String index) implements Problem {
    @Override
    public String message() {
      return "List index is not within the allowable range; index: [" + index + "]";
    }
  }

  record PathsOverlap(String first, String second) implements Problem {
    @Override
    public String message() {
      return "Two document paths overlap with each other; must remove or rewrite one of these"
          + " paths; path one: " + first + ", path two: " + second;
    }
  }

  record PathsConflict(String first, String second) implements Problem {
    @Override
    public String message() {
      return "Two document paths conflict with each other; must remove or rewrite one of these"
          + " paths; path one: " + first + ", path two: " + second;
    }
  }

  private static String bounds(AttributeValue lower, AttributeValue upper) {
    return "lower bound operand: AttributeValue: " + render(lower)
        + ", upper bound operand: AttributeValue: " + render(upper);
  }

  /** Only scalars reach BETWEEN's bound checks; the operand type check rejects the rest. */
  private static String render(AttributeValue value) {
    String text;
    if (value instanceof AttributeValue.S s) {
      text = s.value();
    } else if (value instanceof AttributeValue.N n) {
      text = n.text();
    } else if (value instanceof AttributeValue.B b) {
      Bytes bytes = b.value();
      text = bytes.toBase64();
    } else {
      text = value.toString();
    }
    return "{" + value.type() + ":" + text + "}";
  }

  /** An UpdateExpression with two clauses of one kind; {@code section} is upper case. */
  record SectionTwice(String section) implements Problem {
    @Override
    public String message() {
      return "The \"" + section + "\" section can only be used once in an update expression;";
    }
  }

  /** A condition function, or {@code size}, inside an UpdateExpression. */
  record NotInUpdate(String function) implements Problem {
    @Override
    public String message() {
      return "The function is not allowed in an update expression; function: " + function;
    }
  }

  /** The operand of ADD or DELETE has a type the action refuses; {@code type} is a long name. */
  record ActionOperandType(String action, String type) implements Problem {
    @Override
    public String message() {
      return "Incorrect operand type for operator or function; operator: " + action
          + ", operand type: " + type;
    }
  }

  record UpdateTooLong() implements Problem {
    @Override
    public String message() {
      return "Expression size has exceeded the maximum allowed size;";
    }
  }
}
