package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code KeySchema} member of a table or an index: read with its constraints, then built. A
 * table's or a local index's has one or two elements; a global index's may have up to four HASH
 * and four RANGE elements (multi-attribute keys), a limit its model no longer states.
 */
final class KeySchemas {
  private KeySchemas() {}

  /** The member's presence and length (one or two elements): a table's or a local index's. */
  static void checkSize(List<Json> elements, String path, Constraints constraints) {
    checkSize(elements, path, constraints, 2);
  }

  /** A global index's member: present, with at least one element. */
  static void checkGlobalSize(List<Json> elements, String path, Constraints constraints) {
    checkSize(elements, path, constraints, Integer.MAX_VALUE);
  }

  private static void checkSize(List<Json> elements, String path, Constraints constraints,
      int max) {
    constraints.notNull(path, elements);
    if (elements != null) {
      constraints.size(path,
          ConstraintValues.structures(elements, "KeySchemaElement", "AttributeName", "KeyType"),
          1, max);
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
      Json.Obj e = Members.element(element, "KeySchemaElement");
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
   * A table's key schema names more attributes than {@code types} defines: DynamoDB's first key
   * schema check, before the names themselves (dynalite test/createTable.js, "should return
   * ValidationException for missing key attr definition when double and same").
   */
  static void checkTableDefinitionCount(List<String[]> elements,
      Map<String, AttributeType> types) {
    if (elements.size() > types.size()) {
      throw new DynamoDbError.Validation(
          "Invalid KeySchema: Some index key attribute have no definition");
    }
  }

  /**
   * The key schema of elements that passed their constraints, checked in DynamoDB's order: every
   * attribute defined in {@code types}, two different names, HASH first, RANGE second (dynalite
   * test/createTable.js, "missing attribute definitions in LocalSecondaryIndex" and "same names
   * of keys in LocalSecondaryIndex").
   */
  static KeySchema build(List<String[]> elements, Map<String, AttributeType> types) {
    checkDefined(elements, types);
    if (elements.size() == 2 && elements.get(0)[0].equals(elements.get(1)[0])) {
      throw ServiceErrors.sameHashAndRangeName();
    }
    if (!"HASH".equals(elements.get(0)[1])) {
      throw new DynamoDbError.Validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (elements.size() == 2 && !"RANGE".equals(elements.get(1)[1])) {
      throw new DynamoDbError.Validation(
          "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
    KeyAttribute hash = new KeyAttribute(elements.get(0)[0], types.get(elements.get(0)[0]));
    if (elements.size() == 1) {
      return KeySchema.of(hash);
    }
    return KeySchema.of(hash, new KeyAttribute(elements.get(1)[0], types.get(elements.get(1)[0])));
  }

  /**
   * A global index's key schema of elements that passed their constraints: every attribute
   * defined (checked first, as for {@link #build}), one to four HASH elements, then up to four
   * RANGE elements, names all different. A
   * HASH and a RANGE element alone are checked as {@link #build} checks them.
   */
  static KeySchema buildGlobal(List<String[]> elements, Map<String, AttributeType> types) {
    checkDefined(elements, types);
    if (!"HASH".equals(elements.get(0)[1])) {
      throw new DynamoDbError.Validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    List<String[]> hashes = new ArrayList<>();
    List<String[]> ranges = new ArrayList<>();
    for (String[] element : elements) {
      if ("HASH".equals(element[1]) && !ranges.isEmpty()) {
        throw ServiceErrors.invalidParameters(
            "All HASH key attributes must precede RANGE key attributes in the KeySchema");
      }
      ("HASH".equals(element[1]) ? hashes : ranges).add(element);
    }
    for (List<String[]> side : List.of(hashes, ranges)) {
      if (side.size() > KeySchema.MAX_ATTRIBUTES_PER_SIDE) {
        throw ServiceErrors.invalidParameters("The KeySchema exceeds the maximum allowed number"
            + " of " + side.get(0)[1] + " key attributes");
      }
    }
    if (elements.size() == 2 && ranges.size() == 1
        && elements.get(0)[0].equals(elements.get(1)[0])) {
      throw ServiceErrors.sameHashAndRangeName();
    }
    Set<String> names = new HashSet<>();
    for (String[] element : elements) {
      if (!names.add(element[0])) {
        throw new DynamoDbError.Validation(
            "The KeySchema contains multiple key attributes with the same name");
      }
    }
    return KeySchema.of(attributes(hashes, types), attributes(ranges, types));
  }

  private static List<KeyAttribute> attributes(List<String[]> elements,
      Map<String, AttributeType> types) {
    List<KeyAttribute> attributes = new ArrayList<>();
    for (String[] element : elements) {
      attributes.add(new KeyAttribute(element[0], types.get(element[0])));
    }
    return attributes;
  }

  private static void checkDefined(List<String[]> elements, Map<String, AttributeType> types) {
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
  }
}
