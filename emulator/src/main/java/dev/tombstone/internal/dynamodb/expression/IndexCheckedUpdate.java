package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemUpdate;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.Set;

/**
 * An UpdateItem's UpdateExpression held to its table's secondary index keys ({@link
 * UpdateIndexChecks}): checked against the table when made, and each updated item checked for an
 * index key set from the item to a value of the wrong type.
 */
public final class IndexCheckedUpdate implements ItemUpdate {
  private final CompiledUpdate update;
  private final TableDefinition table;

  private IndexCheckedUpdate(CompiledUpdate update, TableDefinition table) {
    this.update = update;
    this.table = table;
  }

  /** {@code update} for {@code table}, refused now when the table's index keys forbid it. */
  public static ItemUpdate of(CompiledUpdate update, TableDefinition table) {
    UpdateIndexChecks.beforeRead(update, table);
    return new IndexCheckedUpdate(update, table);
  }

  @Override
  public Item apply(Item item) {
    Item updated = update.apply(item);
    UpdateIndexChecks.afterUpdate(update, table, updated);
    return updated;
  }

  @Override
  public Set<String> attributeNames() {
    return update.attributeNames();
  }

  @Override
  public Item updatedParts(Item item) {
    return update.updatedParts(item);
  }

  @Override
  public boolean removesOnly() {
    return update.removesOnly();
  }

  @Override
  public String toString() {
    return update.toString();
  }
}
