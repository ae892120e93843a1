package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import java.util.Set;

/**
 * A validated condition bound to its request's placeholder values, ready to be evaluated any
 * number of times from any thread. Evaluation allocates nothing.
 *
 * <pre>{@code
 * CompiledCondition c = compiler.condition(ExpressionKind.CONDITION,
 *     "attribute_exists(#k)", Map.of("#k", "UserId"), null);
 * c.matches(item);     // true when item has UserId
 * c.usedNames();       // [#k]
 * }</pre>
 */
public final class CompiledCondition implements ItemCondition {
  private final String expression;
  private final Predicate predicate;
  private final Set<String> usedNames;
  private final Set<String> usedValues;
  private final Set<String> attributeNames;

  CompiledCondition(
      String expression, Predicate predicate, Set<String> usedNames, Set<String> usedValues) {
    this.expression = expression;
    this.predicate = predicate;
    this.usedNames = usedNames;
    this.usedValues = usedValues;
    this.attributeNames = Attributes.of(predicate);
  }

  /** Whether {@code item} satisfies the condition; null is treated as no item. */
  @Override
  public boolean matches(Item item) {
    return predicate.test(item == null ? Item.EMPTY : item);
  }

  /** The {@code #name} placeholders the expression uses, for the request's unused-name check. */
  public Set<String> usedNames() {
    return usedNames;
  }

  /** The {@code :value} placeholders the expression uses, for the unused-value check. */
  public Set<String> usedValues() {
    return usedValues;
  }

  @Override
  public Set<String> attributeNames() {
    return attributeNames;
  }

  /** The top-level attributes the condition reads a part of ({@code a.b}, {@code a[0]}). */
  public Set<String> nestedAttributeNames() {
    return Attributes.nested(predicate);
  }

  Predicate predicate() {
    return predicate;
  }

  @Override
  public String toString() {
    return expression;
  }
}
