package dev.tombstone.dynamodb;

import java.util.Comparator;

/**
 * Where an item sits inside one partition of a table or an index: by sort key value (null
 * without a sort key), then by table key. A bound has no table key and a {@code bias} of -1
 * (before every item with its sort value) or +1 (after them), so a range of sort values is a
 * sub-map of the partition.
 *
 * @param sort an {@link AttributeValue} in a table or a single-attribute index ({@link #ORDER});
 *     a {@link CompositeValue} in an index with several sort attributes ({@link
 *     #COMPOSITE_ORDER}), where a bound may hold a prefix of the attributes
 */
record Position(Object sort, PrimaryKey tableKey, int bias) {
  static final Comparator<Position> ORDER = (a, b) -> compare(a, b, false);
  /** The order of an index partition whose sort values are {@link CompositeValue}s. */
  static final Comparator<Position> COMPOSITE_ORDER = (a, b) -> compare(a, b, true);

  private static int compare(Position a, Position b, boolean composite) {
    if (a.sort != null && b.sort != null) {
      int bySort = composite
          ? ((CompositeValue) a.sort).compareTo((CompositeValue) b.sort)
          : PrimaryKey.compareScalars((AttributeValue) a.sort, (AttributeValue) b.sort);
      if (bySort != 0) {
        return bySort;
      }
    }
    if (a.tableKey == null || b.tableKey == null) {
      return Integer.compare(a.bias, b.bias);
    }
    int byKey = a.tableKey.compareTo(b.tableKey);
    // PrimaryKey's order ignores a missing sort key; inside one index partition two table keys
    // may share their partition, so their sort keys decide.
    if (byKey == 0 && a.tableKey.sort() != null && b.tableKey.sort() != null) {
      return PrimaryKey.compareScalars(a.tableKey.sort(), b.tableKey.sort());
    }
    return byKey;
  }

  static Position of(Object sort, PrimaryKey tableKey) {
    return new Position(sort, tableKey, 0);
  }

  static Position before(Object sort) {
    return new Position(sort, null, -1);
  }

  static Position after(Object sort) {
    return new Position(sort, null, 1);
  }
}
