package dev.tombstone.scenarios.script;

import java.util.List;
import java.util.Objects;

/**
 * One request of a scenario with the checks its response must pass and the values it
 * captures into variables for later steps.
 *
 * @param name     what the step does, unique within its scenario
 * @param note     why the step is there (shown in Postman as the request description)
 * @param request  the request, with {@code {{variable}}} placeholders
 * @param checks   the expectations, in the order they are reported
 * @param captures variables set from the response, in order
 */
public record Step(String name, String note, RequestSpec request, List<Check> checks,
    List<Capture> captures) {
  public Step {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(request, "request");
    note = note == null ? "" : note;
    checks = List.copyOf(checks);
    captures = List.copyOf(captures);
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("step '" + name + "' has no expectations");
    }
  }

  /**
   * A value taken from a response into a variable.
   *
   * @param variable the variable to set
   * @param header   the response header to read, or {@code null}
   * @param jsonPath the JSON body path to read (see {@link JsonPath}), or {@code null}
   */
  public record Capture(String variable, String header, String jsonPath) {
    public Capture {
      Objects.requireNonNull(variable, "variable");
      if ((header == null) == (jsonPath == null)) {
        throw new IllegalArgumentException(
            "capture of " + variable + " needs exactly one of header or json");
      }
    }
  }
}
