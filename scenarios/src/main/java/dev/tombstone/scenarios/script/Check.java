package dev.tombstone.scenarios.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One expectation on a response. Each kind exists twice, written once each: {@link #verify}
 * here for the JUnit replay, and its JavaScript twin in the Postman generator.
 * {@link #description()} names the check in both reports.
 */
public sealed interface Check {
  /** A human description, used as the Postman test name and in failure reports. */
  String description();

  /** The mismatch, if {@code response} does not satisfy this check. */
  Optional<String> verify(Response response, Variables variables);

  /** The status equals {@code expected}. */
  record StatusIs(int expected) implements Check {
    @Override public String description() {
      return "status is " + expected;
    }

    @Override public Optional<String> verify(Response response, Variables variables) {
      return response.status() == expected ? Optional.empty()
          : Optional.of("status: expected " + expected + " but was " + response.status());
    }
  }

  /** Header {@code name} is present with exactly {@code expected} (placeholders resolved). */
  record HeaderEquals(String name, String expected) implements Check {
    @Override public String description() {
      return "header " + name + " is " + expected;
    }

    @Override public Optional<String> verify(Response response, Variables variables) {
      String want = variables.resolve(expected);
      Optional<String> actual = response.header(name);
      return actual.filter(want::equals).isPresent() ? Optional.empty()
          : Optional.of("header " + name + ": expected \"" + want + "\" but was "
              + actual.map(v -> "\"" + v + "\"").orElse("<absent>"));
    }
  }

  /** Header {@code name} is present (any value). */
  record HeaderPresent(String name) implements Check {
    @Override public String description() {
      return "header " + name + " is present";
    }

    @Override public Optional<String> verify(Response response, Variables variables) {
      return response.header(name).isPresent() ? Optional.empty()
          : Optional.of("header " + name + ": expected present but was <absent>");
    }
  }

  /** Header {@code name} is absent. */
  record HeaderAbsent(String name) implements Check {
    @Override public String description() {
      return "header " + name + " is absent";
    }

    @Override public Optional<String> verify(Response response, Variables variables) {
      return response.header(name)
          .map(v -> "header " + name + ": expected <absent> but was \"" + v + "\"");
    }
  }

  /** The JSON body at {@code path} deep-equals {@code expected} (placeholders resolved). */
  record JsonEquals(String path, JsonNode expected) implements Check {
    @Override public String description() {
      return "body " + path + " = " + expected;
    }

    @Override public Optional<String> verify(Response response, Variables variables) {
      Optional<JsonNode> body = response.json();
      if (body.isEmpty()) {
        return Optional.of("body " + path + ": expected " + expected + " but the body is not JSON");
      }
      JsonNode want = resolve(expected, variables);
      JsonNode actual = JsonPath.at(body.get(), path);
      return want.equals(actual) ? Optional.empty()
          : Optional.of("body " + path + ": expected " + want + " but was "
              + (actual == null ? "<absent>" : actual.toString()));
    }

    private static JsonNode resolve(JsonNode value, Variables variables) {
      try {
        return Json.MAPPER.readTree(variables.resolve(Json.MAPPER.writeValueAsString(value)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("expected value no longer JSON after substitution", e);
      }
    }
  }

  /** The JSON body has nothing at {@code path}. */
  record JsonAbsent(String path) implements Check {
    @Override public String description() {
      return "body " + path + " is absent";
    }

    @Override public Optional<String> verify(Response response, Variables variables) {
      Optional<JsonNode> body = response.json();
      if (body.isEmpty()) {
        return Optional.of("body " + path + ": expected absent but the body is not JSON");
      }
      JsonNode actual = JsonPath.at(body.get(), path);
      return actual == null ? Optional.empty()
          : Optional.of("body " + path + ": expected <absent> but was " + actual);
    }
  }

  /** The body text contains {@code text} (placeholders resolved); for S3's XML. */
  record BodyContains(String text) implements Check {
    @Override public String description() {
      return "body contains " + text;
    }

    @Override public Optional<String> verify(Response response, Variables variables) {
      String want = variables.resolve(text);
      return response.body().contains(want) ? Optional.empty()
          : Optional.of("body: expected to contain \"" + want + "\"");
    }
  }

  /** The body text does not contain {@code text} (placeholders resolved). */
  record BodyNotContains(String text) implements Check {
    @Override public String description() {
      return "body does not contain " + text;
    }

    @Override public Optional<String> verify(Response response, Variables variables) {
      String unwanted = variables.resolve(text);
      return response.body().contains(unwanted)
          ? Optional.of("body: expected not to contain \"" + unwanted + "\"") : Optional.empty();
    }
  }
}
