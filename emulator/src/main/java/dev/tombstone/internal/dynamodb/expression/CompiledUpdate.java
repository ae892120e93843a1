package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemUpdate;
import dev.tombstone.internal.dynamodb.expression.UpdateParser.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated UpdateExpression (or legacy {@code AttributeUpdates}) bound to its request's
 * placeholders, ready to apply to any number of items from any thread.
 *
 * <p>Every SET value is computed from the item as it was; the actions are applied SET
 * first, in ascending path order (so several appends past the end of one list land in index
 * order), then REMOVE in descending path order (so removing {@code a[0]} and {@code a[2]} removes
 * the elements the indexes named before the list shifts), then ADD and DELETE.
 */
public final class CompiledUpdate implements ItemUpdate {
  static final String BAD_PATH =
      "The document path provided in the update expression is invalid for update";
  static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

  /**
   * One action: {@code path} holds a {@code String} per name or key and an {@code Integer} per
   * list index; {@code value} is the SET value, {@code operand} the ADD/DELETE operand.
   */
  record Step(Section section, List<Object> path, UpdateValue value, AttributeValue operand,
      String attribute, boolean topLevel) {
    Step(Section section, List<Object> path, UpdateValue value, AttributeValue operand) {
      this(section, path, value, operand, (String) path.get(0), path.size() == 1);
    }
  }

  private final String expression;
  private final Step[] steps;
  private final int[] order;
  private final boolean legacy;
  private final Set<String> usedNames;
  private final Set<String> usedValues;
  private final Set<String> attributeNames;
  private final Projection updated;
  private final boolean removesOnly;

  CompiledUpdate(String expression, List<Step> steps, boolean legacy, Set<String> usedNames,
      Set<String> usedValues) {
    this.expression = expression;
    this.steps = steps.toArray(new Step[0]);
    this.legacy = legacy;
    this.usedNames = usedNames;
    this.usedValues = usedValues;
    Set<String> names = new LinkedHashSet<>();
    List<List<Object>> paths = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < this.steps.length; i++) {
      names.add((String) this.steps[i].path().get(0));
      paths.add(this.steps[i].path());
      order.add(i);
    }
    order.sort(Comparator.<Integer>comparingInt(i -> this.steps[i].section().ordinal())
        .thenComparing((a, b) -> {
          int c = comparePaths(this.steps[a].path(), this.steps[b].path());
          return this.steps[a].section() == Section.REMOVE ? -c : c;
        }));
    this.order = order.stream().mapToInt(Integer::intValue).toArray();
    this.attributeNames = Set.copyOf(names);
    this.updated = Projection.of(expression, paths, Set.of());
    this.removesOnly = this.steps.length > 0
        && Arrays.stream(this.steps).allMatch(step -> step.section() == Section.REMOVE);
  }

  @Override
  public Item apply(Item item) {
    // SET values read the unchanged input item, so they are computed where they are used.
    Item.Builder attributes = item.toBuilder();
    for (int i : order) {
      Step step = steps[i];
      AttributeValue operand = step.value() != null ? step.value().eval(item) : step.operand();
      String name = step.attribute();
      AttributeValue current = attributes.get(name);
      AttributeValue changed;
      if (step.topLevel()) {
        changed = change(step, current, operand);
      } else {
        if (current == null) {
          throw new DynamoDbError.Validation(BAD_PATH);
        }
        changed = nested(current, step, 1, operand);
      }
      if (changed == null) {
        attributes.remove(name);
      } else {
        attributes.put(name, changed);
      }
    }
    return attributes.build();
  }

  private AttributeValue nested(AttributeValue node, Step step, int i, AttributeValue operand) {
    Object at = step.path().get(i);
    boolean last = i == step.path().size() - 1;
    if (at instanceof String key) {
      if (!(node instanceof AttributeValue.M m)) {
        throw new DynamoDbError.Validation(BAD_PATH);
      }
      AttributeValue child = m.values().get(key);
      if (!last && child == null) {
        throw new DynamoDbError.Validation(BAD_PATH);
      }
      AttributeValue changed = last ? change(step, child, operand)
          : nested(child, step, i + 1, operand);
      if (changed == child) {
        return node;
      }
      Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
      if (changed == null) {
        copy.remove(key);
      } else {
        copy.put(key, changed);
      }
      return new AttributeValue.M(copy);
    }
    int index = (Integer) at;
    if (!(node instanceof AttributeValue.L l)) {
      throw new DynamoDbError.Validation(BAD_PATH);
    }
    List<AttributeValue> list = l.values();
    if (index >= list.size()) {
      if (!last) {
        throw new DynamoDbError.Validation(BAD_PATH);
      }
      AttributeValue appended = change(step, null, operand);
      if (appended == null) {
        return node;
      }
      List<AttributeValue> copy = new ArrayList<>(list);
      copy.add(appended);
      return new AttributeValue.L(copy);
    }
    AttributeValue child = list.get(index);
    AttributeValue changed = last ? change(step, child, operand)
        : nested(child, step, i + 1, operand);
    List<AttributeValue> copy = new ArrayList<>(list);
    if (changed == null) {
      copy.remove(index);
    } else {
      copy.set(index, changed);
    }
    return new AttributeValue.L(copy);
  }

  /** The new value at the action's path, or null to remove it. */
  private AttributeValue change(Step step, AttributeValue current, AttributeValue operand) {
    switch (step.section()) {
      case SET:
        return operand;
      case REMOVE:
        return null;
      case ADD:
        if (current == null) {
          return operand;
        }
        AttributeValue sum = legacy && current instanceof AttributeValue.L l
            && operand instanceof AttributeValue.L more ? SetMath.append(l, more)
            : SetMath.add(current, operand);
        if (sum == null) {
          throw mismatch();
        }
        return sum;
      default:
        if (current == null) {
          return null;
        }
        AttributeValue rest = SetMath.subtract(current, operand);
        if (rest == SetMath.MISMATCH) {
          throw mismatch();
        }
        return rest;
    }
  }

  private DynamoDbError.Validation mismatch() {
    return new DynamoDbError.Validation(legacy ? TYPE_MISMATCH : UpdateValue.BAD_TYPE);
  }

  /** Lexicographic by step: indexes numerically, names by their text. */
  private static int comparePaths(List<Object> a, List<Object> b) {
    int common = Math.min(a.size(), b.size());
    for (int k = 0; k < common; k++) {
      Object x = a.get(k);
      Object y = b.get(k);
      int c;
      if (x instanceof Integer i && y instanceof Integer j) {
        c = Integer.compare(i, j);
      } else {
        c = String.valueOf(x).compareTo(String.valueOf(y));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** The actions, in request order. */
  List<Step> steps() {
    return List.of(steps);
  }

  @Override
  public boolean removesOnly() {
    return removesOnly;
  }

  @Override
  public Set<String> attributeNames() {
    return attributeNames;
  }

  @Override
  public Item updatedParts(Item item) {
    return updated.apply(item);
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
  public String toString() {
    return expression;
  }
}
