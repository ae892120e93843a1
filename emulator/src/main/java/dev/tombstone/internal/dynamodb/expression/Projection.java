package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A validated ProjectionExpression: keeps only the requested document paths of an item, as
 * DynamoDB does. A nested path keeps its enclosing maps and lists with only the requested parts;
 * list elements keep index order; parts that do not exist are left out.
 *
 * <pre>{@code
 * Projection p = compiler.projection("a, m.x, l[2], l[0]", null);
 * p.apply(item);   // {a, m: {x}, l: [l[0], l[2]]}
 * }</pre>
 */
public final class Projection {
  private final String expression;
  private final Map<String, Part> attributes;
  private final Set<String> usedNames;

  private Projection(String expression, Map<String, Part> attributes, Set<String> usedNames) {
    this.expression = expression;
    this.attributes = attributes;
    this.usedNames = usedNames;
  }

  /** What to keep of one value. */
  private sealed interface Part {}

  /** The whole value. */
  private record Whole() implements Part {}

  /** Some keys of a map. */
  private record Keys(Map<String, Part> keys) implements Part {}

  /** Some elements of a list, {@code indexes} ascending. */
  private record Elements(int[] indexes, Part[] parts) implements Part {}

  /** The top-level attributes the projection keeps (part or all of), in request order. */
  public java.util.Set<String> topLevelAttributes() {
    return java.util.Collections.unmodifiableSet(attributes.keySet());
  }

  /** The top-level attributes the projection descends into with {@code .} or {@code []}. */
  public java.util.Set<String> nestedAttributes() {
    java.util.Set<String> nested = new java.util.LinkedHashSet<>();
    attributes.forEach((name, part) -> {
      if (!(part instanceof Whole)) {
        nested.add(name);
      }
    });
    return nested;
  }

  /**
   * Resolves a parsed projection's placeholders and checks its paths: undefined names, indexes
   * and depth in textual order, then overlapping paths ({@code a} and {@code a.b}, or a path
   * twice), then conflicting ones ({@code a.b} and {@code a[0]}).
   */
  static Projection bind(
      Parser.ParsedProjection parsed, String expression, Map<String, String> names) {
    Paths resolver = new Paths(names);
    List<List<Object>> paths = new ArrayList<>(parsed.paths().size());
    for (Operand.Path path : parsed.paths()) {
      Paths.Resolved resolved = resolver.resolve(path);
      if (resolved.problem() != null) {
        throw new ExpressionException(resolved.problem());
      }
      paths.add(resolved.steps());
    }
    Problem conflict = null;
    for (int j = 1; j < paths.size(); j++) {
      for (int i = 0; i < j; i++) {
        Problem problem = compare(paths.get(i), paths.get(j));
        if (problem instanceof Problem.PathsOverlap) {
          throw new ExpressionException(problem);
        }
        if (conflict == null) {
          conflict = problem;
        }
      }
    }
    if (conflict != null) {
      throw new ExpressionException(conflict);
    }
    return of(expression, paths, parsed.names());
  }

  /**
   * The text DynamoDB refuses two paths with when one continues the other or they take one step
   * as a key and as an index, naming {@code first} first; empty when they do neither. Steps are
   * names and {@link Integer} indexes.
   */
  public static Optional<String> clash(List<Object> first, List<Object> second) {
    return Optional.ofNullable(compare(first, second)).map(Problem::message);
  }

  /** Overlap when one path is a prefix of the other; conflict when a key meets an index. */
  static Problem compare(List<Object> first, List<Object> second) {
    int common = Math.min(first.size(), second.size());
    for (int k = 0; k < common; k++) {
      Object a = first.get(k);
      Object b = second.get(k);
      if ((a instanceof Integer) != (b instanceof Integer)) {
        return new Problem.PathsConflict(Paths.render(first), Paths.render(second));
      }
      if (!a.equals(b)) {
        return null;
      }
    }
    return new Problem.PathsOverlap(Paths.render(first), Paths.render(second));
  }

  /** Builds a projection from resolved paths that neither overlap nor conflict. */
  static Projection of(String expression, List<List<Object>> paths, Set<String> usedNames) {
    Builder root = new Builder();
    for (List<Object> path : paths) {
      Builder node = root;
      for (Object step : path) {
        node = node.child(step);
      }
    }
    Map<String, Part> attributes = new LinkedHashMap<>();
    root.keys.forEach((name, child) -> attributes.put(name, child.build()));
    return new Projection(expression, attributes, usedNames);
  }

  /** A mutable node of the projection tree; a node without children keeps the whole value. */
  private static final class Builder {
    private final Map<String, Builder> keys = new LinkedHashMap<>();
    private final TreeMap<Integer, Builder> elements = new TreeMap<>();

    Builder child(Object step) {
      return step instanceof Integer index
          ? elements.computeIfAbsent(index, i -> new Builder())
          : keys.computeIfAbsent((String) step, k -> new Builder());
    }

    Part build() {
      if (!keys.isEmpty()) {
        Map<String, Part> parts = new LinkedHashMap<>();
        keys.forEach((key, child) -> parts.put(key, child.build()));
        return new Keys(parts);
      }
      if (!elements.isEmpty()) {
        int[] indexes = new int[elements.size()];
        Part[] parts = new Part[elements.size()];
        int i = 0;
        for (Map.Entry<Integer, Builder> e : elements.entrySet()) {
          indexes[i] = e.getKey();
          parts[i++] = e.getValue().build();
        }
        return new Elements(indexes, parts);
      }
      return new Whole();
    }
  }

  /** A new item with only the projected parts of {@code item}. */
  public Item apply(Item item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Part> e : attributes.entrySet()) {
      AttributeValue value = project(item.get(e.getKey()), e.getValue());
      if (value != null) {
        out.put(e.getKey(), value);
      }
    }
    return Item.of(out);
  }

  private static AttributeValue project(AttributeValue value, Part part) {
    if (value == null || part instanceof Whole) {
      return value;
    }
    if (part instanceof Keys keys) {
      if (!(value instanceof AttributeValue.M m)) {
        return null;
      }
      Map<String, AttributeValue> out = new LinkedHashMap<>();
      for (Map.Entry<String, Part> e : keys.keys().entrySet()) {
        AttributeValue projected = project(m.values().get(e.getKey()), e.getValue());
        if (projected != null) {
          out.put(e.getKey(), projected);
        }
      }
      return out.isEmpty() ? null : new AttributeValue.M(out);
    }
    Elements elements = (Elements) part;
    if (!(value instanceof AttributeValue.L l)) {
      return null;
    }
    List<AttributeValue> out = new ArrayList<>();
    for (int i = 0; i < elements.indexes().length; i++) {
      int index = elements.indexes()[i];
      if (index < l.values().size()) {
        AttributeValue projected = project(l.values().get(index), elements.parts()[i]);
        if (projected != null) {
          out.add(projected);
        }
      }
    }
    return out.isEmpty() ? null : new AttributeValue.L(out);
  }

  /** The {@code #name} placeholders the expression uses, for the unused-name check. */
  public Set<String> usedNames() {
    return usedNames;
  }

  @Override
  public String toString() {
    return expression;
  }
}
