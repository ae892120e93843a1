package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DynamoDB's ORDER BY on a SELECT with a WHERE clause: every term names a key attribute, the
 * clause names the partitions it reads with {@code =} or {@code IN} in each of its OR branches,
 * and a read of several partitions orders them by the partition key's term. The sort key comes
 * back in its own term's direction and descending when it has none, even under {@code ORDER BY
 * pk ASC} (floci's DynamoDbPartiQLDocumentedSyntaxIntegrationTest, captured from DynamoDB
 * 2026-09-17).
 *
 * @param backwards whether each partition is read in descending sort key order
 * @param partitions one WHERE clause for each partition read, in the order they are read; empty
 *     when the clause spreads into too many OR branches to tell
 */
record OrderBy(boolean backwards, List<Expr> partitions) {
  static final String NOT_KEY =
      "Attribute %s in ORDER BY clause must be part of the primary key";
  static final String NO_HASH_CONDITION = "Must have at least one non-optional hash key"
      + " condition in WHERE clause when using ORDER BY clause.";
  static final String HASH_NOT_ORDERED = "Must have hash key in ORDER BY clause when more than"
      + " one hash key condition specified in WHERE clause.";

  OrderBy {
    partitions = List.copyOf(partitions);
  }

  /**
   * Checks the ORDER BY of {@code select} (which has a WHERE clause) against the key schema it
   * reads, in DynamoDB's order; null without ORDER BY.
   */
  static OrderBy of(Statement.Select select, KeySchema keySchema,
      List<AttributeValue> parameters) {
    List<Statement.OrderTerm> terms = select.orderBy();
    if (terms.isEmpty()) {
      return null;
    }
    for (Statement.OrderTerm term : terms) {
      if (keySchema.attributes().stream().noneMatch(k -> k.name().equals(term.name()))) {
        throw new DynamoDbError.Validation(String.format(NOT_KEY, term.name()));
      }
    }
    String partitionKey = keySchema.partitionKeys().get(0).name();
    String sortKey = keySchema.sortKeys().isEmpty() ? null : keySchema.sortKeys().get(0).name();
    Statement.OrderTerm sortTerm = term(terms, keySchema.sortKeys());
    boolean backwards = sortTerm == null || sortTerm.descending();
    List<List<Expr>> branches = OverlappingBranches.branches(select.where(), partitionKey,
        sortKey);
    if (branches == null) {
      return new OrderBy(backwards, List.of());
    }
    List<Partition> partitions = new ArrayList<>();
    for (List<Expr> branch : branches) {
      Partition read = Partition.of(branch, partitionKey, parameters);
      if (read == null) {
        throw new DynamoDbError.Validation(NO_HASH_CONDITION);
      }
      Partition same = partitions.stream()
          .filter(p -> SortKeyInterval.same(p.value(), read.value())).findFirst().orElse(null);
      if (same == null) {
        partitions.add(read);
      } else {
        same.rests().addAll(read.rests());
      }
    }
    if (partitions.size() < 2) {
      return new OrderBy(backwards, partitions.stream().map(Partition::where).toList());
    }
    Statement.OrderTerm partitionTerm = term(terms, keySchema.partitionKeys());
    if (partitionTerm == null) {
      throw new DynamoDbError.Validation(HASH_NOT_ORDERED);
    }
    Comparator<Partition> order = (a, b) -> SortKeyInterval.compare(a.value(), b.value());
    partitions.sort(partitionTerm.descending() ? order.reversed() : order);
    return new OrderBy(backwards, partitions.stream().map(Partition::where).toList());
  }

  /** The first term that names one of {@code keys}, or null. */
  private static Statement.OrderTerm term(List<Statement.OrderTerm> terms,
      List<KeyAttribute> keys) {
    return terms.stream()
        .filter(t -> keys.stream().anyMatch(k -> k.name().equals(t.name())))
        .findFirst().orElse(null);
  }

  /**
   * One partition a branch reads: its key equality, and the branches' other terms (an empty
   * list among them: the branch reads the whole partition).
   */
  private record Partition(AttributeValue value, Expr equality, List<List<Expr>> rests) {
    /** Null when the branch has no equality on the partition key. */
    static Partition of(List<Expr> branch, String partitionKey, List<AttributeValue> parameters) {
      Expr equality = null;
      AttributeValue value = null;
      List<Expr> rest = new ArrayList<>();
      for (Expr term : branch) {
        AttributeValue bound = OverlappingBranches.equality(term, partitionKey, parameters);
        if (bound != null && equality == null) {
          equality = term;
          value = bound;
        } else {
          rest.add(term);
        }
      }
      if (equality == null) {
        return null;
      }
      List<List<Expr>> rests = new ArrayList<>();
      rests.add(rest);
      return new Partition(value, equality, rests);
    }

    /** The partition's equality AND the OR of its branches' other terms. */
    Expr where() {
      Expr any = null;
      for (List<Expr> rest : rests) {
        Expr branch = WhereClause.join(rest);
        if (branch == null) {
          return equality;
        }
        any = any == null ? branch : new Expr.Or(any, branch);
      }
      return new Expr.And(equality, any);
    }
  }
}
