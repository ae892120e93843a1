package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeySchema;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A SELECT's WHERE terms that its Query does not key on, applied to each item the Query reads.
 * Unlike a client's FilterExpression they may name the key attributes: {@code sk IN [...]} and
 * {@code (sk = '1' OR sk = '2')} on one partition run in DynamoDB. The key attributes are left
 * out of {@link #attributeNames()}, so the Query neither refuses them nor asks a global index to
 * project them (it always does).
 *
 * @param condition the compiled terms
 * @param keySchema the key schema of the table or index the Query reads
 */
record KeyTermFilter(ItemCondition condition, KeySchema keySchema) implements ItemCondition {

  /** {@code condition} as a Query's filter; null stays null. */
  static ItemCondition of(ItemCondition condition, KeySchema keySchema) {
    return condition == null ? null : new KeyTermFilter(condition, keySchema);
  }

  @Override
  public boolean matches(Item item) {
    return condition.matches(item);
  }

  @Override
  public Set<String> attributeNames() {
    Set<String> names = new LinkedHashSet<>(condition.attributeNames());
    names.removeIf(keySchema::isKeyAttribute);
    return Collections.unmodifiableSet(names);
  }
}
