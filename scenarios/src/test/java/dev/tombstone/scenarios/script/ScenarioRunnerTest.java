package dev.tombstone.scenarios.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tombstone.Tombstone;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Tombstone tombstone;

  @BeforeAll
  static void start() {
    tombstone = Tombstone.builder().start();
  }

  @AfterAll
  static void stop() {
    tombstone.close();
  }

  @Test
  void failedStep_reportsRequestExpectedActualAndEachMismatch() throws Exception {
    Scenario scenario = ScenarioLoader.parse("t", JSON.readTree("""
        {"name": "t", "steps": [{"name": "health is wrong on purpose",
          "request": {"method": "GET", "url": "{{baseUrl}}/_tombstone/health"},
          "expect": {"status": 201, "json": {"status": "stopped"}, "jsonAbsent": ["version"],
                     "headers": {"Content-Type": "text/plain"}, "headersAbsent": ["Content-Type"],
                     "bodyContains": ["nope"], "bodyNotContains": ["running"]}}]}
        """));

    StepReport report = new ScenarioRunner(Map.of("baseUrl", tombstone.endpoint().toString()))
        .run(scenario.steps().get(0));

    assertThat(report.passed()).isFalse();
    assertThat(report.mismatches()).containsExactly(
        "status: expected 201 but was 200",
        "header Content-Type: expected \"text/plain\" but was \"application/json\"",
        "header Content-Type: expected <absent> but was \"application/json\"",
        "body status: expected \"stopped\" but was \"running\"",
        "body version: expected <absent> but was \"" + report.response().json().get().get("version").asText() + "\"",
        "body: expected to contain \"nope\"",
        "body: expected not to contain \"running\"");
    assertThat(report.describe())
        .contains("step 'health is wrong on purpose' failed")
        .contains("GET " + tombstone.endpoint() + "/_tombstone/health")
        .contains("status is 201")
        .contains("status 200")
        .contains("\"services\"");
  }

  @Test
  void captures_feedLaterSteps() throws Exception {
    Scenario scenario = ScenarioLoader.parse("t", JSON.readTree("""
        {"name": "t", "steps": [
          {"name": "read", "request": {"method": "GET", "url": "{{baseUrl}}/_tombstone/health"},
           "expect": {"status": 200}, "capture": {"state": {"json": "services.s3"}}},
          {"name": "use", "request": {"method": "GET", "url": "{{baseUrl}}/_tombstone/health"},
           "expect": {"json": {"status": "{{state}}"}}}]}
        """));
    ScenarioRunner runner = new ScenarioRunner(Map.of("baseUrl", tombstone.endpoint().toString()));

    assertThat(runner.run(scenario.steps().get(0)).passed()).isTrue();
    assertThat(runner.run(scenario.steps().get(1)).passed()).isTrue();
  }

  @Test
  void loader_rejectsUnknownMembers_soNoExpectationIsSilentlyIgnored() {
    assertThatThrownBy(() -> ScenarioLoader.parse("t", JSON.readTree("""
        {"name": "t", "steps": [{"name": "s", "request": {"method": "GET", "url": "x"},
          "expect": {"status": 200, "jsonAbsnt": ["Item"]}}]}
        """)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step 's' expect: unknown member \"jsonAbsnt\"");
  }

  @Test
  void undefinedVariable_failsLoudly() {
    assertThatThrownBy(() -> new Variables(Map.of()).resolve("{{baseUrl}}/x"))
        .hasMessage("undefined variable {{baseUrl}} in: {{baseUrl}}/x");
  }

  @Test
  void everyScenarioLoads_andStartsByResettingTheEmulator() {
    for (Scenario scenario : ScenarioLoader.all()) {
      assertThat(scenario.steps().get(0).request().url())
          .as(scenario.id()).isEqualTo("{{baseUrl}}/_tombstone/reset");
    }
  }
}
