package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHistoryTest {
  private static final VersionIds IDS = new VersionIds();
  private static final String ID_A = IDS.next();
  private static final String ID_B = IDS.next();
  private static final String ID_C = IDS.next();
  private static final Entry A = new Entry.Marker(ID_A, Instant.EPOCH);
  private static final Entry B = new Entry.Marker(ID_B, Instant.EPOCH.plusSeconds(1));
  private static final Entry C = new Entry.Marker(ID_C, Instant.EPOCH.plusSeconds(2));
  private static final Entry NULL = new Entry.Marker(VersionIds.NULL, Instant.EPOCH);

  @Test
  void oneEntry_andPushesKeepTheNewestFirst() {
    KeyHistory one = KeyHistory.of(A);
    KeyHistory three = KeyHistory.push(KeyHistory.push(one, B), C);

    assertThat(one.size()).isEqualTo(1);
    assertThat(one.current()).isSameAs(A);
    assertThat(one.entries()).containsExactly(A);
    assertThat(three.entries()).containsExactly(C, B, A);
    assertThat(three.current()).isSameAs(C);
    assertThat(three.get(2)).isSameAs(A);
    assertThat(KeyHistory.push(null, A)).isEqualTo(one);
    // Histories are values: the one that was pushed onto is unchanged.
    assertThat(one.entries()).containsExactly(A);
  }

  @Test
  void findReplaceAndRemove_workForOneEntryAndForMany() {
    KeyHistory one = KeyHistory.of(A);
    KeyHistory two = KeyHistory.push(one, B);

    assertThat(one.find(ID_A)).containsSame(A);
    assertThat(one.find(ID_B)).isEmpty();
    assertThat(two.find(ID_A)).containsSame(A);
    assertThat(one.replace(ID_A, B).entries()).containsExactly(B);
    assertThat(two.replace(ID_A, C).entries()).containsExactly(B, C);
    assertThat(one.withoutOrNull(ID_A)).isNull();
    assertThat(one.withoutOrNull("x")).isSameAs(one);
    assertThat(two.withoutOrNull(ID_B).entries()).containsExactly(A);
    assertThat(two.withoutOrNull(ID_B).size()).isEqualTo(1);
  }

  @Test
  void replaceNull_dropsTheNullVersionBeforePushing() {
    KeyHistory history = KeyHistory.push(KeyHistory.of(A), NULL);

    assertThat(KeyHistory.replaceNull(history, B).entries()).containsExactly(B, A);
    assertThat(KeyHistory.replaceNull(KeyHistory.of(NULL), B).entries()).containsExactly(B);
    assertThat(KeyHistory.replaceNull(null, B).entries()).containsExactly(B);
  }

  @Test
  void equalEntries_makeEqualHistories_howeverTheyWereBuilt() {
    KeyHistory pushed = KeyHistory.push(KeyHistory.of(A), B);
    KeyHistory listed = new KeyHistory(List.of(B, A));

    assertThat(pushed).isEqualTo(listed).hasSameHashCodeAs(listed);
    assertThat(new KeyHistory(List.of(A))).isEqualTo(KeyHistory.of(A));
    assertThat(pushed).isNotEqualTo(new KeyHistory(List.of(A, B)));
    assertThat(pushed.toString()).contains(ID_B, ID_A);
  }

  @Test
  void aHistoryIsNeverEmpty_andHoldsNoNulls() {
    assertThatThrownBy(() -> new KeyHistory(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyHistory.of(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> KeyHistory.push(KeyHistory.of(A), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> KeyHistory.of(A).get(1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
