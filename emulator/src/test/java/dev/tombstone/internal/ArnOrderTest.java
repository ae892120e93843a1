package dev.tombstone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing orders of backups and streams, computed from ARNs alone. */
class ArnOrderTest {
  static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/";

  @Test
  void backups_byCreationMillisThenArn_andAnOddArnLast() {
    String zebraEarly = TABLE + "zebra/backup/01767225600000-ffffffff";
    String appleLate = TABLE + "apple/backup/01767225600001-00000000";
    String zebraLate = TABLE + "zebra/backup/01767225600001-00000000";
    String odd = TABLE + "apple/backup/not-a-time";
    List<String> arns = new ArrayList<>(List.of(odd, zebraLate, appleLate, zebraEarly));

    arns.sort(ArnOrder.BACKUPS);

    assertThat(arns).containsExactly(zebraEarly, appleLate, zebraLate, odd);
  }

  @Test
  void streams_newestLabelFirst_thenArnDescending() {
    String old = TABLE + "zebra/stream/2026-01-01T00:00:00.000";
    String newApple = TABLE + "apple/stream/2026-01-01T00:00:00.001";
    String newZebra = TABLE + "zebra/stream/2026-01-01T00:00:00.001";
    List<String> arns = new ArrayList<>(List.of(old, newApple, newZebra));

    arns.sort(ArnOrder.STREAMS_NEWEST_FIRST);

    assertThat(arns).containsExactly(newZebra, newApple, old);
  }
}
