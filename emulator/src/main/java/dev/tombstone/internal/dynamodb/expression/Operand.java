package dev.tombstone.internal.dynamodb.expression;

import java.util.List;

/** The syntax tree of an operand, as written (placeholders not yet resolved). */
sealed interface Operand extends Node {

  /** A document path such as {@code m.#k[2]}. */
  record Path(List<Segment> segments) implements Operand {
    public Path {
      segments = List.copyOf(segments);
    }
  }

  /** A {@code :value} placeholder. */
  record ValueRef(String placeholder) implements Operand {}

  /**
   * A function call with any name; whether the name exists and may stand where it stands is
   * checked after parsing, as DynamoDB does.
   */
  record Call(String name, List<Operand> arguments) implements Operand {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** One step of a document path. */
  sealed interface Segment {}

  /** A literal attribute name or map key. */
  record Name(String name) implements Segment {}

  /** A {@code #name} placeholder. */
  record NameRef(String placeholder) implements Segment {}

  /** A list index as written; it may not fit an {@code int}, which is a later check. */
  record Index(String digits) implements Segment {}
}
