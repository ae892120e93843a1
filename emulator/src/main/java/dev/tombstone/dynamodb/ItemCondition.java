package dev.tombstone.dynamodb;

import java.util.Set;

/**
 * A compiled condition, checked against the current item (or {@link Item#EMPTY} when none
 * exists) atomically with the write it guards. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface ItemCondition {
  boolean matches(Item item);

  /**
   * The top-level attribute names the condition reads; Query refuses a filter on a key
   * attribute. Empty when unknown.
   */
  default Set<String> attributeNames() {
    return Set.of();
  }
}
