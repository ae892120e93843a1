package dev.tombstone.junit;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.Map;
import java.util.Optional;

/**
 * How the table assertions read a key: the {@code (attribute, value)} shortcut against the
 * table's key schema, and what to say when a key does not fit it.
 */
final class TableKeys {
  private TableKeys() {}

  /**
   * Why {@code (attribute, value)} cannot name an item of a table with {@code schema}, if it
   * cannot: the table has a sort key, the attribute is not its partition key, the key is
   * binary, or it is a Number and {@code value} is no number.
   */
  static Optional<String> problemWithPartitionKey(KeySchema schema, String attribute,
      String value) {
    KeyAttribute partition = schema.partitionKey();
    if (schema.sortKey() != null) {
      return Optional.of("a key has two attributes");
    }
    if (!partition.name().equals(attribute)) {
      return Optional.of(attribute + " is not its partition key");
    }
    if (partition.type() == AttributeType.B) {
      return Optional.of("the key is binary");
    }
    if (partition.type() == AttributeType.N && number(value).isEmpty()) {
      return Optional.of("\"" + value + "\" is not a number");
    }
    return Optional.empty();
  }

  /** The key of a hash-only table whose value passed {@link #problemWithPartitionKey}. */
  static Map<String, AttributeValue> partitionKey(KeySchema schema, String value) {
    KeyAttribute partition = schema.partitionKey();
    AttributeValue key = partition.type() == AttributeType.N
        ? number(value).orElseThrow() : AttributeValue.s(value);
    return Map.of(partition.name(), key);
  }

  /** The message for a whole key the table refuses, with the emulator's reason. */
  static String mismatch(String table, KeySchema schema, Map<String, AttributeValue> key,
      DynamoDbError.Validation reason) {
    return String.format("%nTable %s is keyed by %s; the key%n  %s%ndoes not fit it: %s%nName"
        + " the key like%n  %s", table, describe(schema), key, reason.getMessage(),
        example(schema));
  }

  /** {@code OrderId (N)}, or {@code partition key CustomerId (S) and sort key OrderId (N)}. */
  static String describe(KeySchema schema) {
    KeyAttribute partition = schema.partitionKey();
    if (schema.sortKey() == null) {
      return partition.name() + " (" + partition.type() + ")";
    }
    KeyAttribute sort = schema.sortKey();
    return "partition key " + partition.name() + " (" + partition.type() + ") and sort key "
        + sort.name() + " (" + sort.type() + ")";
  }

  /** A key of the schema written out, for a message: {@code Map.of("OrderId", ...)}. */
  static String example(KeySchema schema) {
    String example = "Map.of(" + entry(schema.partitionKey());
    if (schema.sortKey() != null) {
      example += ", " + entry(schema.sortKey());
    }
    return example + ")";
  }

  private static String entry(KeyAttribute attribute) {
    String factory = switch (attribute.type()) {
      case N -> "AttributeValue.n(\"42\")";
      case B -> "AttributeValue.b(bytes)";
      default -> "AttributeValue.s(\"...\")";
    };
    return "\"" + attribute.name() + "\", " + factory;
  }

  private static Optional<AttributeValue> number(String value) {
    try {
      return Optional.of(AttributeValue.n(value));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
