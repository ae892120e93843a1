package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The named factories that build typed requests: each sets exactly the component it names. */
class RequestFactoriesTest {
  private static final Map<String, AttributeValue> KEY = Map.of("Id", AttributeValue.s("k"));
  private static final ItemCondition ANY = item -> true;

  @Test
  void deleteItem_ofIsUnconditionalAndReturnsNothing() {
    DeleteItem.Request request = DeleteItem.Request.of("t", KEY);

    assertThat(request.condition()).isNull();
    assertThat(request.returnValues()).isEqualTo(ReturnValues.NONE);
    assertThat(request.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValues.NONE);
  }

  @Test
  void deleteItem_withersKeepTheOtherComponents() {
    DeleteItem.Request request =
        DeleteItem.Request.of("t", KEY).withCondition(ANY).returningItemOnConditionFailure();

    assertThat(request.condition()).isSameAs(ANY);
    assertThat(request.returnValues()).isEqualTo(ReturnValues.NONE);
    assertThat(request.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValues.ALL_OLD);
    assertThat(request.returningOldItem().returnValuesOnConditionCheckFailure())
        .isEqualTo(ReturnValues.ALL_OLD);
    assertThat(request.returningOldItem().returnValues()).isEqualTo(ReturnValues.ALL_OLD);
  }

  @Test
  void putItem_withersSetOnlyWhatTheyName() {
    PutItem.Request request = PutItem.Request.of("t", Item.of(KEY)).returningOldItem();

    assertThat(request.returnValues()).isEqualTo(ReturnValues.ALL_OLD);
    assertThat(request.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValues.NONE);
    assertThat(request.withCondition(ANY).returnValues()).isEqualTo(ReturnValues.ALL_OLD);
  }

  @Test
  void getItem_isEventuallyConsistentUnlessAsked() {
    assertThat(GetItem.Request.of("t", KEY).consistentRead()).isFalse();
    assertThat(GetItem.Request.of("t", KEY).stronglyConsistent().consistentRead()).isTrue();
  }

  @Test
  void scan_withersCombine() {
    Scan.Request request =
        Scan.Request.of("t").withLimit(5).countingOnly().segment(1, 4).stronglyConsistent();

    assertThat(request.limit()).isEqualTo(5);
    assertThat(request.countOnly()).isTrue();
    assertThat(request.segment()).isEqualTo(1);
    assertThat(request.totalSegments()).isEqualTo(4);
    assertThat(request.consistentRead()).isTrue();
    assertThat(request.filter()).isNull();
  }

  @Test
  void scan_selectKeepsThroughTheOtherWithers_andCountSelectsCountingOnly() {
    Scan.Request all = Scan.Request.of("t").withSelect(Query.Select.ALL_ATTRIBUTES)
        .onIndex("i").withLimit(2);
    Scan.Request count = Scan.Request.of("t").withSelect(Query.Select.COUNT);

    assertThat(Scan.Request.of("t").select()).isNull();
    assertThat(all.select()).isEqualTo(Query.Select.ALL_ATTRIBUTES);
    assertThat(all.countOnly()).isFalse();
    assertThat(count.countOnly()).isTrue();
  }

  @Test
  void scan_refusesASegmentOutsideTheTotal() {
    assertThatThrownBy(() -> Scan.Request.of("t").segment(4, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment must be in 0..3, was 4");
  }
}
