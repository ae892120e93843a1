package dev.tombstone.scenarios.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario scripts from the class path ({@code scenarios/<id>.json}).
 *
 * <p>A step looks like this; every member but {@code name}, {@code request.method},
 * {@code request.url} and one expectation is optional:
 * <pre>{@code
 * {"name": "delete user003 again",
 *  "note": "why the step is there",
 *  "request": {"method": "DELETE", "url": "{{gatewayUrl}}/compare-yourself/user003",
 *              "headers": {"Content-Type": "application/json"},
 *              "json": {...} | "text": "...", "contentMd5": true},
 *  "expect": {"status": 200, "headers": {"x-amz-delete-marker": "true"},
 *             "headersPresent": [...], "headersAbsent": [...],
 *             "json": {"errorType": "ConditionalCheckFailedException", "$": ...},
 *             "jsonAbsent": ["Item"], "bodyContains": [...], "bodyNotContains": [...]},
 *  "capture": {"markerVersionId": {"header": "x-amz-version-id"},
 *              "uploadVersionId": {"json": "version_id"}}}
 * }</pre>
 * Unknown members are rejected, so a misspelt expectation cannot silently check nothing.
 */
public final class ScenarioLoader {
  /** The documented flows, in the order of {@code flows.md}, and flow A's pitfall. */
  public static final List<String> IDS = List.of(
      "a-compare-yourself",
      "a-compare-yourself-dropped-connection",
      "b-upload-dashboard",
      "b-upload-dashboard-versioned",
      "c-dynamodb-2011",
      "d-magnetodb");

  private ScenarioLoader() {}

  /** Loads every scenario of {@link #IDS}. */
  public static List<Scenario> all() {
    return IDS.stream().map(ScenarioLoader::load).toList();
  }

  /** Loads {@code scenarios/<id>.json} from the class path. */
  public static Scenario load(String id) {
    String resource = "scenarios/" + id + ".json";
    try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no scenario " + resource + " on the class path");
      }
      return parse(id, Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Parses a scenario document. */
  public static Scenario parse(String id, JsonNode root) {
    allowOnly(root, "scenario " + id, Set.of("name", "description", "steps"));
    List<Step> steps = new ArrayList<>();
    for (JsonNode step : required(root, "steps", "scenario " + id)) {
      steps.add(step(step));
    }
    return new Scenario(id, text(required(root, "name", "scenario " + id)),
        root.path("description").asText(null), steps);
  }

  private static Step step(JsonNode node) {
    String name = text(required(node, "name", "step"));
    String where = "step '" + name + "'";
    allowOnly(node, where, Set.of("name", "note", "request", "expect", "capture"));
    return new Step(name, node.path("note").asText(null),
        request(required(node, "request", where), where),
        checks(required(node, "expect", where), where),
        captures(node.path("capture"), where));
  }

  private static RequestSpec request(JsonNode node, String where) {
    allowOnly(node, where + " request", Set.of("method", "url", "headers", "json", "text", "contentMd5"));
    if (node.has("json") && node.has("text")) {
      throw new IllegalArgumentException(where + ": request has both json and text");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    node.path("headers").properties().forEach(e -> headers.put(e.getKey(), text(e.getValue())));
    String body = node.has("json") ? node.get("json").toString()
        : node.has("text") ? text(node.get("text")) : null;
    RequestSpec spec = new RequestSpec(text(required(node, "method", where)),
        text(required(node, "url", where)), headers, body, node.has("json"));
    return node.path("contentMd5").asBoolean(false) ? spec.withContentMd5() : spec;
  }

  private static List<Check> checks(JsonNode node, String where) {
    allowOnly(node, where + " expect", Set.of("status", "headers", "headersPresent",
        "headersAbsent", "json", "jsonAbsent", "bodyContains", "bodyNotContains"));
    List<Check> checks = new ArrayList<>();
    if (node.has("status")) {
      checks.add(new Check.StatusIs(node.get("status").intValue()));
    }
    node.path("headers").properties()
        .forEach(e -> checks.add(new Check.HeaderEquals(e.getKey(), text(e.getValue()))));
    node.path("headersPresent").forEach(h -> checks.add(new Check.HeaderPresent(text(h))));
    node.path("headersAbsent").forEach(h -> checks.add(new Check.HeaderAbsent(text(h))));
    node.path("json").properties().forEach(e -> {
      JsonPath.segments(e.getKey());
      checks.add(new Check.JsonEquals(e.getKey(), e.getValue()));
    });
    node.path("jsonAbsent").forEach(p -> checks.add(new Check.JsonAbsent(text(p))));
    node.path("bodyContains").forEach(t -> checks.add(new Check.BodyContains(text(t))));
    node.path("bodyNotContains").forEach(t -> checks.add(new Check.BodyNotContains(text(t))));
    return checks;
  }

  private static List<Step.Capture> captures(JsonNode node, String where) {
    List<Step.Capture> captures = new ArrayList<>();
    node.properties().forEach(e -> {
      allowOnly(e.getValue(), where + " capture " + e.getKey(), Set.of("header", "json"));
      captures.add(new Step.Capture(e.getKey(), e.getValue().path("header").asText(null),
          e.getValue().path("json").asText(null)));
    });
    return captures;
  }

  private static JsonNode required(JsonNode node, String member, String where) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + ": missing \"" + member + "\"");
    }
    return value;
  }

  private static String text(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("expected a string but found " + node);
    }
    return node.asText();
  }

  private static void allowOnly(JsonNode node, String where, Set<String> allowed) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object but found " + node);
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String name = member.getKey();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(where + ": unknown member \"" + name + "\"");
      }
    }
  }
}
