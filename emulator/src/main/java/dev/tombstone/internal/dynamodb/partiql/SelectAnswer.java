package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the item a SELECT's projection kept (nested, as a ProjectionExpression keeps it: list
 * elements packed in index order) into ExecuteStatement's answer, whose attributes are flat,
 * named as DynamoDB Local 3.3.1 names them (floci's AWS capture agrees for {@code l[0]}).
 *
 * <p>The walk goes down the projection's tree. A path's end answers under its name: the map
 * key, followed by the indexes since it ({@code m.k[0]} answers {@code k[0]}). In a list, the
 * element at position {@code p} of the kept list is named after the {@code p}th smallest index
 * the projection asks of that list, but the walk goes on below it with what the projection asks
 * below index {@code p} itself: where that is nothing (or the path ends there) the element
 * answers whole. So {@code SELECT l[1].q} answers {@code l[1]: {q: ...}}, while
 * {@code SELECT l[0], l[1].q} answers {@code l[0]} and {@code q}. Two answers can take one
 * name ({@code SELECT m.k[1].w, m.k[3], n.k[1]}: {@code m.k} answers {@code k[1]} too); the
 * first wins, map keys visited in {@link HashMap} order, as in DynamoDB Local.
 */
public final class SelectAnswer {
  private final Node root;

  private SelectAnswer(Node root) {
    this.root = root;
  }

  /** What the projection asks below one step; a node without children keeps the whole value. */
  private static final class Node {
    final Map<String, Node> keys = new LinkedHashMap<>();
    final TreeMap<Integer, Node> indexes = new TreeMap<>();

    boolean leaf() {
      return keys.isEmpty() && indexes.isEmpty();
    }
  }

  /** The answer of {@code statement} when it is a SELECT of named paths; empty otherwise. */
  public static Optional<SelectAnswer> of(Statement statement) {
    if (!(statement instanceof Statement.Select select) || select.projection().isEmpty()) {
      return Optional.empty();
    }
    Node root = new Node();
    for (Expr.Path path : select.projection()) {
      Node node = root;
      for (Expr.Step step : path.steps()) {
        node = step instanceof Expr.Index index
            ? node.indexes.computeIfAbsent(index.index(), i -> new Node())
            : node.keys.computeIfAbsent(((Expr.Name) step).name(), k -> new Node());
      }
    }
    return Optional.of(new SelectAnswer(root));
  }

  /** The flat answer for an item the projection kept. */
  public Item apply(Item projected) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    keys(projected.attributes(), root, out);
    return Item.of(out);
  }

  /** The items' answers, in order. */
  public List<Item> apply(List<Item> projected) {
    List<Item> answers = new ArrayList<>(projected.size());
    for (Item item : projected) {
      answers.add(apply(item));
    }
    return answers;
  }

  private static void walk(AttributeValue value, Node node, String name,
      Map<String, AttributeValue> out) {
    if (node.leaf()) {
      out.putIfAbsent(name, value);
    } else if (!node.keys.isEmpty()) {
      if (value instanceof AttributeValue.M map) {
        keys(map.values(), node, out);
      }
    } else if (value instanceof AttributeValue.L list) {
      List<Integer> labels = new ArrayList<>(node.indexes.keySet());
      List<AttributeValue> elements = list.values();
      for (int p = 0; p < elements.size() && p < labels.size(); p++) {
        String element = name + "[" + labels.get(p) + "]";
        Node below = node.indexes.get(p);
        if (below == null || below.leaf()) {
          out.putIfAbsent(element, elements.get(p));
        } else {
          walk(elements.get(p), below, element, out);
        }
      }
    }
  }

  /**
   * The keys {@code node} asks of a map, in the order a HashMap holds the kept ones when they
   * are put in last to first: where two answers take one name, DynamoDB Local keeps the first
   * in that order.
   */
  private static void keys(Map<String, AttributeValue> map, Node node,
      Map<String, AttributeValue> out) {
    List<String> asked = new ArrayList<>(node.keys.keySet());
    Collections.reverse(asked);
    Map<String, Node> kept = new HashMap<>();
    for (String key : asked) {
      if (map.containsKey(key)) {
        kept.put(key, node.keys.get(key));
      }
    }
    kept.forEach((key, child) -> walk(map.get(key), child, key, out));
  }
}
