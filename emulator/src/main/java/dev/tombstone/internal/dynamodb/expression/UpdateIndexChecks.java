package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An UpdateItem's checks against the table's secondary index keys, in DynamoDB's order. */
public final class UpdateIndexChecks {
  private UpdateIndexChecks() {}

  /**
   * The checks DynamoDB makes against the table before it reads the item: a SET or ADD of an
   * index key attribute with a value whose type is known and wrong ({@code Type mismatch for
   * Index Key}), then a path into a key attribute, written or read ({@link ScalarKeys}); dynalite
   * test/updateItem.js, 'should return ValidationException if trying to update wrong type on
   * index' and '... update index map'.
   */
  public static void beforeRead(CompiledUpdate update, TableDefinition table) {
    // By index, then by key attribute, as the AWS-validated tests expect with two mismatches.
    for (List<TableDefinition.IndexDefinition> indexes
        : List.of(table.globalSecondaryIndexes(), table.localSecondaryIndexes())) {
      for (TableDefinition.IndexDefinition index : indexes) {
        for (KeyAttribute key : index.keySchema().attributes()) {
          AttributeType type = knownType(update, key.name());
          if (type != null && type != key.type()) {
            throw DynamoDbError.Validation.invalidParameters("Type mismatch for Index Key "
                + key.name() + " Expected: " + key.type() + " Actual: " + type
                + " IndexName: " + index.name());
          }
        }
      }
    }
    Set<String> nested = new LinkedHashSet<>();
    for (CompiledUpdate.Step step : update.steps()) {
      if (!step.topLevel()) {
        nested.add(step.attribute());
      }
      if (step.value() != null) {
        collectNested(step.value(), nested);
      }
    }
    ScalarKeys.check(nested, table);
  }

  /**
   * The check DynamoDB makes on the updated item: a SET of an index key attribute to a value
   * read from the item (so not known before) of the wrong type is refused with {@code The update
   * expression attempted to update the secondary index key to unsupported type} (dynalite
   * test/updateItem.js, 'should return ValidationException if trying to update existing index').
   */
  public static void afterUpdate(CompiledUpdate update, TableDefinition table, Item updated) {
    for (CompiledUpdate.Step step : update.steps()) {
      if (!step.topLevel() || step.section() != UpdateParser.Section.SET || step.value() == null
          || step.value().staticType() != null) {
        continue;
      }
      IndexKey key = IndexKey.find(table, step.attribute());
      AttributeValue value = updated.get(step.attribute());
      if (key != null && value != null && value.type() != key.type()) {
        throw new DynamoDbError.Validation("The update expression attempted to update the"
            + " secondary index key to unsupported type");
      }
    }
  }

  /** The type a SET or ADD of top-level {@code name} writes, when known before the read. */
  private static AttributeType knownType(CompiledUpdate update, String name) {
    for (CompiledUpdate.Step step : update.steps()) {
      if (!step.topLevel() || !step.attribute().equals(name)
          || step.section() == UpdateParser.Section.REMOVE
          || step.section() == UpdateParser.Section.DELETE) {
        continue;
      }
      AttributeType type = step.value() != null ? step.value().staticType()
          : step.operand() == null ? null : step.operand().type();
      if (type != null) {
        return type;
      }
    }
    return null;
  }

  /** A secondary index key attribute's type, and the first index it keys. */
  private record IndexKey(AttributeType type, String index) {
    static IndexKey find(TableDefinition table, String name) {
      for (List<TableDefinition.IndexDefinition> indexes
          : List.of(table.globalSecondaryIndexes(), table.localSecondaryIndexes())) {
        for (TableDefinition.IndexDefinition index : indexes) {
          for (KeyAttribute key : index.keySchema().attributes()) {
            if (key.name().equals(name)) {
              return new IndexKey(key.type(), index.name());
            }
          }
        }
      }
      return null;
    }
  }

  private static void collectNested(UpdateValue value, Set<String> nested) {
    if (value instanceof UpdateValue.Read read) {
      collectNested(read.path(), nested);
    } else if (value instanceof UpdateValue.IfNotExists ifNotExists) {
      collectNested(ifNotExists.path(), nested);
      collectNested(ifNotExists.fallback(), nested);
    } else if (value instanceof UpdateValue.ListAppend append) {
      collectNested(append.first(), nested);
      collectNested(append.second(), nested);
    } else if (value instanceof UpdateValue.Arithmetic arithmetic) {
      collectNested(arithmetic.left(), nested);
      collectNested(arithmetic.right(), nested);
    }
  }

  private static void collectNested(Source source, Set<String> nested) {
    if (source instanceof Source.Nested path) {
      nested.add(path.name());
    }
  }
}
