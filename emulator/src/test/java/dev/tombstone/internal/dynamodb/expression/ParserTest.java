package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.internal.dynamodb.expression.Condition.And;
import dev.tombstone.internal.dynamodb.expression.Condition.Between;
import dev.tombstone.internal.dynamodb.expression.Condition.Compare;
import dev.tombstone.internal.dynamodb.expression.Condition.Comparator;
import dev.tombstone.internal.dynamodb.expression.Condition.Function;
import dev.tombstone.internal.dynamodb.expression.Condition.In;
import dev.tombstone.internal.dynamodb.expression.Condition.Not;
import dev.tombstone.internal.dynamodb.expression.Condition.Or;
import dev.tombstone.internal.dynamodb.expression.Operand.Call;
import dev.tombstone.internal.dynamodb.expression.Operand.Index;
import dev.tombstone.internal.dynamodb.expression.Operand.Name;
import dev.tombstone.internal.dynamodb.expression.Operand.NameRef;
import dev.tombstone.internal.dynamodb.expression.Operand.Path;
import dev.tombstone.internal.dynamodb.expression.Operand.ValueRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParserTest {
  private static final Path A = path("a");
  private static final Path B = path("b");
  private static final Path C = path("c");
  private static final ValueRef V = new ValueRef(":v");

  @Test
  void andBindsTighterThanOr_andNotTighterThanAnd() {
    Condition parsed = parse("a = :v OR b = :v AND NOT c = :v");

    assertThat(parsed).isEqualTo(new Or(
        eq(A, V),
        new And(eq(B, V), new Not(eq(C, V)))));
  }

  @Test
  void orAndAndAreLeftAssociative() {
    assertThat(parse("a = :v OR b = :v OR c = :v"))
        .isEqualTo(new Or(new Or(eq(A, V), eq(B, V)), eq(C, V)));
    assertThat(parse("a = :v AND b = :v AND c = :v"))
        .isEqualTo(new And(new And(eq(A, V), eq(B, V)), eq(C, V)));
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(parse("(a = :v OR b = :v) AND c = :v"))
        .isEqualTo(new And(new Or(eq(A, V), eq(B, V)), eq(C, V)));
  }

  @Test
  void notMayRepeat() {
    assertThat(parse("NOT NOT attribute_exists(a)"))
        .isEqualTo(new Not(new Not(new Function(new Call("attribute_exists", List.of(A))))));
  }

  @Test
  void betweenTakesTheFirstAnd() {
    assertThat(parse("a BETWEEN :v AND :w AND b = :v"))
        .isEqualTo(new And(new Between(A, V, new ValueRef(":w")), eq(B, V)));
  }

  @Test
  void keywordsIgnoreCase_functionNamesDoNot() {
    assertThat(parse("a between :v aNd :v Or NoT a iN (:v)"))
        .isEqualTo(new Or(new Between(A, V, V), new Not(new In(A, List.of(V)))));
    assertThat(parse("Attribute_Exists(a)"))
        .isEqualTo(new Function(new Call("Attribute_Exists", List.of(A))));
  }

  @Test
  void pathsMayHoldWhitespace_indexes_andPlaceholders() {
    Condition parsed = parse("l [ 2 ] [ 10 ] . #k . x = :v");

    assertThat(parsed).isEqualTo(eq(
        new Path(List.of(new Name("l"), new Index("2"), new Index("10"), new NameRef("#k"),
            new Name("x"))),
        V));
  }

  @Test
  void parenthesisedOperandsAndConditions() {
    assertThat(parse("(a) = (:v)")).isEqualTo(eq(A, V));
    assertThat(parse("(a = :v)")).isEqualTo(eq(A, V));
    assertThat(parse("(attribute_exists(a))"))
        .isEqualTo(new Function(new Call("attribute_exists", List.of(A))));
    assertThat(parse("(size(a)) > :v"))
        .isEqualTo(new Compare(new Call("size", List.of(A)), Comparator.GT, V));
    assertThat(parse("attribute_exists((a))"))
        .isEqualTo(new Function(new Call("attribute_exists", List.of(A))));
    assertThat(parse("((a = :v) AND (b = :v))")).isEqualTo(new And(eq(A, V), eq(B, V)));
  }

  @Test
  void aFunctionNameWithoutParenthesesIsAName() {
    assertThat(parse("contains = :v")).isEqualTo(eq(path("contains"), V));
  }

  @Test
  void collectsPlaceholders() {
    Parser.ParsedCondition parsed =
        Parser.condition("#a.#b = :x AND :y IN (#a, :x) OR size(#c) > :z");

    assertThat(parsed.names()).containsExactlyInAnyOrder("#a", "#b", "#c");
    assertThat(parsed.values()).containsExactlyInAnyOrder(":x", ":y", ":z");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "((a = :v))",
      "((a)) = :v",
      "a = ((:v))",
      "a = :v AND ((b = :v))",
      "a=a AND ((a=a AND a=a)) AND a=a",
      "a > whatever((:things), ((a)))",
      "(a)between(((b.c)).d)and(c)",
      "NOT ((a = :v))",
  })
  void directlyNestedParenthesesAreRedundant(String text) {
    assertThat(problem(text)).isEqualTo(new Problem.RedundantParentheses());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "a = |<EOF>|= ",
      "a != :v|!|a !=",
      "a == :v|=|== :v",
      "a[01] = :v|1|01]",
      "a[-1] = :v|-|[-1",
      "a.0 = :v|0|.0 =",
      "a = :v;|;|:v;",
      "'\"a\" = :v'|\"|\"a",
      "a < b < c|<|b < c",
      "and = :v|and|and =",
      "a IN ()|)|()",
      "begins_with(a,)|)|,)",
      "l[:i] = :v|:i|[:i]",
      "# = :v|#|# =",
      "(a)|<EOF>|)",
      "NOT a|<EOF>|a",
      "(a AND b)|AND|a AND b",
      "a = :v ADD b = :v|ADD|:v ADD b",
      "size(a).b > a|.|).b",
      "a = 😀|😀|= 😀",
  })
  void syntaxErrorsQuoteTheTokenAndItsNeighbours(String text, String token, String near) {
    assertThat(problem(text)).isEqualTo(new Problem.Syntax(token, near));
  }

  @Test
  void countsOperatorsUpTo300() {
    String ok = "a = :v" + " OR a = :v".repeat(149);
    String tooMany = ok + " OR attribute_exists(b)";

    assertThat(Parser.condition(ok).condition()).isNotNull();
    assertThat(problem(tooMany)).isEqualTo(new Problem.TooManyOperators(301));
  }

  @Test
  void checksTheLengthBeforeParsing() {
    assertThat(problem("")).isEqualTo(new Problem.Empty());
    assertThat(problem("(".repeat(5000))).isEqualTo(new Problem.TooLong(5000));
  }

  @Test
  void parsesProjections() {
    Parser.ParsedProjection parsed = Parser.projection("a, #b.c[1] ,d");

    assertThat(parsed.paths()).containsExactly(
        A, new Path(List.of(new NameRef("#b"), new Name("c"), new Index("1"))), path("d"));
    assertThat(parsed.names()).containsExactly("#b");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a,|<EOF>|,",
      "a b|b|a b",
      "size(a)|(|size(a",
      "a = :v|=|a = :v",
  })
  void projectionSyntaxErrors(String text, String token, String near) {
    ExpressionException thrown =
        catchThrowableOfType(ExpressionException.class, () -> Parser.projection(text));
    assertThat(thrown.problem()).isEqualTo(new Problem.Syntax(token, near));
  }

  private static Condition parse(String text) {
    return Parser.condition(text).condition();
  }

  private static Problem problem(String text) {
    ExpressionException thrown =
        catchThrowableOfType(ExpressionException.class, () -> Parser.condition(text));
    assertThat(thrown).as(text).isNotNull();
    return thrown.problem();
  }

  private static Path path(String name) {
    return new Path(List.of(new Name(name)));
  }

  private static Compare eq(Operand left, Operand right) {
    return new Compare(left, Comparator.EQ, right);
  }
}
