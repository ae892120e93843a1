package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import dev.tombstone.internal.dynamodb.SetValidation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemSizeTest {

  @ParameterizedTest
  @CsvSource({"12,2", "1.2,3", "12.3456,4", "-1,3", "0,1", "100,2", "0.01,2", "123,3"})
  void numberSizes_followDynamoDbsRule(String number, int size) {
    assertThat(ItemSize.of(AttributeValue.n(number))).isEqualTo(size);
  }

  @Test
  void verifiedBoundary_1024BytesIsOneWriteUnit_1025IsTwo() {
    Item at1024 = Item.builder()
        .put("a", "x".repeat(10))
        .put("b", "x".repeat(999))
        .put("c", AttributeValue.n("12.3456"))
        .put("d", new AttributeValue.B(Bytes.fromBase64("AQI=")))
        .put("e", SetValidation.binarySet(java.util.List.of(
            Bytes.fromBase64("AQI="), Bytes.fromBase64("Ag=="), Bytes.fromBase64("AQ=="))))
        .build();
    Item at1025 = Item.builder()
        .put("a", "x".repeat(10))
        .put("b", "x".repeat(1001))
        .put("c", AttributeValue.n("12.3456"))
        .put("d", new AttributeValue.B(Bytes.fromBase64("AQI=")))
        .put("e", SetValidation.binarySet(java.util.List.of(
            Bytes.fromBase64("AQI="), Bytes.fromBase64("Ag=="))))
        .build();

    assertThat(at1024.sizeInBytes()).isEqualTo(1024);
    assertThat(Capacity.writeUnits(at1024, null)).isEqualTo(1.0);
    assertThat(at1025.sizeInBytes()).isEqualTo(1025);
    assertThat(Capacity.writeUnits(at1025, null)).isEqualTo(2.0);
  }

  @Test
  void nestedDocuments_countTheirOverhead() {
    AttributeValue list = AttributeValue.l(AttributeValue.s("ab"), AttributeValue.bool(true));
    AttributeValue map = AttributeValue.m(java.util.Map.of("k", AttributeValue.s("v")));

    assertThat(ItemSize.of(list)).isEqualTo(3 + (1 + 2) + (1 + 1));
    assertThat(ItemSize.of(map)).isEqualTo(3 + 1 + 1 + 1);
    assertThat(ItemSize.utf8Length("é€")).isEqualTo(5);
  }

  @Test
  void builderKeepsTheSizeUpToDate_throughPutsReplacementsAndRemovals() {
    Item base = Item.builder().put("UserId", "u1").put("n", AttributeValue.n("12.5"))
        .put("tags", AttributeValue.ss("a", "bé")).build();
    Item.Builder builder = base.toBuilder().put("n", AttributeValue.n(7)).remove("tags")
        .put("deletedAt", "2026-12-03").remove("missing");

    Item changed = builder.build();
    Item afterBuild = builder.put("más", AttributeValue.bool(true)).build();

    assertThat(changed.sizeInBytes()).isEqualTo(Item.of(changed.attributes()).sizeInBytes());
    assertThat(afterBuild.sizeInBytes()).isEqualTo(Item.of(afterBuild.attributes()).sizeInBytes());
    assertThat(changed.has("más")).isFalse();
    assertThat(base.sizeInBytes()).isEqualTo(Item.of(base.attributes()).sizeInBytes());
  }
}
