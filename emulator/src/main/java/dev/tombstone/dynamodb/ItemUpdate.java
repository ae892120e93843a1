package dev.tombstone.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The change an UpdateItem makes to one item: a compiled {@code UpdateExpression}, legacy
 * {@code AttributeUpdates}, or top-level changes built in Java. Implementations are immutable
 * and thread-safe.
 *
 * <pre>{@code
 * ItemUpdate softDelete = ItemUpdate.builder().set("deletedAt", AttributeValue.s(now)).build();
 * dynamo.updateItem(UpdateItem.Request.of("users", key, softDelete));
 * ItemUpdate restore = ItemUpdate.builder().remove("deletedAt").build();
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

  /**
   * Whether the update only removes attributes or parts of them. Such an update is not applied
   * to an item that does not exist: DynamoDB creates nothing and reports no invalid path, even
   * for {@code REMOVE a.b}. The default, false, applies the update to the key-only item, which
   * is the same for removals of top-level attributes.
   */
  default boolean removesOnly() {
    return false;
  }

  /** A builder of top-level changes: like {@code SET a = :v} and {@code REMOVE b}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ItemUpdate} of top-level SET and REMOVE actions, applied in order. */
  final class Builder {
    private final Map<String, AttributeValue> changes = new LinkedHashMap<>();

    private Builder() {}

    /** Sets attribute {@code name} to {@code value}. */
    public Builder set(String name, AttributeValue value) {
      changes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Removes attribute {@code name}; nothing happens if the item does not have it. */
    public Builder remove(String name) {
      changes.put(Objects.requireNonNull(name, "name"), null);
      return this;
    }

    /** The update; it changes nothing when neither set nor remove was called. */
    public ItemUpdate build() {
      return new TopLevelUpdate(new LinkedHashMap<>(changes));
    }
  }
}
