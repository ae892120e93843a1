package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@code KeySchema} member of a table or an index: read with its constraints, then built. */
final class KeySchemas {
  private KeySchemas() {}

  /** The member's presence and length (one or two elements). */
  static void checkSize(List<Json> elements, String path, Constraints constraints) {
    constraints.notNull(path, elements);
    if (elements != null) {
      constraints.size(path,
          ConstraintValues.structures(elements, "KeySchemaElement", "AttributeName", "KeyType"),
          1, 2);
    }
  }

  /**
   * The elements' constraints; the elements as [name, keyType] pairs (empty when the member is
   * absent).
   */
  static List<String[]> read(List<Json> elements, String path, Constraints constraints) {
    List<String[]> result = new ArrayList<>();
    if (elements == null) {
      return result;
    }
    int i = 1;
    for (Json element : elements) {
      Json.Obj e = Members.structure(element);
      String name = Members.string(e, "AttributeName");
      String keyType = Members.string(e, "KeyType");
      constraints.notNull(path + "." + i + ".member.attributeName", name);
      constraints.notNull(path + "." + i + ".member.keyType", keyType);
      constraints.oneOf(path + "." + i + ".member.keyType", keyType, "HASH", "RANGE");
      result.add(new String[] {name, keyType});
      i++;
    }
    return result;
  }

  /**
   * The key schema of elements that passed their constraints: HASH first, RANGE second, two
   * names, every attribute defined in {@code types}.
   */
  static KeySchema build(List<String[]> elements, Map<String, AttributeType> types) {
    if (!"HASH".equals(elements.get(0)[1])) {
      throw new DynamoDbError.Validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (elements.size() == 2) {
      if (!"RANGE".equals(elements.get(1)[1])) {
        throw new DynamoDbError.Validation(
            "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
      if (elements.get(0)[0].equals(elements.get(1)[0])) {
        throw ServiceErrors.sameHashAndRangeName();
      }
    }
    List<String> keys = new ArrayList<>();
    boolean missing = false;
    for (String[] element : elements) {
      keys.add(element[0]);
      missing |= !types.containsKey(element[0]);
    }
    if (missing) {
      throw ServiceErrors.invalidParameters("Some index key attributes are not defined in"
          + " AttributeDefinitions. Keys: " + ConstraintValues.list(keys)
          + ", AttributeDefinitions: " + ConstraintValues.list(new ArrayList<>(types.keySet())));
    }
    KeyAttribute hash = new KeyAttribute(elements.get(0)[0], types.get(elements.get(0)[0]));
    if (elements.size() == 1) {
      return KeySchema.of(hash);
    }
    return KeySchema.of(hash, new KeyAttribute(elements.get(1)[0], types.get(elements.get(1)[0])));
  }
}
