package dev.tombstone.internal.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionTest {
  private static final ExpressionCompiler COMPILER = new ExpressionCompiler();

  private static final Item ITEM = DynamoJson.item(json("""
      {"pk":{"S":"k"},"s":{"S":"abc"},"n":{"N":"10"},
       "l":{"L":[{"S":"a"},{"N":"1"},{"L":[{"S":"x"},{"S":"y"}]},{"M":{"k":{"S":"v"},"j":{"S":"w"}}}]},
       "m":{"M":{"x":{"S":"y"},"n":{"N":"5"},"deep":{"M":{"z":{"S":"w"},"q":{"S":"r"}}}}},
       "dot.name":{"S":"d"}}
      """));

  @Test
  void keepsTopLevelAttributes() {
    assertThat(project("s, n, zz", null)).isEqualTo(item("""
        {"s":{"S":"abc"},"n":{"N":"10"}}"""));
  }

  @Test
  void keepsOnlyTheRequestedPartsOfMaps() {
    assertThat(project("m.x, m.deep.z", null)).isEqualTo(item("""
        {"m":{"M":{"x":{"S":"y"},"deep":{"M":{"z":{"S":"w"}}}}}}"""));
  }

  @Test
  void keepsListElementsInIndexOrder() {
    assertThat(project("l[3].k, l[0], l[2][1], l[9]", null)).isEqualTo(item("""
        {"l":{"L":[{"S":"a"},{"L":[{"S":"y"}]},{"M":{"k":{"S":"v"}}}]}}"""));
  }

  @Test
  void leavesOutWhatDoesNotExist() {
    assertThat(project("m.zz, s.x, l[7], n[0], zz.y", null)).isEqualTo(Item.EMPTY);
  }

  @Test
  void resolvesNamePlaceholdersAsSingleNames() {
    Projection projection = COMPILER.projection("#d, #m.#x", Map.of("#d", "dot.name",
        "#m", "m", "#x", "x"));

    assertThat(projection.apply(ITEM)).isEqualTo(item("""
        {"dot.name":{"S":"d"},"m":{"M":{"x":{"S":"y"}}}}"""));
    assertThat(projection.usedNames()).containsExactlyInAnyOrder("#d", "#m", "#x");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|The expression can not be empty;",
      "a,|Syntax error; token: \"<EOF>\", near: \",\"",
      "a, status|Attribute name is a reserved keyword; reserved keyword: status",
      "#zz|An expression attribute name used in the document path is not defined; attribute name: #zz",
      "a, a|Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
      "a.b, c, a|Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]",
      "#n, n|Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [n], path two: [n]",
      "l[0], l[0].x|Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l, [0]], path two: [l, [0], x]",
      "a.b, a[0]|Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]",
      "a.b, a[0], c, c.d|Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c], path two: [c, d]",
      "l[99999999999]|List index is not within the allowable range; index: [99999999999]",
  })
  void rejectsInvalidProjections(String text, String message) {
    DynamoDbError.Validation thrown = catchThrowableOfType(DynamoDbError.Validation.class,
        () -> COMPILER.projection(text, Map.of("#n", "n")));

    assertThat(thrown).as(text).isNotNull();
    assertThat(thrown.getMessage()).isEqualTo("Invalid ProjectionExpression: " + message);
  }

  @Test
  void siblingsDoNotOverlap() {
    assertThat(project("m.x, m.n, m.xx, l[1], l[10]", null)).isEqualTo(item("""
        {"m":{"M":{"x":{"S":"y"},"n":{"N":"5"}}},"l":{"L":[{"N":"1"}]}}"""));
  }

  private static Item project(String text, Map<String, String> names) {
    return COMPILER.projection(text, names).apply(ITEM);
  }

  private static Item item(String json) {
    return DynamoJson.item(json(json));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String json) {
    return (Map<String, Object>) JsonReader.read(json);
  }
}
