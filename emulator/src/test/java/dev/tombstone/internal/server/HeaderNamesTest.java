package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.util.HttpString;
import org.junit.jupiter.api.Test;

class HeaderNamesTest {
  private final HeaderNames headerNames = new HeaderNames();

  @Test
  void aRepeatedName_isTheSameHttpString() {
    HttpString first = headerNames.of("x-amz-delete-marker");

    assertThat(headerNames.of("x-amz-delete-marker")).isSameAs(first)
        .isEqualTo(new HttpString("x-amz-delete-marker"));
  }

  @Test
  void pastTheKeptNames_aNameIsStillRightJustMadeAfresh() {
    for (int i = 0; i < HeaderNames.KEPT + 10; i++) {
      assertThat(headerNames.of("x-amz-meta-n" + i).toString()).isEqualTo("x-amz-meta-n" + i);
    }
    String late = "x-amz-meta-late";

    assertThat(headerNames.of(late)).isEqualTo(new HttpString(late))
        .isNotSameAs(headerNames.of(late));
  }
}
