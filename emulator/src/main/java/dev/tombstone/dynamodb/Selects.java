package dev.tombstone.dynamodb;

/**
 * The index Query and Scan read, and {@code Select} as they apply it to the table or that index:
 * its default, DynamoDB's refusals, and which item a result is taken from.
 */
final class Selects {
  private Selects() {}

  /** The index {@code indexName} of {@code table}, refused when absent or read consistently. */
  static SecondaryIndex index(Table table, String indexName, boolean consistentRead) {
    SecondaryIndex index = table.index(indexName);
    if (index == null) {
      throw new DynamoDbError.Validation(
          "The table does not have the specified index: " + indexName);
    }
    if (index.global() && consistentRead) {
      throw new DynamoDbError.Validation(
          "Consistent reads are not supported on global secondary indexes");
    }
    return index;
  }

  /**
   * The Select in force: the request's, or the default (all attributes of the table, all
   * projected attributes of an index).
   *
   * @param index the index read, or null for the table
   */
  static Query.Select resolve(SecondaryIndex index, Query.Select select) {
    if (select == null) {
      return index == null ? Query.Select.ALL_ATTRIBUTES : Query.Select.ALL_PROJECTED_ATTRIBUTES;
    }
    if (select == Query.Select.ALL_PROJECTED_ATTRIBUTES && index == null) {
      throw new DynamoDbError.Validation(
          "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    if (select == Query.Select.ALL_ATTRIBUTES && index != null && index.global()
        && !index.projectsAll()) {
      throw DynamoDbError.Validation.invalidParameters("Select type ALL_ATTRIBUTES is not"
          + " supported for global secondary index " + index.name()
          + " because its projection type is not ALL");
    }
    return select;
  }

  /**
   * The item a result is made of: a local index reads the table for the attributes it does not
   * project unless only projected attributes were asked for.
   *
   * @param stored the table's item
   * @param read what the index holds of it ({@code stored} when reading the table)
   */
  static Item base(SecondaryIndex index, Query.Select select, Item stored, Item read) {
    return index != null && !index.global() && select != Query.Select.ALL_PROJECTED_ATTRIBUTES
        ? stored : read;
  }
}
