package dev.tombstone.scenarios.postman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tombstone.scenarios.script.Scenario;
import dev.tombstone.scenarios.script.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed collections under {@code scenarios/postman/} must be exactly what the scripts
 * generate, so the scripts stay the single source. To refresh them after editing a script:
 * {@code mvn -B -pl scenarios -am test -Dtest=PostmanCollectionsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtombstone.scenarios.updateCollections=true}.
 */
class PostmanCollectionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Path.of(System.getProperty("tombstone.scenarios.postmanDir", "postman"));

  @Test
  void committedCollections_matchTheScripts() throws IOException {
    boolean update = Boolean.getBoolean("tombstone.scenarios.updateCollections");
    for (Scenario scenario : ScenarioLoader.all()) {
      Path file = DIR.resolve(PostmanGenerator.fileName(scenario));
      String generated = PostmanGenerator.generate(scenario);
      if (update) {
        Files.createDirectories(DIR);
        Files.writeString(file, generated, StandardCharsets.UTF_8);
      }
      assertThat(file).as("committed collection of " + scenario.id()
          + " (regenerate with -Dtombstone.scenarios.updateCollections=true)").exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as("%s is stale: regenerate it with -Dtombstone.scenarios.updateCollections=true", file)
          .isEqualTo(generated);
    }
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .as("no collection without a script")
          .containsExactlyElementsOf(ScenarioLoader.IDS.stream()
              .map(id -> id + ".postman_collection.json").sorted().toList());
    }
  }

  @Test
  void collection_isV21_withOneRequestPerStep_andOnePmTestPerExpectation() throws IOException {
    Scenario scenario = ScenarioLoader.load("a-compare-yourself");

    JsonNode collection = JSON.readTree(PostmanGenerator.generate(scenario));

    assertThat(collection.at("/info/schema").asText())
        .isEqualTo("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
    assertThat(collection.at("/variable").findValuesAsText("key"))
        .containsExactly("baseUrl", "gatewayUrl", "frontendOrigin");
    assertThat(collection.get("item")).hasSize(scenario.steps().size());
    for (int i = 0; i < scenario.steps().size(); i++) {
      JsonNode item = collection.get("item").get(i);
      List<String> exec = JSON.convertValue(item.at("/event/0/script/exec"),
          JSON.getTypeFactory().constructCollectionType(List.class, String.class));
      assertThat(item.get("name").asText()).isEqualTo(scenario.steps().get(i).name());
      assertThat(exec.stream().filter(l -> l.startsWith("pm.test(")))
          .hasSize(scenario.steps().get(i).checks().size() + scenario.steps().get(i).captures().size());
    }
    JsonNode again = collection.get("item").get(8);
    assertThat(again.at("/request/method").asText()).isEqualTo("DELETE");
    assertThat(again.at("/request/url").asText()).isEqualTo("{{gatewayUrl}}/compare-yourself/user003");
    assertThat(again.at("/event/0/script/exec").toString())
        .contains("pm.test(\\\"body errorType = \\\\\\\"ConditionalCheckFailedException\\\\\\\"\\\"");
  }
}
