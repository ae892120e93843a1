package dev.tombstone.dynamodb;

import java.util.Set;

/**
 * The change an UpdateItem makes to one item: a compiled {@code UpdateExpression} or legacy
 * {@code AttributeUpdates}. Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * ItemUpdate update = ...;                 // e.g. compiled from "SET deletedAt = :now"
 * Item after = update.apply(before);       // before: the stored item, or just its key
 * }</pre>
 */
public interface ItemUpdate {

  /**
   * The item after the update.
   *
   * @param item the stored item, or an item holding only the key when none is stored
   * @throws DynamoDbError.Validation when the item does not fit the update, e.g. an operand of
   *     the wrong type or a document path that does not exist
   */
  Item apply(Item item);

  /** The top-level attributes the update writes or removes. */
  Set<String> attributeNames();

  /**
   * Only the parts of {@code item} at the updated document paths, for {@code UPDATED_OLD} and
   * {@code UPDATED_NEW}.
   */
  Item updatedParts(Item item);
}
