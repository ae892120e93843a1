package dev.tombstone.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DescribeTimeToLive;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ExpiredItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.UpdateTimeToLive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeToLiveSweepTest {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final long NOW = START.getEpochSecond();

  ManualClock clock;
  Tombstone tombstone;
  DynamoDbState dynamo;

  @BeforeEach
  void start() {
    clock = ManualClock.startingAt(START);
    tombstone = Tombstone.builder().clock(clock).start();
    dynamo = tombstone.dynamoDb();
    dynamo.createTable("sessions", KeySchema.of(KeyAttribute.s("id")));
    dynamo.updateTimeToLive(UpdateTimeToLive.Request.enable("sessions", "expiresAt"));
  }

  @AfterEach
  void stop() {
    tombstone.close();
  }

  void put(String id, AttributeValue expiresAt) {
    Item.Builder item = Item.builder().put("id", id);
    if (expiresAt != null) {
      item.put("expiresAt", expiresAt);
    }
    dynamo.putItem("sessions", item.build());
  }

  boolean present(String id) {
    return dynamo.getItem("sessions", Map.of("id", AttributeValue.s(id))).isPresent();
  }

  @Test
  void movingTheClock_deletesExactlyTheItemsThatExpired_beforeItReturns() {
    put("past", AttributeValue.n(Long.toString(NOW - 10)));
    put("atTwoHours", AttributeValue.n(Long.toString(NOW + 7200)));
    put("later", AttributeValue.n(Long.toString(NOW + 7201)));
    put("fraction", AttributeValue.n((NOW + 3600) + ".5"));
    put("none", null);

    clock.advance(Duration.ofHours(2));

    assertThat(present("past")).isFalse();
    assertThat(present("atTwoHours")).isFalse();
    assertThat(present("fraction")).isFalse();
    assertThat(present("later")).isTrue();
    assertThat(present("none")).isTrue();
  }

  @Test
  void expiredItems_stayReadableUntilTheSweep() {
    put("past", AttributeValue.n(Long.toString(NOW - 10)));

    assertThat(present("past")).isTrue();

    clock.advance(Duration.ZERO);
    assertThat(present("past")).isFalse();
  }

  @Test
  void nonNumbers_andNumbersMoreThanFiveYearsOld_areLeftAlone() {
    put("string", AttributeValue.s(Long.toString(NOW - 10)));
    put("set", AttributeValue.ns(Long.toString(NOW - 10)));
    long sixYearsAgo = START.atOffset(ZoneOffset.UTC).minusYears(6).toEpochSecond();
    put("ancient", AttributeValue.n(Long.toString(sixYearsAgo)));
    long fourYearsAgo = START.atOffset(ZoneOffset.UTC).minusYears(4).toEpochSecond();
    put("old", AttributeValue.n(Long.toString(fourYearsAgo)));

    clock.advance(Duration.ofSeconds(1));

    assertThat(present("string")).isTrue();
    assertThat(present("set")).isTrue();
    assertThat(present("ancient")).isTrue();
    assertThat(present("old")).isFalse();
  }

  @Test
  void oneMoveOfMoreThanFiveYears_deletesWhatExpiredOnTheWay_butNotWhatWasTooOldAtTheStart() {
    put("inAnHour", AttributeValue.n(Long.toString(NOW + 3600)));
    long fourYearsAgo = START.atOffset(ZoneOffset.UTC).minusYears(4).toEpochSecond();
    put("fourYearsOld", AttributeValue.n(Long.toString(fourYearsAgo)));
    long sixYearsAgo = START.atOffset(ZoneOffset.UTC).minusYears(6).toEpochSecond();
    put("sixYearsOld", AttributeValue.n(Long.toString(sixYearsAgo)));

    // A sweep every few seconds would have deleted the first two long before they were five
    // years old; the third was past the five years before the clock moved.
    clock.advance(Duration.ofDays(2200));

    assertThat(present("inAnHour")).isFalse();
    assertThat(present("fourYearsOld")).isFalse();
    assertThat(present("sixYearsOld")).isTrue();
  }

  @Test
  void anItemWrittenLongAfterTheLastSweep_isJudgedFromWhenItWasWritten() {
    clock.advance(Duration.ofDays(2200));
    long now = clock.now().getEpochSecond();
    long sixYearsAgo = clock.now().atOffset(ZoneOffset.UTC).minusYears(6).toEpochSecond();
    put("alreadyTooOld", AttributeValue.n(Long.toString(sixYearsAgo)));
    put("justExpired", AttributeValue.n(Long.toString(now - 1)));

    clock.advance(Duration.ofSeconds(1));

    assertThat(present("alreadyTooOld")).isTrue();
    assertThat(present("justExpired")).isFalse();
  }

  @Test
  void whatExpired_isListedPerTable_andInTheJournal() {
    put("a", AttributeValue.n(Long.toString(NOW + 60)));

    clock.advance(Duration.ofMinutes(5));

    assertThat(dynamo.expiredItems("sessions")).extracting(ExpiredItem::tableName,
            e -> e.item().attributes().get("id"), ExpiredItem::deletedAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            "sessions", AttributeValue.s("a"), START.plusSeconds(300)));
    assertThat(tombstone.requests()).anySatisfy(r -> {
      assertThat(r.target()).isEqualTo("TimeToLive.DeleteItem");
      assertThat(r.body()).isEqualTo("{\"TableName\":\"sessions\",\"Item\":{"
          + "\"id\":{\"S\":\"a\"},\"expiresAt\":{\"N\":\"" + (NOW + 60) + "\"}}}");
    });
  }

  @Test
  void disabledTtl_deletesNothing() {
    clock.advance(Duration.ofHours(1));
    dynamo.updateTimeToLive(UpdateTimeToLive.Request.disable("sessions", "expiresAt"));
    put("past", AttributeValue.n(Long.toString(NOW - 10)));

    clock.advance(Duration.ofHours(1));

    assertThat(present("past")).isTrue();
    assertThat(dynamo.describeTimeToLive("sessions").status())
        .isEqualTo(DescribeTimeToLive.Status.DISABLED);
  }

  @Test
  void updateTimeToLive_followsDynamoDbsRules() {
    assertThat(catchThrowable(() -> dynamo.updateTimeToLive(
            UpdateTimeToLive.Request.enable("sessions", "expiresAt"))))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessage("TimeToLive is already enabled");
    assertThat(catchThrowable(() -> dynamo.updateTimeToLive(
            UpdateTimeToLive.Request.disable("sessions", "other"))))
        .hasMessage("TimeToLive is active on a different AttributeName:"
            + " current AttributeName is expiresAt");
    assertThat(catchThrowable(() -> dynamo.updateTimeToLive(
            UpdateTimeToLive.Request.disable("sessions", "expiresAt"))))
        .hasMessage("Time to live has been modified multiple times within a fixed interval");

    clock.advance(Duration.ofHours(1));
    dynamo.updateTimeToLive(UpdateTimeToLive.Request.disable("sessions", "expiresAt"));

    assertThat(catchThrowable(() -> dynamo.updateTimeToLive(
            UpdateTimeToLive.Request.disable("sessions", "expiresAt"))))
        .hasMessage("TimeToLive is already disabled");
  }

  @Test
  void anAttributeNameOfTheWrongLength_isRefusedInProcessAsOnTheWire() {
    dynamo.createTable("other", KeySchema.of(KeyAttribute.s("id")));

    assertThat(catchThrowable(() -> dynamo.updateTimeToLive(
            UpdateTimeToLive.Request.enable("other", "x".repeat(256)))))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessage("1 validation error detected: Value '" + "x".repeat(256) + "' at"
            + " 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must"
            + " have length less than or equal to 255");
    assertThat(catchThrowable(() -> dynamo.updateTimeToLive(
            UpdateTimeToLive.Request.enable("other", ""))))
        .hasMessage("1 validation error detected: Value '' at"
            + " 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 1");
    assertThat(dynamo.describeTimeToLive("other").status())
        .isEqualTo(DescribeTimeToLive.Status.DISABLED);
    dynamo.updateTimeToLive(UpdateTimeToLive.Request.enable("other", "x".repeat(255)));
    assertThat(dynamo.describeTimeToLive("other").attributeName()).hasValue("x".repeat(255));
  }

  @Test
  void systemClock_sweepsInTheBackground() throws Exception {
    Instant now = Instant.now();
    try (Tombstone background = Tombstone.builder()
        .clock(Clock.fixed(now, ZoneOffset.UTC)).expiryInterval(Duration.ofMillis(10)).start()) {
      DynamoDbState state = background.dynamoDb();
      state.createTable("tab", KeySchema.of(KeyAttribute.s("id")));
      state.updateTimeToLive(UpdateTimeToLive.Request.enable("tab", "ttl"));
      state.putItem("tab", Item.builder().put("id", "x")
          .put("ttl", AttributeValue.n(Long.toString(now.getEpochSecond() - 1))).build());

      // The background thread owns the timing here; waiting on its observable effect is the test.
      // The expired list is written after the item is removed, so wait for the list.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (state.expiredItems("tab").isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }

      assertThat(state.items("tab")).isEmpty();
      assertThat(state.expiredItems("tab")).hasSize(1);
    }
  }
}
