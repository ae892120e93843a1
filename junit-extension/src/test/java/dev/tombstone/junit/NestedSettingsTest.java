package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A {@code @Nested} class's own {@code @TombstoneTest} settings are honoured, all of them. */
class NestedSettingsTest {
  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  /** The emulator each test saw, by test name. */
  static final Map<String, Tombstone> SEEN = new ConcurrentHashMap<>();

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  @TombstoneTest
  static class OuterPlain {
    @Test
    void outer(Tombstone tombstone) {
      SEEN.put("outer", tombstone);
    }

    @Nested
    @TombstoneTest(region = "eu-west-1", manualClock = "2030-01-01T00:00:00Z")
    class OwnRegionAndClock {
      @Test
      void inner(Tombstone tombstone, ManualClock clock, DynamoDbClient dynamo) {
        SEEN.put("inner", tombstone);
        assertThat(tombstone.region()).isEqualTo("eu-west-1");
        assertThat(clock.now()).isEqualTo(START);
        assertThat(dynamo.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        assertThat(dynamo.serviceClientConfiguration().endpointOverride())
            .contains(tombstone.endpoint());
      }
    }

    @Nested
    @TombstoneTest(region = "eu-west-1")
    class OwnRegion {
      @Test
      void inner(Tombstone tombstone) {
        SEEN.put("region only", tombstone);
        assertThat(tombstone.region()).isEqualTo("eu-west-1");
      }
    }

    @Nested
    @TombstoneTest(resetBeforeEach = false)
    class SameEmulatorSettings {
      @Test
      void inner(Tombstone tombstone, DynamoDbClient dynamo) {
        SEEN.put("same", tombstone);
        assertThat(dynamo.serviceClientConfiguration().endpointOverride())
            .contains(tombstone.endpoint());
      }
    }

    @Nested
    class NoAnnotation {
      @Test
      void inner(Tombstone tombstone) {
        SEEN.put("none", tombstone);
      }
    }
  }

  @Test
  void nestedClassWithOtherRegionOrClock_getsAnEmulatorOfItsOwn_othersShareTheOuterOne() {
    Kit.run(OuterPlain.class).testEvents().assertStatistics(s -> s.succeeded(5).failed(0));

    Tombstone outer = SEEN.get("outer");
    assertThat(outer.region()).isEqualTo("us-east-1");
    assertThat(SEEN.get("inner")).isNotSameAs(outer);
    assertThat(SEEN.get("region only")).isNotSameAs(outer).isNotSameAs(SEEN.get("inner"));
    assertThat(SEEN.get("same")).isSameAs(outer);
    assertThat(SEEN.get("none")).isSameAs(outer);
  }

  @TombstoneTest(lifecycle = Lifecycle.PER_JVM)
  static class PerJvmUsEast {
    @Test
    void client(DynamoDbClient dynamo, Tombstone tombstone) {
      assertThat(dynamo.serviceClientConfiguration().endpointOverride())
          .contains(tombstone.endpoint());
    }
  }

  @TombstoneTest(lifecycle = Lifecycle.PER_JVM, region = "eu-west-1")
  static class PerJvmEuWest {
    @Test
    void client(DynamoDbClient dynamo, Tombstone tombstone) {
      assertThat(dynamo.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
      assertThat(dynamo.serviceClientConfiguration().endpointOverride())
          .contains(tombstone.endpoint());
    }
  }

  @Test
  void perJvmEmulatorsOfOtherSettings_eachHandOutTheirOwnClients() {
    org.junit.platform.testkit.engine.EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(PerJvmUsEast.class), selectClass(PerJvmEuWest.class))
        .execute()
        .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }
}
