package dev.tombstone.scenarios.postman;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tombstone.scenarios.script.Check;
import dev.tombstone.scenarios.script.JsonPath;
import dev.tombstone.scenarios.script.RequestSpec;
import dev.tombstone.scenarios.script.Scenario;
import dev.tombstone.scenarios.script.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a scenario script into a Postman Collection v2.1: one request per step, in order, with
 * a test script holding one {@code pm.test} per expectation and the step's captures as
 * collection variables. The output is deterministic, so the committed collections under
 * {@code scenarios/postman/} can be compared with a fresh generation.
 *
 * <pre>{@code
 * String collection = PostmanGenerator.generate(ScenarioLoader.load("a-compare-yourself"));
 * }</pre>
 */
public final class PostmanGenerator {
  /** Collection variables and their defaults, matching {@code ScenariosMain}'s defaults. */
  public static final Map<String, String> VARIABLES = Map.of(
      "baseUrl", "http://127.0.0.1:4566",
      "gatewayUrl", "http://127.0.0.1:4567",
      "frontendOrigin", "http://localhost:5173");
  private static final List<String> VARIABLE_ORDER = List.of("baseUrl", "gatewayUrl", "frontendOrigin");
  private static final String SCHEMA =
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PostmanGenerator() {}

  /** The file name of a scenario's collection, e.g. {@code a-compare-yourself.postman_collection.json}. */
  public static String fileName(Scenario scenario) {
    return scenario.id() + ".postman_collection.json";
  }

  /** The collection as pretty-printed JSON ending in a newline. */
  public static String generate(Scenario scenario) {
    ObjectNode collection = JSON.createObjectNode();
    ObjectNode info = collection.putObject("info");
    info.put("_postman_id", UUID.nameUUIDFromBytes(
        ("tombstone-scenario:" + scenario.id()).getBytes(StandardCharsets.UTF_8)).toString());
    info.put("name", "Tombstone scenario " + scenario.name());
    info.put("description", scenario.description()
        + "\n\nGenerated from scenarios/src/main/resources/scenarios/" + scenario.id()
        + ".json; edit the script, not this file.");
    info.put("schema", SCHEMA);
    ArrayNode items = collection.putArray("item");
    for (Step step : scenario.steps()) {
      items.add(item(step));
    }
    ArrayNode variables = collection.putArray("variable");
    for (String name : VARIABLE_ORDER) {
      variables.addObject().put("key", name).put("value", VARIABLES.get(name)).put("type", "string");
    }
    try {
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("").withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      return JSON.writer(printer).writeValueAsString(collection) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the collection of " + scenario.id(), e);
    }
  }

  private static ObjectNode item(Step step) {
    ObjectNode item = JSON.createObjectNode();
    item.put("name", step.name());
    ArrayNode events = item.putArray("event");
    ObjectNode test = events.addObject();
    test.put("listen", "test");
    ObjectNode script = test.putObject("script");
    script.put("type", "text/javascript");
    ArrayNode exec = script.putArray("exec");
    testScript(step).forEach(exec::add);
    RequestSpec spec = step.request();
    ObjectNode request = item.putObject("request");
    request.put("method", spec.method());
    ArrayNode headers = request.putArray("header");
    spec.headers().forEach((k, v) -> headers.addObject().put("key", k).put("value", v));
    if (spec.body() != null) {
      ObjectNode body = request.putObject("body");
      body.put("mode", "raw");
      body.put("raw", spec.body());
      body.putObject("options").putObject("raw").put("language", spec.json() ? "json" : "text");
    }
    request.put("url", spec.url());
    if (!step.note().isEmpty()) {
      request.put("description", step.note());
    }
    return item;
  }

  /** The test script: helpers, then one {@code pm.test} per check and per capture. */
  static List<String> testScript(Step step) {
    List<String> lines = new ArrayList<>();
    lines.add("function body() { try { return pm.response.json(); } catch (e) { return undefined; } }");
    lines.add("function at(value, path) {");
    lines.add("  for (var i = 0; i < path.length; i++) {");
    lines.add("    if (value === null || typeof value !== 'object' || !(path[i] in value)) { return undefined; }");
    lines.add("    value = value[path[i]];");
    lines.add("  }");
    lines.add("  return value;");
    lines.add("}");
    for (Check check : step.checks()) {
      lines.add("pm.test(" + js(check.description()) + ", function () {");
      lines.add("  " + assertion(check));
      lines.add("});");
    }
    for (Step.Capture capture : step.captures()) {
      String read = capture.header() != null
          ? "pm.response.headers.get(" + js(capture.header()) + ")"
          : "at(body(), " + path(capture.jsonPath()) + ")";
      lines.add("pm.test(" + js("capture " + capture.variable()) + ", function () {");
      lines.add("  var value = " + read + ";");
      lines.add("  pm.expect(value, " + js("nothing to capture into " + capture.variable()) + ").to.not.be.undefined;");
      lines.add("  pm.collectionVariables.set(" + js(capture.variable()) + ", String(value));");
      lines.add("});");
    }
    return lines;
  }

  private static String assertion(Check check) {
    if (check instanceof Check.StatusIs s) {
      return "pm.response.to.have.status(" + s.expected() + ");";
    }
    if (check instanceof Check.HeaderEquals h) {
      return "pm.expect(pm.response.headers.get(" + js(h.name()) + ")).to.eql(pm.variables.replaceIn("
          + js(h.expected()) + "));";
    }
    if (check instanceof Check.HeaderPresent h) {
      return "pm.expect(pm.response.headers.get(" + js(h.name()) + ")).to.not.be.undefined;";
    }
    if (check instanceof Check.HeaderAbsent h) {
      return "pm.expect(pm.response.headers.get(" + js(h.name()) + ")).to.be.undefined;";
    }
    if (check instanceof Check.JsonEquals j) {
      return "pm.expect(at(body(), " + path(j.path()) + ")).to.eql(JSON.parse(pm.variables.replaceIn("
          + js(j.expected().toString()) + ")));";
    }
    if (check instanceof Check.JsonAbsent j) {
      return "pm.expect(body(), 'a JSON body').to.not.be.undefined; "
          + "pm.expect(at(body(), " + path(j.path()) + ")).to.be.undefined;";
    }
    if (check instanceof Check.BodyContains b) {
      return "pm.expect(pm.response.text()).to.include(pm.variables.replaceIn(" + js(b.text()) + "));";
    }
    if (check instanceof Check.BodyNotContains b) {
      return "pm.expect(pm.response.text()).to.not.include(pm.variables.replaceIn(" + js(b.text()) + "));";
    }
    throw new IllegalArgumentException("no Postman form for " + check);
  }

  private static String path(String path) {
    return js(JsonPath.segments(path));
  }

  /** A JavaScript literal: JSON is one. */
  private static String js(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
