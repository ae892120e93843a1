package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page Query and Scan fill: its limit, its 1 MB size, where the next page starts. */
class ReadPageTest {
  private static Item item(String pk, int bytesOfD) {
    return Item.builder().put("pk", pk).put("d", "x".repeat(bytesOfD)).build();
  }

  @Test
  void limit_fillsThePage_afterThatManyItemsRead_evenWhenTheFilterKeptNone() {
    ReadPage page = new ReadPage(2);
    page.read(item("a", 1), item("a", 1));
    assertThat(page.full()).isFalse();
    Item second = item("b", 1);
    page.read(second, second);

    assertThat(page.full()).isTrue();
    assertThat(page.scanned()).isEqualTo(2);
    assertThat(page.count()).isZero();
    assertThat(page.items()).isEmpty();
    assertThat(page.cutAfter()).isSameAs(second);
  }

  @Test
  void size_fillsThePage_atOneMegabyteOfWhatWasRead() {
    ReadPage page = new ReadPage(null);
    Item stored = item("a", 10);
    Item big = item("a", (int) ReadPage.MAX_BYTES);
    page.read(stored, big);

    assertThat(page.full()).isTrue();
    assertThat(page.cutAfter()).isSameAs(stored);
  }

  @Test
  void aReadThatRunsOut_leavesNoStart_andCountsWhatTheFilterKept() {
    ReadPage page = new ReadPage(5);
    Item a = item("a", 1);
    Item b = item("b", 1);
    page.read(a, a);
    page.returned(a);
    page.read(b, b);
    page.counted();

    assertThat(page.full()).isFalse();
    assertThat(page.cutAfter()).isNull();
    assertThat(page.count()).isEqualTo(2);
    assertThat(page.scanned()).isEqualTo(2);
    assertThat(page.items()).containsExactly(a);
  }

  @Test
  void units_areThoseOfTheBytesRead() {
    ReadPage page = new ReadPage(null);
    Item a = item("a", 5000);
    page.read(a, a);

    assertThat(page.units(false)).isEqualTo(Capacity.readUnits(a.sizeInBytes(), false));
    assertThat(page.units(true)).isEqualTo(Capacity.readUnits(a.sizeInBytes(), true));
  }
}
