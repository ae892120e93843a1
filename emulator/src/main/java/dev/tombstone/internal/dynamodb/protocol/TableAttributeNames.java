package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.TableNameRules;
import java.util.Collection;
import java.util.List;

/**
 * The check CreateTable and UpdateTable's {@code Create} make of the names in AttributeDefinitions,
 * in key schemas and projected into an index: 1 to 255 characters. It comes before the check that
 * key attributes are defined: ScyllaDB's AWS-run tests (test_limits.py, the
 * {@code *_incoherent_names} cases) show DynamoDB naming the length whatever else is wrong.
 */
final class TableAttributeNames {
  private TableAttributeNames() {}

  /**
   * @param definitions the request's AttributeDefinitions names
   * @param keyElements the table's [name, keyType] pairs (none for UpdateTable)
   * @param indexes the indexes declared (null for an absent member)
   * @throws DynamoDbError.Validation for a name that is not 1 to 255 characters
   */
  static void check(Collection<String> definitions, List<String[]> keyElements,
      List<List<SecondaryIndexes.Declared>> indexes) {
    definitions.forEach(TableAttributeNames::checkName);
    checkKey(keyElements);
    for (List<SecondaryIndexes.Declared> declared : indexes) {
      if (declared == null) {
        continue;
      }
      for (SecondaryIndexes.Declared index : declared) {
        checkKey(index.keyElements());
        if (index.nonKeyAttributes() != null) {
          index.nonKeyAttributes().forEach(TableAttributeNames::checkName);
        }
      }
    }
  }

  private static void checkKey(List<String[]> elements) {
    elements.forEach(element -> checkName(element[0]));
  }

  private static void checkName(String name) {
    if (name != null && !TableNameRules.isAttributeName(name)) {
      throw new DynamoDbError.Validation(TableNameRules.ATTRIBUTE_NAME_LENGTH);
    }
  }
}
