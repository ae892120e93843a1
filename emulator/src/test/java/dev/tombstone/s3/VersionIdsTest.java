package dev.tombstone.s3;

import dev.tombstone.internal.Utf8Order;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class VersionIdsTest {
  @Test
  void ids_are32UrlSafeCharacters_wellFormed_andUnique() {
    VersionIds ids = new VersionIds();
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 10_000; i++) {
      String id = ids.next();
      assertThat(id).matches("[A-Za-z0-9._]{32}");
      assertThat(VersionIds.isWellFormed(id)).isTrue();
      assertThat(seen.add(id)).isTrue();
    }
  }

  @Test
  void words_readAnIdsBytesAsThreeLongs_andEncodeWritesTheSameTextBack() {
    VersionIds ids = new VersionIds();
    for (int i = 0; i < 1_000; i++) {
      String id = ids.next();
      ByteBuffer raw = ByteBuffer.wrap(decode(id));
      long high = VersionIds.word(id, 0);
      long middle = VersionIds.word(id, 1);
      long low = VersionIds.word(id, 2);

      assertThat(new long[] {high, middle, low})
          .containsExactly(raw.getLong(0), raw.getLong(8), raw.getLong(16));
      assertThat(high).isPositive(); // the write sequence: no id reads as three zeros
      assertThat(VersionIds.encode(high, middle, low)).isEqualTo(id);
      assertThat(VersionIds.matches(high, middle, low, id)).isTrue();
    }
  }

  @Test
  void matches_tellsEveryOtherTextApart() {
    VersionIds ids = new VersionIds();
    String id = ids.next();
    long high = VersionIds.word(id, 0);
    long middle = VersionIds.word(id, 1);
    long low = VersionIds.word(id, 2);

    assertThat(VersionIds.matches(high, middle, low, ids.next())).isFalse();
    assertThat(VersionIds.matches(high, middle, low, id.substring(1))).isFalse();
    assertThat(VersionIds.matches(high, middle, low, id + "A")).isFalse();
    assertThat(VersionIds.matches(high, middle, low, VersionIds.NULL)).isFalse();
    for (int i = 0; i < id.length(); i++) {
      char other = id.charAt(i) == 'A' ? 'B' : 'A';
      String changed = id.substring(0, i) + other + id.substring(i + 1);
      assertThat(VersionIds.matches(high, middle, low, changed)).as("position %d", i).isFalse();
    }
  }

  @Test
  void ids_areBase64WithDotAndUnderscore_ofTheWriteSequenceFollowedByRandomBytesAndACrc() {
    VersionIds ids = new VersionIds();
    byte[] first = decode(ids.next());
    byte[] second = decode(ids.next());

    assertThat(first).hasSize(24);
    assertThat(ByteBuffer.wrap(second).getLong()).isEqualTo(ByteBuffer.wrap(first).getLong() + 1);
    CRC32 crc = new CRC32();
    crc.update(second, 0, 20);
    assertThat(ByteBuffer.wrap(second, 20, 4).getInt()).isEqualTo((int) crc.getValue());
  }

  private static byte[] decode(String id) {
    return Base64.getDecoder().decode(id.replace('.', '+').replace('_', '/'));
  }

  @Test
  void madeUpOrTamperedIds_areMalformed_nullIsWellFormed() {
    String id = new VersionIds().next();
    char last = id.charAt(31);
    String tampered = id.substring(0, 31) + (last == 'A' ? 'B' : 'A');

    assertThat(VersionIds.isWellFormed("null")).isTrue();
    assertThat(VersionIds.isWellFormed(tampered)).isFalse();
    assertThat(VersionIds.isWellFormed("GNw9xLk.mOeY5J05wxtBY9tDKMLAaHFw")).isFalse();
    assertThat(VersionIds.isWellFormed("bogus")).isFalse();
    assertThat(VersionIds.isWellFormed("")).isFalse();
    assertThat(VersionIds.isWellFormed(id.replace(id.charAt(0), '+'))).isFalse();
  }

  @Test
  void keys_sortByUtf8Bytes() {
    // U+FF61 is 3 UTF-8 bytes starting 0xEF; U+1F600 is 4 bytes starting 0xF0.
    assertThat(Utf8Order.compare("\uFF61", "\uD83D\uDE00")).isNegative();
    assertThat(Utf8Order.compare("a", "ab")).isNegative();
    assertThat(Utf8Order.compare("b", "ab")).isPositive();
    assertThat(Utf8Order.compare("same", "same")).isZero();
  }
}
