package dev.tombstone.dynamodb;

import static dev.tombstone.dynamodb.AttributeValue.n;
import static dev.tombstone.dynamodb.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeySchemaTest {
  private final KeySchema composite = KeySchema.of(KeyAttribute.s("user"), KeyAttribute.n("time"));

  @Test
  void keys_withNumericallyEqualNumbers_areEqual() {
    PrimaryKey a = composite.keyOf(Map.of("user", s("u"), "time", n("1.0")));
    PrimaryKey b = composite.keyOf(Map.of("user", s("u"), "time", n("1")));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  void keyOf_refusesMissingExtraAndMistypedAttributes() {
    for (Map<String, AttributeValue> key : java.util.List.<Map<String, AttributeValue>>of(
        Map.of("user", s("u")),
        Map.of("user", s("u"), "time", s("1")),
        Map.of("user", s("u"), "time", n("1"), "x", s("y")),
        Map.of("other", s("u"), "time", n("1")))) {
      assertThatThrownBy(() -> composite.keyOf(key))
          .hasMessage("The provided key element does not match the schema");
    }
  }

  @Test
  void keyOfItem_namesTheProblem() {
    assertThatThrownBy(() -> composite.keyOfItem(Item.builder().put("time", n("1")).build()))
        .hasMessage("One or more parameter values were invalid: Missing the key user in the item");
    assertThatThrownBy(() -> composite.keyOfItem(
            Item.builder().put("user", n("1")).put("time", n("1")).build()))
        .hasMessage("One or more parameter values were invalid: Type mismatch for key user"
            + " expected: S actual: N");
    assertThatThrownBy(() -> composite.keyOfItem(
            Item.builder().put("user", s("")).put("time", n("1")).build()))
        .hasMessage("One or more parameter values are not valid. The AttributeValue for a key"
            + " attribute cannot contain an empty string value. Key: user");
  }

  @Test
  void scanOrder_isByPartitionThenSortKey() {
    PrimaryKey a1 = composite.keyOf(Map.of("user", s("a"), "time", n("1")));
    PrimaryKey a10 = composite.keyOf(Map.of("user", s("a"), "time", n("10")));
    PrimaryKey b0 = composite.keyOf(Map.of("user", s("b"), "time", n("0")));

    assertThat(java.util.stream.Stream.of(b0, a10, a1).sorted()).containsExactly(a1, a10, b0);
  }

  @Test
  void multiAttributeKey_refusesTheSingleAttributeAccessors_ratherThanReadingTheFirst() {
    KeySchema index = KeySchema.of(java.util.List.of(KeyAttribute.s("org"), KeyAttribute.n("dept")),
        java.util.List.of(KeyAttribute.s("since")));

    assertThat(index.multiAttribute()).isTrue();
    assertThat(index.sortKey()).isEqualTo(KeyAttribute.s("since"));
    assertThat(index.attributes()).extracting(KeyAttribute::name)
        .containsExactly("org", "dept", "since");
    assertThatThrownBy(index::partitionKey).isInstanceOf(IllegalStateException.class)
        .hasMessage("the key has 2 partition attributes; read partitionKeys()");
    assertThat(composite.multiAttribute()).isFalse();
  }

  @Test
  void multiAttributeKey_hasOneToFourAttributesASideAndNoNameTwice() {
    java.util.List<KeyAttribute> five = java.util.stream.IntStream.range(0, 5)
        .mapToObj(i -> KeyAttribute.s("a" + i)).toList();

    assertThatThrownBy(() -> KeySchema.of(five, java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> KeySchema.of(five.subList(0, 1), five.subList(1, 5)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> KeySchema.of(java.util.List.of(KeyAttribute.s("x")), five))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeySchema.of(java.util.List.of(KeyAttribute.s("x"),
            KeyAttribute.n("x")), java.util.List.of()))
        .hasMessage("key attributes must differ, x is named twice");
  }
}
