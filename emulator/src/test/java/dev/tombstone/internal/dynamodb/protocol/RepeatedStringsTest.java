package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepeatedStringsTest {
  private final RepeatedStrings strings = new RepeatedStrings();

  private String of(String document, String text) {
    byte[] bytes = document.getBytes(StandardCharsets.ISO_8859_1);
    int start = document.indexOf(text);
    return strings.of(bytes, start, start + text.length());
  }

  @Test
  void aTextSeenBefore_isTheSameInstance_whereverItStands() {
    String first = of("{\"TableName\":\"users\"}", "users");
    String again = of("[\"users\",1]", "users");

    assertThat(again).isEqualTo("users").isSameAs(first);
    assertThat(of("x", "")).isEmpty();
  }

  @Test
  void anotherTextInTheSameSlot_replacesIt_andEachReadsAsItsOwnText() {
    for (int i = 0; i < 2_000; i++) {
      String text = "name" + i;
      assertThat(of("{" + text + "}", text)).isEqualTo(text);
    }
    assertThat(of("\u00e9t\u00e9", "\u00e9t\u00e9")).isEqualTo("\u00e9t\u00e9");
  }

  @Test
  void longTexts_areMadeEachTime() {
    String text = "attribute_exists(pk) AND ".repeat(8);

    assertThat(of(text, text)).isEqualTo(text).isNotSameAs(of(text, text));
  }
}
