package dev.tombstone.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkerTest {
  private static final Instant WHEN = Instant.parse("2026-01-01T00:00:00Z");
  private final VersionIds ids = new VersionIds();

  @Test
  void aMarker_givesBackTheIdItWasMadeWith_andMatchesOnlyThatId() {
    String id = ids.next();
    Entry.Marker marker = new Entry.Marker(id, WHEN);

    assertThat(marker.versionId()).isEqualTo(id);
    assertThat(marker.lastModified()).isEqualTo(WHEN);
    assertThat(Entry.hasVersionId(marker, id)).isTrue();
    assertThat(Entry.hasVersionId(marker, ids.next())).isFalse();
    assertThat(Entry.hasVersionId(marker, VersionIds.NULL)).isFalse();
    assertThat(marker).hasToString("Marker[versionId=" + id + ", lastModified=" + WHEN + "]");
  }

  @Test
  void theNullVersionsMarker_isNull_andMatchesOnlyNull() {
    Entry.Marker marker = new Entry.Marker(VersionIds.NULL, WHEN);

    assertThat(marker.versionId()).isEqualTo(VersionIds.NULL);
    assertThat(Entry.hasVersionId(marker, VersionIds.NULL)).isTrue();
    assertThat(Entry.hasVersionId(marker, ids.next())).isFalse();
  }

  @Test
  void markers_areValues() {
    String id = ids.next();

    assertThat(new Entry.Marker(id, WHEN)).isEqualTo(new Entry.Marker(id, WHEN))
        .hasSameHashCodeAs(new Entry.Marker(id, WHEN))
        .isNotEqualTo(new Entry.Marker(id, WHEN.plusSeconds(1)))
        .isNotEqualTo(new Entry.Marker(ids.next(), WHEN))
        .isNotEqualTo(new Entry.Marker(VersionIds.NULL, WHEN));
  }

  @Test
  void textThatIsNoVersionId_isRefused() {
    assertThatThrownBy(() -> new Entry.Marker("v1", WHEN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v1");
    assertThatThrownBy(() -> new Entry.Marker("A".repeat(31) + "+", WHEN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
