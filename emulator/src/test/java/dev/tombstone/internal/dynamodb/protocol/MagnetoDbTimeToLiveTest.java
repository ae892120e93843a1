package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.testing.RunningTombstone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MagnetoDB's per-item {@code time_to_live} on put_item and update_item, by the manual clock. */
class MagnetoDbTimeToLiveTest {
  static final String TABLE = "/v1/data/p1/tables/Forum";
  static final ManualClock CLOCK = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass(b -> b.clock(CLOCK));

  final MagnetoDbWire wire = new MagnetoDbWire(server.tombstone().endpoint());

  /** Table Forum of project p1 keyed by Name; DynamoDB's table-level TTL stays disabled. */
  @BeforeEach
  void fixture() {
    wire.createTable("p1", "{\"table_name\":"
        + "\"Forum\",\"attribute_definitions\":[{\"attribute_name\":\"Name\","
        + "\"attribute_type\":\"S\"}],\"key_schema\":[{\"attribute_name\":\"Name\","
        + "\"key_type\":\"HASH\"}]}");
  }

  private MagnetoDbWire.Response put(String name, String extra) {
    return wire.post(TABLE + "/put_item", "{\"item\":{\"Name\":{\"S\":\"" + name + "\"},"
        + "\"Threads\":{\"N\":\"1\"}}" + extra + "}");
  }

  private MagnetoDbWire.Response update(String name, String extra) {
    return wire.post(TABLE + "/update_item", "{\"key\":{\"Name\":{\"S\":\"" + name + "\"}},"
        + "\"attribute_updates\":{\"Threads\":{\"action\":\"ADD\",\"value\":{\"N\":\"1\"}}}"
        + extra + "}");
  }

  private boolean present(String name) {
    MagnetoDbWire.Response get = wire.post(TABLE + "/get_item",
        "{\"key\":{\"Name\":{\"S\":\"" + name + "\"}}}");
    assertThat(get.status()).as(get.body()).isEqualTo(200);
    return get.json().get("item") != null;
  }

  @Test
  void putItem_itemExpiresWhenItsSecondsHavePassed() {
    assertThat(put("soon", ",\"time_to_live\":60").status()).isEqualTo(200);
    assertThat(put("asText", ",\"time_to_live\":\"60\"").status()).isEqualTo(200);
    assertThat(put("later", ",\"time_to_live\":61").status()).isEqualTo(200);
    assertThat(put("never", "").status()).isEqualTo(200);

    CLOCK.advance(Duration.ofSeconds(59));
    assertThat(present("soon")).isTrue();
    CLOCK.advance(Duration.ofSeconds(1));

    assertThat(present("soon")).isFalse();
    assertThat(present("asText")).isFalse();
    assertThat(present("later")).isTrue();
    assertThat(present("never")).isTrue();
    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(present("later")).isFalse();
  }

  @Test
  void theSweepsDelete_isJournaledAtTheTablesMagnetoDbPath() {
    put("journaled", ",\"time_to_live\":1");

    CLOCK.advance(Duration.ofSeconds(1));

    assertThat(server.tombstone().requests())
        .filteredOn(r -> r.method().equals("EXPIRE") && r.body().contains("journaled"))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.path()).isEqualTo(TABLE);
          assertThat(r.target()).isEqualTo("TimeToLive.DeleteItem");
        });
  }

  @Test
  void zero_andTimesBeyondTheClock_neverExpire() {
    assertThat(put("zero", ",\"time_to_live\":0").status()).isEqualTo(200);
    assertThat(put("far", ",\"time_to_live\":1" + "0".repeat(30)).status()).isEqualTo(200);

    CLOCK.advance(Duration.ofDays(365));

    assertThat(present("zero")).isTrue();
    assertThat(present("far")).isTrue();
  }

  @Test
  void aLaterWriteWithoutTimeToLive_keepsTheItem_andOneWithItSetsANewDeadline() {
    put("rewritten", ",\"time_to_live\":10");
    put("updated", ",\"time_to_live\":10");
    put("postponed", ",\"time_to_live\":10");
    CLOCK.advance(Duration.ofSeconds(5));
    put("rewritten", "");
    update("updated", "");
    put("postponed", ",\"time_to_live\":10");

    CLOCK.advance(Duration.ofSeconds(5));
    assertThat(present("rewritten")).isTrue();
    assertThat(present("updated")).isTrue();
    assertThat(present("postponed")).isTrue();
    CLOCK.advance(Duration.ofSeconds(5));

    assertThat(present("postponed")).isFalse();
    assertThat(present("rewritten")).isTrue();
  }

  @Test
  void updateItem_itemExpiresAsWell() {
    put("counted", "");
    MagnetoDbWire.Response updated = update("counted", ",\"time_to_live\":30");
    MagnetoDbWire.Response created = update("created", ",\"time_to_live\":30");

    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(present("created")).isTrue();
    CLOCK.advance(Duration.ofSeconds(30));
    assertThat(present("counted")).isFalse();
    assertThat(present("created")).isFalse();
  }

  @Test
  void aRefusedWrite_setsNoDeadline() {
    put("kept", "");
    MagnetoDbWire.Response failed = wire.post(TABLE + "/put_item", "{\"item\":{\"Name\":"
        + "{\"S\":\"kept\"}},\"expected\":{\"Name\":{\"exists\":false}},\"time_to_live\":5}");

    assertThat(failed.errorType()).isEqualTo("ConditionalCheckFailedException");
    CLOCK.advance(Duration.ofSeconds(5));
    assertThat(present("kept")).isTrue();
  }

  @Test
  void badValues_areMagnetoDbValidationErrors_andWriteNothing() {
    MagnetoDbWire.Response negative = put("bad", ",\"time_to_live\":-1");
    MagnetoDbWire.Response text = put("bad", ",\"time_to_live\":\"soon\"");
    MagnetoDbWire.Response fraction = put("bad", ",\"time_to_live\":1.5");
    MagnetoDbWire.Response onUpdate = update("bad", ",\"time_to_live\":[]");

    assertThat(negative.errorMessage())
        .isEqualTo("'time_to_live' property value[-1] is less then min_value[0].");
    assertThat(text.errorMessage())
        .isEqualTo("Wrong 'time_to_live' type. Integer is expected, but \"soon\" found");
    assertThat(fraction.errorMessage())
        .isEqualTo("Wrong 'time_to_live' type. Integer is expected, but 1.5 found");
    assertThat(onUpdate.errorMessage())
        .isEqualTo("Wrong 'time_to_live' type. Integer is expected, but [] found");
    for (MagnetoDbWire.Response response : new MagnetoDbWire.Response[] {
        negative, text, fraction, onUpdate}) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.errorType()).isEqualTo("ValidationError");
    }
    assertThat(present("bad")).isFalse();
  }
}
