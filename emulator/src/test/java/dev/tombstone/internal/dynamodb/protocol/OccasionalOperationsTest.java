package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of rare targets and the switch that makes them must not drift apart. */
class OccasionalOperationsTest {
  private final Clock clock = Clock.systemUTC();
  private final OccasionalOperations occasional = new OccasionalOperations(
      new DynamoDbState("us-east-1", clock), new TableAttachments(clock),
      TableTransfers::detached);

  @Test
  void everyListedTarget_isMadeBySwitch() {
    List<String> all = new ArrayList<>(OccasionalOperations.TARGETS);
    all.addAll(OccasionalOperations.STREAM_TARGETS);

    for (String target : all) {
      assertThat(occasional.make(target)).as(target).isNotNull();
    }
    assertThat(occasional.routes(OccasionalOperations.TARGETS))
        .containsOnlyKeys(OccasionalOperations.TARGETS);
  }

  @Test
  void anUnlistedTarget_isAProgrammingError() {
    assertThatThrownBy(() -> occasional.make("DeleteItem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DeleteItem");
  }
}
