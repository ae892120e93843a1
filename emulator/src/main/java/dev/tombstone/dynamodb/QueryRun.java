package dev.tombstone.dynamodb;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/** One Query page over a table or an index partition: DynamoDB's checks, then the read. */
final class QueryRun {
  private final Table table;
  private final Query.Request request;

  QueryRun(Table table, Query.Request request) {
    this.table = table;
    this.request = request;
  }

  Query.Result run() {
    SecondaryIndex index = index();
    KeySchema schema = index == null ? table.keySchema() : index.keySchema();
    KeyRange range = KeyRange.of(schema, request.keyCondition());
    // The start key, the filter's key attributes, then Select (dynalite
    // test/query.js, AWS-validated: 'should return ValidationException if global range in
    // ExclusiveStartKey is invalid', '... if global range key in QueryFilter').
    Position start = startPosition(index, range);
    checkFilter(schema);
    Query.Select select = Selects.resolve(index, request.select());
    if (index != null) {
      index.checkFilterProjected(request.filter());
    }
    NavigableMap<Position, Item> partition = index == null
        ? table.partition((AttributeValue) range.partition())
        : index.partition(range.partition());
    NavigableMap<Position, Item> view = range.view(partition);
    if (start != null) {
      view = request.scanForward() ? view.tailMap(start, false) : view.headMap(start, false);
    }
    if (!request.scanForward()) {
      view = view.descendingMap();
    }
    ReadPage page = new ReadPage(request.limit());
    boolean matched = false;
    for (Map.Entry<Position, Item> entry : view.entrySet()) {
      if (page.full()) {
        break;
      }
      if (!range.accepts(entry.getKey().sort())) {
        if (request.scanForward() || matched) {
          break;
        }
        continue;
      }
      matched = true;
      Item stored = entry.getValue();
      Item read = index == null ? stored : index.project(stored);
      page.read(stored, read);
      // A global index projects whatever its filter reads (checked above); a local index
      // fetches the rest from the table, so the filter sees the whole item either way.
      if (request.filter() == null || request.filter().matches(stored)) {
        if (select == Query.Select.COUNT) {
          page.counted();
        } else {
          page.returned(returned(index, select, stored, read));
        }
      }
    }
    Item last = page.cutAfter();
    Optional<Item> lastKey = last != null ? Optional.of(keyOf(index, last)) : Optional.empty();
    double units = page.units(request.consistentRead());
    return new Query.Result(page.items(), page.count(), page.scanned(), lastKey,
        capacity(index, units));
  }

  private SecondaryIndex index() {
    if (request.indexName() == null) {
      return null;
    }
    return Selects.index(table, request.indexName(), request.consistentRead());
  }

  private void checkFilter(KeySchema schema) {
    checkFilter(schema, request.filter(), request.queryFilter());
  }

  /** A Query's filter may not name a key attribute of what it reads; null passes. */
  static void checkFilter(KeySchema schema, ItemCondition filter, boolean queryFilter) {
    if (filter == null) {
      return;
    }
    for (String name : filter.attributeNames()) {
      if (schema.isKeyAttribute(name)) {
        throw new DynamoDbError.Validation((queryFilter ? "QueryFilter"
            : "Filter Expression") + " can only contain non-primary key attributes: Primary key"
            + " attribute: " + name);
      }
    }
  }

  private Item returned(SecondaryIndex index, Query.Select select, Item stored, Item read) {
    Item base = Selects.base(index, select, stored, read);
    return request.projection() == null ? base : request.projection().apply(base);
  }

  private Position startPosition(SecondaryIndex index, KeyRange range) {
    Map<String, AttributeValue> start = request.exclusiveStartKey();
    if (start == null) {
      return null;
    }
    KeySchema tableSchema = table.keySchema();
    PrimaryKey tableKey;
    Position position;
    if (index == null) {
      try {
        tableKey = tableSchema.keyOf(start);
      } catch (DynamoDbError.Validation e) {
        throw DynamoDbError.Validation.invalidStartKey(e.getMessage());
      }
      position = Position.of(tableKey.sort(), tableKey);
      if (!range.holds(tableKey.partition(), tableKey.sort())) {
        throw outOfRange(range, tableKey.partition(), tableKey.sort());
      }
      return position;
    }
    KeySchema schema = index.keySchema();
    Item startItem = Item.of(start);
    java.util.Set<String> keyNames = new java.util.HashSet<>();
    tableSchema.attributes().forEach(key -> keyNames.add(key.name()));
    schema.attributes().forEach(key -> keyNames.add(key.name()));
    if (start.size() != keyNames.size() || !tableSchema.hasKeyTypes(startItem)
        || !schema.hasKeyTypes(startItem)) {
      throw DynamoDbError.Validation.invalidStartKey(
          DynamoDbError.Validation.keyMismatch().getMessage());
    }
    tableKey = tableSchema.keyOfItem(startItem);
    Object sort = index.sortValue(startItem);
    if (!range.holds(index.partitionValue(startItem), sort)) {
      throw outOfRange(range, index.partitionValue(startItem), sort);
    }
    return Position.of(sort, tableKey);
  }

  /**
   * A start key the condition does not hold. In another partition AWS answers by the sort
   * condition: none, "outside query boundaries"; one the start key's sort value meets, "at most
   * one row" (dynalite test/query.js, 'should return ValidationException for ExclusiveStartKey
   * with out-of-bounds hash key' and '... with matching range but non-matching hash key').
   * Otherwise the sort value is outside the range ('... with non-matching range key').
   */
  private static DynamoDbError.Validation outOfRange(
      KeyRange range, Object partition, Object sort) {
    if (!range.partition().equals(partition)) {
      if (!range.hasSortCondition()) {
        return new DynamoDbError.Validation("The provided starting key is outside query"
            + " boundaries based on provided conditions");
      }
      if (range.holds(range.partition(), sort)) {
        return new DynamoDbError.Validation(
            "The query can return at most one row and cannot be restarted");
      }
    }
    return new DynamoDbError.Validation(
        "The provided starting key does not match the range key predicate");
  }

  private Item keyOf(SecondaryIndex index, Item item) {
    Item tableKey = table.keySchema().keyAttributesOf(item);
    if (index == null) {
      return tableKey;
    }
    Map<String, AttributeValue> key = new java.util.LinkedHashMap<>(tableKey.attributes());
    key.putAll(index.keySchema().keyAttributesOf(item).attributes());
    return Item.of(key);
  }

  private ConsumedCapacity capacity(SecondaryIndex index, double units) {
    if (index == null) {
      return ConsumedCapacity.ofTable(request.tableName(), units);
    }
    Map<String, Double> byIndex = Map.of(index.name(), units);
    return new ConsumedCapacity(request.tableName(), units, 0,
        index.global() ? byIndex : Map.of(), index.global() ? Map.of() : byIndex);
  }
}
