package dev.tombstone.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tombstone.Tombstone;
import dev.tombstone.scenarios.apps.SampleGateways;
import dev.tombstone.scenarios.script.Scenario;
import dev.tombstone.scenarios.script.ScenarioLoader;
import dev.tombstone.scenarios.script.ScenarioRunner;
import dev.tombstone.scenarios.script.Step;
import dev.tombstone.scenarios.script.StepReport;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every scenario script against an in-process Tombstone and the sample gateways: one
 * container per scenario, one test per step, in order. A failed step reports its request, the
 * expected and the actual response; the steps after it are aborted as not reached.
 */
class ScenarioReplayTest {
  private static Tombstone tombstone;
  private static SampleGateways gateways;

  @BeforeAll
  static void start() throws Exception {
    tombstone = Tombstone.builder().start();
    gateways = SampleGateways.start(tombstone.endpoint(),
        SampleGateways.Settings.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    gateways.close();
    tombstone.close();
  }

  @TestFactory
  Stream<DynamicNode> scenarios() {
    return ScenarioLoader.all().stream().map(ScenarioReplayTest::container);
  }

  private static DynamicContainer container(Scenario scenario) {
    Replay replay = new Replay();
    return DynamicContainer.dynamicContainer(scenario.name(),
        scenario.steps().stream().map(step -> DynamicTest.dynamicTest(step.name(),
            () -> replay.run(scenario, step))));
  }

  /** The state of one scenario's replay: its runner (variables) and its first failure. */
  private static final class Replay {
    private ScenarioRunner runner;
    private String failedStep;

    void run(Scenario scenario, Step step) {
      Assumptions.assumeTrue(failedStep == null,
          () -> "not reached: step '" + failedStep + "' of " + scenario.id() + " failed");
      if (runner == null) {
        runner = new ScenarioRunner(Map.of(
            "baseUrl", tombstone.endpoint().toString(),
            "gatewayUrl", gateways.endpoint().toString(),
            "frontendOrigin", SampleGateways.Settings.defaults().origin()));
      }
      StepReport report;
      try {
        report = runner.run(step);
      } catch (RuntimeException e) {
        failedStep = step.name();
        throw e;
      }
      if (!report.passed()) {
        failedStep = step.name();
        fail(scenario.id() + ": " + report.describe());
      }
    }
  }
}
