package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.Collection;
import java.util.List;

/**
 * DynamoDB's rule that key attributes are scalars: an expression may not descend into a key
 * attribute of the table ({@code Key: a}) or of any of its secondary indexes ({@code IndexKey:
 * d}) with {@code .} or {@code []}. AWS applies it to ProjectionExpression, FilterExpression and
 * UpdateExpression paths (dynalite test/getItem.js, test/scan.js, test/query.js and
 * test/updateItem.js, AWS-validated; ScyllaDB test_gsi.py quotes the {@code IndexKey} text for
 * {@code SET x.y} on a global index key).
 */
public final class ScalarKeys {
  static final String TEXT =
      "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ";

  private ScalarKeys() {}

  /**
   * Refuses the first of {@code nested} (top-level names a path descends into) that is a key
   * attribute: the table's keys first, then the indexes' (global, then local).
   */
  public static void check(Collection<String> nested, TableDefinition table) {
    if (nested.isEmpty()) {
      return;
    }
    for (var key : table.keySchema().attributes()) {
      if (nested.contains(key.name())) {
        throw new DynamoDbError.Validation(TEXT + "Key: " + key.name());
      }
    }
    for (List<TableDefinition.IndexDefinition> indexes
        : List.of(table.globalSecondaryIndexes(), table.localSecondaryIndexes())) {
      for (TableDefinition.IndexDefinition index : indexes) {
        KeySchema schema = index.keySchema();
        for (var key : schema.attributes()) {
          if (nested.contains(key.name())) {
            throw new DynamoDbError.Validation(TEXT + "IndexKey: " + key.name());
          }
        }
      }
    }
  }
}
