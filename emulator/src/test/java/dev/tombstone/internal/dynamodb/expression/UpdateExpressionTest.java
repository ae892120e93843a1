package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The UpdateExpression compiler and applier below the protocol: parse, bind, apply, cache. */
class UpdateExpressionTest {
  private final ExpressionCompiler compiler = new ExpressionCompiler();
  private static final Item ITEM = Item.of(Map.of(
      "pk", AttributeValue.s("k"),
      "l", AttributeValue.l(AttributeValue.s("0"), AttributeValue.s("1"), AttributeValue.s("2")),
      "n", AttributeValue.n(5)));

  @Test
  void update_withoutPlaceholders_isBoundOnceAndCached() {
    CompiledUpdate first = compiler.update("REMOVE n", null, null);

    assertThat(compiler.update("REMOVE n", null, null)).isSameAs(first);
    assertThat(compiler.cachedCount()).isEqualTo(1);
  }

  @Test
  void apply_leavesTheInputItemUnchanged() {
    CompiledUpdate update = compiler.update("SET l[0] = :v ADD n :v", null,
        Map.of(":v", AttributeValue.n(1)));

    Item after = update.apply(ITEM);

    assertThat(after.get("l")).isEqualTo(AttributeValue.l(AttributeValue.n(1),
        AttributeValue.s("1"), AttributeValue.s("2")));
    assertThat(after.get("n")).isEqualTo(AttributeValue.n(6));
    assertThat(ITEM.get("n")).isEqualTo(AttributeValue.n(5));
  }

  @Test
  void removeOfSeveralElements_usesTheIndexesOfTheListAsItWas() {
    Item after = compiler.update("REMOVE l[2], l[0]", null, null).apply(ITEM);

    assertThat(after.get("l")).isEqualTo(AttributeValue.l(AttributeValue.s("1")));
  }

  @Test
  void attributeNames_areTheTopLevelNamesWritten() {
    CompiledUpdate update = compiler.update("SET #a.b = :v REMOVE c[1]", Map.of("#a", "a"),
        Map.of(":v", AttributeValue.n(1)));

    assertThat(update.attributeNames()).containsExactlyInAnyOrder("a", "c");
    assertThat(update.usedNames()).containsExactly("#a");
    assertThat(update.usedValues()).containsExactly(":v");
  }

  @Test
  void syntaxError_quotesTheOffendingToken() {
    assertThatThrownBy(() -> compiler.update("SET a = :v :w", null, null))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessage("Invalid UpdateExpression: Syntax error; token: \":w\", near: \":v :w\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SET n = (n - :v)", "SET n = ((n) - :v)",
      "SET n = (if_not_exists(n, :v) - :v)", "SET n = (n) - :v"})
  void setArithmetic_inParentheses_isApplied(String expression) {
    Item after = compiler.update(expression, null, Map.of(":v", AttributeValue.n(1)))
        .apply(ITEM);

    assertThat(after.get("n")).isEqualTo(AttributeValue.n(4));
  }

  @Test
  void setArithmetic_inTwoPairsOfParentheses_isRedundant() {
    assertThatThrownBy(() -> compiler.update("SET n = ((n - :v))", null,
        Map.of(":v", AttributeValue.n(1))))
        .hasMessage("Invalid UpdateExpression: The expression has redundant parentheses;");
  }

  @Test
  void parenthesisedArithmetic_isNotAnOperandOfMoreArithmetic() {
    assertThatThrownBy(() -> compiler.update("SET n = (n - :v) + :v", null,
        Map.of(":v", AttributeValue.n(1))))
        .hasMessage("Invalid UpdateExpression: Syntax error; token: \"+\", near: \") + :v\"");
  }

  @Test
  void addToSets_keepsStringsAndBinariesInByteOrder() {
    Item item = Item.of(Map.of("ss", AttributeValue.ss("\uFF61", "a"),
        "bs", new AttributeValue.BS(Set.of(Bytes.of((byte) 0x80), Bytes.of((byte) 1)))));

    Item after = compiler.update("ADD ss :s, bs :b", null, Map.of(
        ":s", AttributeValue.ss("\uD83D\uDE00", ""), ":b", new AttributeValue.BS(Set.of(Bytes.of()))))
        .apply(item);

    assertThat(((AttributeValue.SS) after.get("ss")).values())
        .containsExactly("", "a", "\uFF61", "\uD83D\uDE00");
    assertThat(((AttributeValue.BS) after.get("bs")).values())
        .containsExactly(Bytes.of(), Bytes.of((byte) 1), Bytes.of((byte) 0x80));
  }

  @Test
  void conditionGrammar_isUnchangedByTheArithmeticTokens() {
    assertThatThrownBy(() -> compiler.condition(ExpressionKind.CONDITION, "a + b = :v", null,
        Map.of(":v", AttributeValue.n(1))))
        .hasMessage("Invalid ConditionExpression: Syntax error; token: \"+\", near: \"a + b\"");
  }

  @Test
  void legacyAttributeUpdates_defaultToPut_andRefuseMisuse() {
    Item after = ExpressionCompiler.legacyUpdate(Map.of(
        "x", new LegacyUpdate(null, AttributeValue.s("y"), null))).apply(ITEM);

    assertThat(after.get("x")).isEqualTo(AttributeValue.s("y"));
    assertThatThrownBy(() -> ExpressionCompiler.legacyUpdate(Map.of(
        "x", new LegacyUpdate("ADD", AttributeValue.bool(true), null))))
        .hasMessage("One or more parameter values were invalid: ADD action is not supported for"
            + " the type BOOL");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SET a = list_append(list_append(:v, :v), :v)",
      "SET a = list_append(:v, list_append(:v, :v))",
      "SET a = list_append(list_append(list_append(:v, :v), :v), :v)",
      "SET a = if_not_exists(a, list_append(:v, :v))",
      "SET a = list_append(if_not_exists(a, list_append(:v, :v)), :v)",
      "SET a = if_not_exists(a, list_append(:v, :v)) + :v",
      // Before the later reserved word, the undefined :w and the extra operand.
      "SET a = list_append(list_append(:v, :w, :v), :v), name = :v"})
  void listAppend_asAFunctionsArgument_isAMisusedFunction(String text) {
    assertThatThrownBy(() -> compiler.update(text, null, Map.of(":v", AttributeValue.l())))
        .hasMessage("Invalid UpdateExpression: The function is not allowed to be used this way"
            + " in an expression; function: list_append");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SET a = list_append(if_not_exists(a, :v), :v)",
      "SET a = list_append(:v, if_not_exists(a, :v))",
      "SET a = if_not_exists(a, if_not_exists(b, :v))"})
  void ifNotExists_asAFunctionsArgument_isAllowed(String text) {
    assertThatCode(() -> compiler.update(text, null, Map.of(":v", AttributeValue.l())))
        .doesNotThrowAnyException();
  }

  @Test
  void hostileNesting_failsWithAMessage_notAStackOverflow() {
    String nested = "SET a = " + "if_not_exists(a, ".repeat(400) + ":v" + ")".repeat(400);

    assertThatThrownBy(() -> compiler.update(nested, null, Map.of(":v", AttributeValue.n(1))))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessageStartingWith("Invalid UpdateExpression: ");
  }
}
