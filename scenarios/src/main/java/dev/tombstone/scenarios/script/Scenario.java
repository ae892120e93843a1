package dev.tombstone.scenarios.script;

import java.util.List;
import java.util.Objects;

/**
 * One documented flow as an ordered list of HTTP steps, loaded from
 * {@code scenarios/<id>.json}. The file is the single source of the flow's steps and
 * expectations: the JUnit replay and the generated Postman collection both read it.
 *
 * @param id          the file name without {@code .json}, e.g. {@code a-compare-yourself}
 * @param name        a human title
 * @param description what the flow shows and where the documents are wrong
 * @param steps       the steps, run in order from an empty emulator
 */
public record Scenario(String id, String name, String description, List<Step> steps) {
  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("scenario " + id + " has no steps");
    }
  }
}
