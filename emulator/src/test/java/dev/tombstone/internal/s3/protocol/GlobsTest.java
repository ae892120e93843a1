package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobsTest {
  @ParameterizedTest
  @CsvSource({
      "*, anything, true",
      "get*, getobject, true",
      "get*, putobject, false",
      "get?bject, getobject, true",
      "get?bject, getbject, false",
      "my-*-bucket, my-data-bucket, true",
      "my-*-bucket, my-bucket, false",
      "a*b*c, aXbYc, true",
      "a*b*c, aXbY, false",
      "exact, exact, true",
      "exact, exactly, false"})
  void starIsAnyText_questionMarkOneCharacter(String glob, String text, boolean matches) {
    assertThat(Globs.matches(glob, text)).isEqualTo(matches);
  }

  @Test
  void manyStars_stayCheap() {
    String glob = "*a".repeat(2_000) + "b";
    String text = "a".repeat(4_000);

    assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThat(Globs.matches(glob, text)).isFalse());
  }
}
