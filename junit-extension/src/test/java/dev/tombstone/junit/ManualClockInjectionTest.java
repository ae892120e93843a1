package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import dev.tombstone.faults.Fault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ManualClockInjectionTest {
  static final Instant START = Instant.parse("2030-05-01T10:00:00Z");

  @Test
  void sharedEmulator_everyTestStartsAgainFromTheDeclaredInstant() {
    EngineExecutionResults results = Kit.run(PerClassClock.class);

    results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
  }

  @Test
  void builder_givesEachEmulatorItsOwnManualClock() {
    EngineExecutionResults results = Kit.run(PerMethodBuilderClock.class);

    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @Test
  void withoutReset_theClockCarriesOverWithTheData_faultRulesDoNot() {
    EngineExecutionResults results = Kit.run(KeptClock.class);

    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @Test
  void askingForAManualClock_withoutDeclaringOne_saysHowToDeclareIt() {
    Throwable failure = Kit.onlyFailure(Kit.run(NoManualClock.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("cannot inject a ManualClock")
        .hasMessageContaining("@TombstoneTest(manualClock = \"2026-01-01T00:00:00Z\")");
  }

  @Test
  void aStartThatIsNoInstant_failsWithAConfigurationError() {
    // Settings are read when the class starts, so the class (not a test) fails.
    Throwable failure = Kit.run(BadInstant.class).containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class))
        .map(r -> r.getThrowable().orElseThrow())
        .findFirst().orElseThrow(() -> new AssertionError("no container failed"));

    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@TombstoneTest(manualClock = \"yesterday\")")
        .hasMessageContaining("2026-01-01T00:00:00Z");
  }

  @TombstoneTest(manualClock = "2030-05-01T10:00:00Z")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassClock {
    @Test
    @Order(1)
    void first(ManualClock clock, Tombstone tombstone) {
      assertThat(clock.now()).isEqualTo(START);
      assertThat(tombstone.clock()).isSameAs(clock);
      clock.advance(Duration.ofDays(1));
    }

    @Test
    @Order(2)
    void second(ManualClock clock) {
      assertThat(clock.now()).isEqualTo(START);
      clock.set(START.plus(Duration.ofDays(400)));
    }

    @Test
    @Order(3)
    void third(ManualClock clock) {
      assertThat(clock.now()).isEqualTo(START);
    }
  }

  @TombstoneTest(manualClock = "2030-05-01T10:00:00Z", resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class KeptClock {
    @Test
    @Order(1)
    void first(ManualClock clock, Tombstone tombstone) {
      clock.advance(Duration.ofDays(1));
      tombstone.s3().createBucket("uploads");
      tombstone.s3().putObject("uploads", "a.txt", "written a day in");
      tombstone.faults().dynamoDb("DeleteItem").respond(Fault.THROTTLED);
    }

    @Test
    @Order(2)
    void second(ManualClock clock, Tombstone tombstone) {
      Instant written = tombstone.s3().versions("uploads", "a.txt").get(0).lastModified();
      assertThat(written).isEqualTo(START.plus(Duration.ofDays(1)));
      assertThat(clock.now()).isEqualTo(written);
      assertThat(tombstone.faults().rules()).isEmpty();
    }
  }

  static class PerMethodBuilderClock {
    @RegisterExtension
    static final TombstoneExtension TOMBSTONE = TombstoneExtension.builder()
        .lifecycle(Lifecycle.PER_METHOD).manualClock(START).build();

    @Test
    void one(ManualClock clock) {
      assertThat(clock.now()).isEqualTo(START);
      clock.advance(Duration.ofHours(5));
    }

    @Test
    void two(ManualClock clock) {
      assertThat(clock.now()).isEqualTo(START);
      clock.advance(Duration.ofHours(5));
    }
  }

  @TombstoneTest
  static class NoManualClock {
    @Test
    void wantsAClock(ManualClock clock) {
      assertThat(clock).isNotNull();
    }
  }

  @TombstoneTest(manualClock = "yesterday")
  static class BadInstant {
    @Test
    void wantsAnEmulator(Tombstone tombstone) {
      assertThat(tombstone).isNotNull();
    }
  }
}
