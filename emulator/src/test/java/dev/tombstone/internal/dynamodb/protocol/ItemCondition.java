package dev.tombstone.internal.dynamodb.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The item model test's small condition language, its expression text, its legacy
 * {@code Expected} form where one exists, and its own evaluation on a model item (the
 * condition-expressions spec, §6 and §7), independent of the emulator's evaluator.
 */
sealed interface ItemCondition {

  /** {@code attribute_exists(name)}. */
  record Exists(String name) implements ItemCondition {}

  /** {@code attribute_not_exists(name)}. */
  record NotExists(String name) implements ItemCondition {}

  /** {@code a = :v}, a number. */
  record Equals(long value) implements ItemCondition {}

  /** {@code a < :v}, a number. */
  record Less(long value) implements ItemCondition {}

  /** {@code begins_with(b, :p)}. */
  record BeginsWith(String prefix) implements ItemCondition {}

  /** {@code size(tags) > :n}. */
  record SizeGreater(long size) implements ItemCondition {}

  record And(ItemCondition left, ItemCondition right) implements ItemCondition {}

  record Or(ItemCondition left, ItemCondition right) implements ItemCondition {}

  record Not(ItemCondition operand) implements ItemCondition {}

  /** Whether the condition holds for {@code item}, empty for a missing item. */
  default boolean holds(Map<String, ItemValue> item) {
    if (this instanceof Exists e) {
      return item.containsKey(e.name());
    } else if (this instanceof NotExists e) {
      return !item.containsKey(e.name());
    } else if (this instanceof Equals e) {
      return item.get("a") instanceof ItemValue.N n && n.equals(ItemValue.N.of(e.value()));
    } else if (this instanceof Less l) {
      return item.get("a") instanceof ItemValue.N n
          && n.value().compareTo(ItemValue.N.of(l.value()).value()) < 0;
    } else if (this instanceof BeginsWith b) {
      return item.get("b") instanceof ItemValue.S s && s.value().startsWith(b.prefix());
    } else if (this instanceof SizeGreater g) {
      return item.get("tags") instanceof ItemValue.Ss ss && ss.values().size() > g.size();
    } else if (this instanceof And and) {
      return and.left().holds(item) && and.right().holds(item);
    } else if (this instanceof Or or) {
      return or.left().holds(item) || or.right().holds(item);
    } else if (this instanceof Not not) {
      return !not.operand().holds(item);
    }
    throw new IllegalStateException(toString());
  }

  /** The expression text, its names and values added to {@code p}. */
  default String expression(ItemPlaceholders p) {
    if (this instanceof Exists e) {
      return "attribute_exists(" + p.name(e.name()) + ")";
    } else if (this instanceof NotExists e) {
      return "attribute_not_exists(" + p.name(e.name()) + ")";
    } else if (this instanceof Equals e) {
      return p.name("a") + " = " + p.value(ItemValue.N.of(e.value()));
    } else if (this instanceof Less l) {
      return p.name("a") + " < " + p.value(ItemValue.N.of(l.value()));
    } else if (this instanceof BeginsWith b) {
      return "begins_with(" + p.name("b") + ", " + p.value(new ItemValue.S(b.prefix())) + ")";
    } else if (this instanceof SizeGreater g) {
      return "size(" + p.name("tags") + ") > " + p.value(ItemValue.N.of(g.size()));
    } else if (this instanceof And and) {
      return "(" + and.left().expression(p) + ") AND (" + and.right().expression(p) + ")";
    } else if (this instanceof Or or) {
      return "(" + or.left().expression(p) + ") OR (" + or.right().expression(p) + ")";
    } else if (this instanceof Not not) {
      return "NOT (" + not.operand().expression(p) + ")";
    }
    throw new IllegalStateException(toString());
  }

  /**
   * The legacy {@code Expected} and {@code ConditionalOperator} members for this condition, if
   * it has that form: one comparison, or AND/OR of two on different attributes. {@code form}
   * picks among the equivalent spellings of one comparison.
   */
  default Optional<ObjectNode> expected(int form) {
    ObjectNode request = ItemValue.JSON.objectNode();
    ObjectNode expected = request.putObject("Expected");
    if (this instanceof And and && and.left().attribute().isPresent()
        && !and.left().attribute().equals(and.right().attribute())
        && and.right().attribute().isPresent()) {
      and.left().entry(expected, form);
      and.right().entry(expected, form / 3);
      if (form % 2 == 0) {
        request.put("ConditionalOperator", "AND");
      }
      return Optional.of(request);
    } else if (this instanceof Or or && or.left().attribute().isPresent()
        && !or.left().attribute().equals(or.right().attribute())
        && or.right().attribute().isPresent()) {
      or.left().entry(expected, form);
      or.right().entry(expected, form / 3);
      request.put("ConditionalOperator", "OR");
      return Optional.of(request);
    } else if (attribute().isPresent()) {
      entry(expected, form);
      return Optional.of(request);
    }
    return Optional.empty();
  }

  /** The attribute a comparison with a legacy form tests; empty for the others. */
  private Optional<String> attribute() {
    if (this instanceof Exists e) {
      return Optional.of(e.name());
    } else if (this instanceof NotExists e) {
      return Optional.of(e.name());
    } else if (this instanceof Equals || this instanceof Less) {
      return Optional.of("a");
    } else if (this instanceof BeginsWith) {
      return Optional.of("b");
    }
    return Optional.empty();
  }

  private void entry(ObjectNode expected, int form) {
    ObjectNode entry = expected.putObject(attribute().orElseThrow());
    if (this instanceof Exists) {
      entry.put("ComparisonOperator", "NOT_NULL");
    } else if (this instanceof NotExists) {
      if (form % 2 == 0) {
        entry.put("Exists", false);
      } else {
        entry.put("ComparisonOperator", "NULL");
      }
    } else if (this instanceof Equals e) {
      ObjectNode value = ItemValue.N.of(e.value()).json();
      switch (form % 3) {
        case 0 -> entry.set("Value", value);
        case 1 -> entry.put("Exists", true).set("Value", value);
        default -> entry.put("ComparisonOperator", "EQ").putArray("AttributeValueList")
            .add(value);
      }
    } else if (this instanceof Less l) {
      entry.put("ComparisonOperator", "LT").putArray("AttributeValueList")
          .add(ItemValue.N.of(l.value()).json());
    } else if (this instanceof BeginsWith b) {
      entry.put("ComparisonOperator", "BEGINS_WITH").putArray("AttributeValueList")
          .add(new ItemValue.S(b.prefix()).json());
    }
  }
}
