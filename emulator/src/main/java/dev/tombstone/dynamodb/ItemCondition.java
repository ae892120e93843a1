package dev.tombstone.dynamodb;

/**
 * A compiled condition, checked against the current item (or {@link Item#EMPTY} when none
 * exists) atomically with the write it guards. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface ItemCondition {
  boolean matches(Item item);
}
