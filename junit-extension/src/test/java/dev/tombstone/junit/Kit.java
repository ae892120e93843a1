package dev.tombstone.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs inner test classes through the Jupiter engine, as a user's build would. */
final class Kit {
  private Kit() {}

  static EngineExecutionResults run(Class<?> testClass) {
    return run(testClass, Map.of());
  }

  static EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(parameters)
        .selectors(selectClass(testClass))
        .execute();
  }

  /** The failure of the only failed test, for asserting its message. */
  static Throwable onlyFailure(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class))
        .map(r -> r.getThrowable().orElseThrow())
        .reduce((a, b) -> {
          throw new AssertionError("more than one failure: " + a + " / " + b);
        })
        .orElseThrow(() -> new AssertionError("no test failed"));
  }
}
