package dev.tombstone.internal.dynamodb.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The document paths an UpdateExpression writes, checked as DynamoDB checks them: added one at a
 * time to a tree of path steps. A path that reaches the end of one already added, or ends where
 * one continues, overlaps it; a map key where list indexes are (or the reverse) conflicts.
 *
 * <p>The second path a message names is the one DynamoDB names: from the node where the clash
 * is, each node's first child, down to the end of a path. DynamoDB keeps a node's children in a
 * {@link HashMap} whose keys hash to {@code 1040257 + hashCode()} of the name or index, so
 * "first" is that map's iteration order, and for a path written twice the second path named need
 * not clash at all: {@code SET a = :v, b = :v, a = :v} names {@code [a]} and {@code [b]}. AWS's
 * own answers show the same (dynamoose issue 214; dynalite's notes on the paths AWS names).
 */
final class PathTree {
  private final Node root = new Node();

  /** A node; no children marks the end of an added path. */
  private static final class Node {
    final Map<Step, Node> children = new HashMap<>();
  }

  /** A name ({@code String}) or index ({@code Integer}) with DynamoDB's hash code. */
  private record Step(Object value) {
    @Override
    public int hashCode() {
      return 8191 * 127 + value.hashCode();
    }
  }

  /** Adds {@code path}, or fails with the overlap or conflict DynamoDB reports for it. */
  void add(List<Object> path) {
    Node node = root;
    for (int depth = 0; depth < path.size(); depth++) {
      Step step = new Step(path.get(depth));
      Node child = node.children.get(step);
      if (child == null) {
        if (!node.children.isEmpty()) {
          Object other = first(node).value();
          if ((other instanceof Integer) != (step.value() instanceof Integer)) {
            throw clash(false, path, depth, node);
          }
        }
        Node chain = node;
        for (int rest = depth; rest < path.size(); rest++) {
          Node next = new Node();
          chain.children.put(new Step(path.get(rest)), next);
          chain = next;
        }
        return;
      }
      if (child.children.isEmpty() || depth == path.size() - 1) {
        throw clash(true, path, depth, node);
      }
      node = child;
    }
  }

  private static ExpressionException clash(boolean overlap, List<Object> path, int depth,
      Node node) {
    List<Object> other = new ArrayList<>(path.subList(0, depth));
    Node at = node;
    do {
      Step step = first(at);
      other.add(step.value());
      at = at.children.get(step);
    } while (!at.children.isEmpty());
    String one = Paths.render(path);
    String two = Paths.render(other);
    return new ExpressionException(overlap ? new Problem.PathsOverlap(one, two)
        : new Problem.PathsConflict(one, two));
  }

  private static Step first(Node node) {
    return node.children.keySet().iterator().next();
  }
}
