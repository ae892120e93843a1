package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which problem DynamoDB reports when an expression has several: parse problems, then unknown
 * function names and UpdateExpression functions (the first in the text), misplaced functions,
 * reserved words, then the first comparison or function (in textual order) with a problem,
 * ranked within it as undefined placeholder, operand count, repeated path, operand type.
 */
class ValidationOrderTest {
  private static final ExpressionCompiler COMPILER = new ExpressionCompiler();
  private static final Map<String, String> NAMES = Map.of("#a", "a");
  private static final String ANY_TYPE =
      "{M,INT,N,NULL,FLOAT,SS,INTSET,B,DOUBLE,HD,DICT,NS,S,DECIMAL,L,FS,BOOL,BS,DOUBLESET,HDS,"
          + "DECIMALSET}";

  static List<Arguments> cases() {
    AttributeValue n = AttributeValue.n(1);
    AttributeValue s = AttributeValue.s("1");
    return List.of(
        of("attRIbute_exIsts((views), #a)", null, null, "Invalid function name; function: attRIbute_exIsts"),
        of("a=a and whatever((:things)) > a", null, null, "Invalid function name; function: whatever"),
        of("if_not_exists(a, :v) = :v AND dog(a)", null, null,
            "The function is not allowed in a condition expression; function: if_not_exists"),
        of("dog(a) AND list_append(a, :v) = :v", null, null,
            "Invalid function name; function: dog"),
        of("size(a) AND list_append(a, :v) = :v", null, null,
            "The function is not allowed in a condition expression; function: list_append"),
        of("views = :v AND size(if_not_exists(a, b)) > :w", null, null,
            "The function is not allowed in a condition expression; function: if_not_exists"),
        of("if_not_exists(a) = :w", null, null,
            "The function is not allowed in a condition expression; function: if_not_exists"),
        of("a=a and attribute_exists((views), (#a)) > b", null, null,
            "The function is not allowed to be used this way in an expression; function: attribute_exists"),
        of("size(contains(a, b)) > a", null, null,
            "The function is not allowed to be used this way in an expression; function: contains"),
        of("size(things)", null, null,
            "The function is not allowed to be used this way in an expression; function: size"),
        of("a between b and attribute_exists(things)", null, null,
            "The function is not allowed to be used this way in an expression; function: attribute_exists"),
        of("a in (b, attribute_exists(things))", null, null,
            "The function is not allowed to be used this way in an expression; function: attribute_exists"),
        of("attribute_exists(views, #a)", null, null,
            "Attribute name is a reserved keyword; reserved keyword: views"),
        of(":a < abOrT", null, null, "Attribute name is a reserved keyword; reserved keyword: abOrT"),
        of("attribute_exists(#Pictures.RearView, :a) and a=a", null, null,
            "An expression attribute name used in the document path is not defined; attribute name: #Pictures"),
        of("begins_with(:hello, #a, #b)", null, null,
            "An expression attribute value used in expression is not defined; attribute value: :hello"),
        of("(a)between(b.c[45].#d)and(:a)", null, null,
            "An expression attribute name used in the document path is not defined; attribute name: #d"),
        of("attribute_exists(things, a) and a=a", null, null,
            "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"),
        of("begins_with(things, size(a), b)", null, null,
            "Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 3"),
        of("size(things, a) > b", null, null,
            "Incorrect number of operands for operator or function; operator or function: size, number of operands: 2"),
        of("attribute_type(a, size(a)) and a=a and a=:a", null, Map.of(":a", n),
            "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"),
        of("attribute_type(a, :a)", null, Map.of(":a", AttributeValue.ss("1")),
            "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: SS"),
        of("attribute_type(a, b)", null, null,
            "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: " + ANY_TYPE),
        of("begins_with(a, size(a)) and a=:a", null, Map.of(":a", n),
            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"),
        of("begins_with(:a, a)", null, Map.of(":a", AttributeValue.bool(true)),
            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: BOOL"),
        of("size(size(a)) > :a", null, Map.of(":a", n),
            "Incorrect operand type for operator or function; operator or function: size, operand type: N"),
        of("attribute_not_exists(size(:a))", null, Map.of(":a", n),
            "Incorrect operand type for operator or function; operator or function: size, operand type: N"),
        of("attribute_not_exists(size(:a))", null, Map.of(":a", s),
            "Operator or function requires a document path; operator or function: attribute_not_exists"),
        of("size(:a) > a", null, Map.of(":a", AttributeValue.nul()),
            "Incorrect operand type for operator or function; operator or function: size, operand type: NULL"),
        of("attribute_exists(:a) and a=a", null, Map.of(":a", s),
            "Operator or function requires a document path; operator or function: attribute_exists"),
        of("a = a AND #a = b AND :views > a", NAMES, null,
            "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"),
        of("#a <> a", NAMES, null,
            "The first operand must be distinct from the remaining operands for this operator or function; operator: <>, first operand: [a]"),
        of("((a=a) OR (a=a))", null, null,
            "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"),
        of("contains(ab.bc[1].a, ab.bc[1].#a)", NAMES, null,
            "The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [ab, bc, [1], a]"),
        of("attribute_type(ab.bc[1].#a, ab.bc[1].a)", NAMES, null,
            "The first operand must be distinct from the remaining operands for this operator or function; operator: attribute_type, first operand: [ab, bc, [1], a]"),
        of("a BETWEEN :lo AND a", null, Map.of(":lo", n),
            "The first operand must be distinct from the remaining operands for this operator or function; operator: BETWEEN, first operand: [a]"),
        of("a >= :b", null, Map.of(":b", AttributeValue.m(Map.of())),
            "Incorrect operand type for operator or function; operator or function: >=, operand type: M"),
        of("a BETWEEN :b AND :b", null, Map.of(":b", AttributeValue.nul()),
            "Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: NULL"),
        of("a BETWEEN :lo AND :hi", null,
            Map.of(":lo", TestValues.b(1, 2), ":hi", TestValues.b(1)),
            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {B:AQI=}, upper bound operand: AttributeValue: {B:AQ==}"),
        of("a = :w AND a IN (" + ":v, ".repeat(100) + ":v)", null, Map.of(":v", n),
            "An expression attribute value used in expression is not defined; attribute value: :w"),
        of("attribute_exists(a" + "[0]".repeat(32) + ".#x)", null, null,
            "An expression attribute name used in the document path is not defined; attribute name: #x"),
        of("a[2147483648] = :v", null, Map.of(":v", n),
            "List index is not within the allowable range; index: [2147483648]"));
  }

  private static Arguments of(
      String text, Map<String, String> names, Map<String, AttributeValue> values, String message) {
    return Arguments.of(text, names, values, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheFirstProblemInDynamoDbsOrder(
      String text, Map<String, String> names, Map<String, AttributeValue> values, String message) {
    DynamoDbError.Validation thrown = catchThrowableOfType(DynamoDbError.Validation.class,
        () -> COMPILER.condition(ExpressionKind.FILTER, text, names, values));

    assertThat(thrown).as(text).isNotNull();
    assertThat(thrown.getMessage()).isEqualTo("Invalid FilterExpression: " + message);
  }

  @Test
  void acceptsTheLargestIndexAndTheDeepestPath() {
    assertThatCode(() -> COMPILER.condition(ExpressionKind.CONDITION,
        "a[2147483647] = :v AND attribute_exists(a" + "[0]".repeat(31) + ")",
        null, Map.of(":v", AttributeValue.n(1)))).doesNotThrowAnyException();
  }

  @Test
  void literalsMayRepeatAndMayBeCompared() {
    CompiledCondition c = COMPILER.condition(ExpressionKind.CONDITION,
        ":a = :a AND contains(:s, :p) AND size(:s) = :three", null,
        Map.of(":a", AttributeValue.n(1), ":s", AttributeValue.s("abc"), ":p",
            AttributeValue.s("b"), ":three", AttributeValue.n(3)));

    assertThat(c.matches(null)).isTrue();
  }
}
