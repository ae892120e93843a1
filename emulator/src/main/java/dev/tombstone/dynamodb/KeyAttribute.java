package dev.tombstone.dynamodb;

import java.util.Objects;

/** A key attribute of a table or index: its name and scalar type (S, N or B). */
public record KeyAttribute(String name, AttributeType type) {
  public KeyAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!type.isScalarKeyType()) {
      throw new IllegalArgumentException("a key attribute must be S, N or B, was " + type);
    }
  }

  public static KeyAttribute s(String name) {
    return new KeyAttribute(name, AttributeType.S);
  }

  public static KeyAttribute n(String name) {
    return new KeyAttribute(name, AttributeType.N);
  }

  public static KeyAttribute b(String name) {
    return new KeyAttribute(name, AttributeType.B);
  }
}
