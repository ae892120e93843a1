package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeySchema;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's refusal of a SELECT whose WHERE clause, read as OR branches that each name one
 * partition with {@code =}, reads part of a partition in two branches: {@code pk = 'a' AND x =
 * '1' OR pk = 'a' AND sk = '2'} (the first branch reads all of {@code 'a'}). A branch without the
 * partition equality, or with a negated or {@code <>} term on a key attribute, makes the
 * statement a scan, which is not checked (the 2026 conformance suite, whereOverlap.test.ts and
 * partiqlGrammar.test.ts). Also its refusal of a keyed SELECT of more than {@link #MAX_READS}
 * branches.
 */
final class OverlappingBranches {
  static final String OVERLAP =
      "Overlapping conditions with range keys are not supported in where clause";
  /**
   * A keyed SELECT reads each of its branches (a partition, or a sort key value in it) on its
   * own; DynamoDB refuses more than this many: {@code pk IN [51 values]}, {@code pk = 'a' AND sk
   * IN [51 values]}, {@code pk IN [26 values] AND sk IN ['1', '2']} (floci's PartiQL edge-case
   * tests, captured from DynamoDB in 2026; a statement that is a scan is not limited).
   */
  static final int MAX_READS = 50;
  static final String TOO_MANY_READS = "Too many decomposed read operations for a given query.";
  /** Past this many branches the clause is not expanded further (and not checked). */
  private static final int MAX_BRANCHES = 256;

  private OverlappingBranches() {}

  static void check(Expr where, KeySchema keySchema, List<AttributeValue> parameters) {
    if (keySchema.partitionKeys().size() != 1 || keySchema.sortKeys().size() > 1) {
      return;
    }
    String partitionKey = keySchema.partitionKeys().get(0).name();
    String sortKey = keySchema.sortKeys().isEmpty() ? null : keySchema.sortKeys().get(0).name();
    List<List<Expr>> branches = branches(where, partitionKey, sortKey);
    if (branches == null || branches.size() < 2) {
      return;
    }
    List<Branch> read = new ArrayList<>();
    for (List<Expr> terms : branches) {
      Branch branch = Branch.of(terms, partitionKey, sortKey, parameters);
      if (branch == null) {
        return;
      }
      if (!Boolean.TRUE.equals(branch.range().isEmpty())) {
        read.add(branch);
      }
    }
    if (branches.size() > MAX_READS) {
      throw new DynamoDbError.Validation(TOO_MANY_READS);
    }
    for (int i = 0; i < read.size(); i++) {
      for (int j = i + 1; j < read.size(); j++) {
        if (!SortKeyInterval.same(read.get(i).partition(), read.get(j).partition())) {
          continue;
        }
        SortKeyInterval both = read.get(i).range().intersect(read.get(j).range());
        if (both != null && Boolean.FALSE.equals(both.isEmpty())) {
          throw new DynamoDbError.Validation(OVERLAP);
        }
      }
    }
  }

  /**
   * The clause as OR of AND branches; {@code IN} on a key attribute is one branch a value. An OR
   * without a key term ({@code pk = 'a' AND (x = 1 OR y = 2)}) stays one filter term of its
   * branch: DynamoDB spreads only the ORs that name a key, so that statement reads partition
   * {@code 'a'} once (AWS runs it; floci's PartiQL edge-case tests, captured from DynamoDB).
   * Null past {@link #MAX_BRANCHES} branches.
   */
  static List<List<Expr>> branches(Expr expr, String partitionKey, String sortKey) {
    if (expr instanceof Expr.Or or && namesKeyTerm(or, partitionKey, sortKey)) {
      List<List<Expr>> left = branches(or.left(), partitionKey, sortKey);
      List<List<Expr>> right = branches(or.right(), partitionKey, sortKey);
      if (left == null || right == null || left.size() + right.size() > MAX_BRANCHES) {
        return null;
      }
      List<List<Expr>> all = new ArrayList<>(left);
      all.addAll(right);
      return all;
    }
    if (expr instanceof Expr.And and) {
      List<List<Expr>> left = branches(and.left(), partitionKey, sortKey);
      List<List<Expr>> right = branches(and.right(), partitionKey, sortKey);
      if (left == null || right == null || left.size() * right.size() > MAX_BRANCHES) {
        return null;
      }
      List<List<Expr>> all = new ArrayList<>();
      for (List<Expr> l : left) {
        for (List<Expr> r : right) {
          List<Expr> both = new ArrayList<>(l);
          both.addAll(r);
          all.add(both);
        }
      }
      return all;
    }
    if (expr instanceof Expr.In in && isKey(in.value(), partitionKey, sortKey)
        && in.candidates().stream().allMatch(ValueBinder::isValue)) {
      List<List<Expr>> all = new ArrayList<>();
      for (Expr candidate : in.candidates()) {
        all.add(List.of(new Expr.Compare(in.value(), "=", candidate)));
      }
      return all;
    }
    return List.of(List.of(expr));
  }

  /**
   * Whether {@code expr} holds, outside any NOT, a term that can key a read: an equality or IN on
   * the partition key, or a range, equality, IN, BETWEEN or begins_with on the sort key.
   */
  private static boolean namesKeyTerm(Expr expr, String partitionKey, String sortKey) {
    if (expr instanceof Expr.And and) {
      return namesKeyTerm(and.left(), partitionKey, sortKey)
          || namesKeyTerm(and.right(), partitionKey, sortKey);
    }
    if (expr instanceof Expr.Or or) {
      return namesKeyTerm(or.left(), partitionKey, sortKey)
          || namesKeyTerm(or.right(), partitionKey, sortKey);
    }
    if (expr instanceof Expr.In in) {
      return isKey(in.value(), partitionKey, sortKey);
    }
    if (expr instanceof Expr.Compare c) {
      String operator = c.operator();
      return operator.equals("=") && (isKey(c.left(), partitionKey, sortKey)
          || isKey(c.right(), partitionKey, sortKey))
          || sortKey != null && !operator.equals("<>")
          && (isKey(c.left(), sortKey, null) || isKey(c.right(), sortKey, null));
    }
    if (expr instanceof Expr.Between b) {
      return sortKey != null && isKey(b.value(), sortKey, null);
    }
    return sortKey != null && expr instanceof Expr.Call call
        && call.name().equals("begins_with") && !call.arguments().isEmpty()
        && isKey(call.arguments().get(0), sortKey, null);
  }

  /** One branch: the partition it names and the part of it its sort key terms allow. */
  private record Branch(AttributeValue partition, SortKeyInterval range) {
    /** Null when DynamoDB cannot key the branch, so that the statement is a scan. */
    static Branch of(List<Expr> terms, String partitionKey, String sortKey,
        List<AttributeValue> parameters) {
      AttributeValue partition = null;
      SortKeyInterval range = SortKeyInterval.ALL;
      for (Expr term : terms) {
        if ((term instanceof Expr.Not
            || term instanceof Expr.Compare c && c.operator().equals("<>"))
            && mentions(term, partitionKey, sortKey)) {
          return null;
        }
        AttributeValue value = equality(term, partitionKey, parameters);
        if (value != null) {
          if (partition != null && !SortKeyInterval.same(partition, value)) {
            range = SortKeyInterval.NONE;
          }
          partition = value;
        } else if (sortKey != null) {
          SortKeyInterval taken = SortKeyInterval.of(term, sortKey, parameters);
          range = taken == null ? range : range.intersect(taken);
        }
        if (range == null) {
          return null;
        }
      }
      return partition == null ? null : new Branch(partition, range);
    }
  }

  static AttributeValue equality(Expr term, String key, List<AttributeValue> parameters) {
    if (term instanceof Expr.Compare c && c.operator().equals("=")) {
      if (isKey(c.left(), key, null) && ValueBinder.isValue(c.right())) {
        return ValueBinder.bind(c.right(), parameters);
      }
      if (isKey(c.right(), key, null) && ValueBinder.isValue(c.left())) {
        return ValueBinder.bind(c.left(), parameters);
      }
    }
    return null;
  }

  private static boolean isKey(Expr expr, String key, String otherKey) {
    if (!(expr instanceof Expr.Path path) || path.topLevelName() == null) {
      return false;
    }
    return path.topLevelName().equals(key) || path.topLevelName().equals(otherKey);
  }

  /** Whether a path anywhere in {@code expr} starts at one of the key attributes. */
  private static boolean mentions(Expr expr, String partitionKey, String sortKey) {
    if (expr instanceof Expr.Path path) {
      String first = ((Expr.Name) path.steps().get(0)).name();
      return first.equals(partitionKey) || first.equals(sortKey);
    }
    return children(expr).stream().anyMatch(e -> mentions(e, partitionKey, sortKey));
  }

  private static List<Expr> children(Expr expr) {
    if (expr instanceof Expr.Compare c) {
      return List.of(c.left(), c.right());
    }
    if (expr instanceof Expr.And a) {
      return List.of(a.left(), a.right());
    }
    if (expr instanceof Expr.Or o) {
      return List.of(o.left(), o.right());
    }
    if (expr instanceof Expr.Not n) {
      return List.of(n.operand());
    }
    if (expr instanceof Expr.Between b) {
      return List.of(b.value(), b.lower(), b.upper());
    }
    if (expr instanceof Expr.In in) {
      List<Expr> all = new ArrayList<>(in.candidates());
      all.add(in.value());
      return all;
    }
    if (expr instanceof Expr.Call call) {
      return call.arguments();
    }
    if (expr instanceof Expr.Arithmetic a) {
      return List.of(a.left(), a.right());
    }
    if (expr instanceof Expr.IsMissing m) {
      return List.of(m.value());
    }
    if (expr instanceof Expr.IsNull n) {
      return List.of(n.value());
    }
    return List.of();
  }
}
