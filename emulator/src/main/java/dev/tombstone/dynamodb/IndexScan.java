package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/** Scan with IndexName: every entry of a secondary index, by partition then index order. */
final class IndexScan {
  private record Entry(Object partition, Position position, Item item) {}

  private static Comparator<Entry> order(SecondaryIndex index) {
    Comparator<Position> positions = index.order();
    return (a, b) -> {
      int byPartition = CompositeValue.compareKeyValues(a.partition(), b.partition());
      return byPartition != 0 ? byPartition : positions.compare(a.position(), b.position());
    };
  }

  private IndexScan() {}

  static Scan.Result execute(Table table, Scan.Request request) {
    SecondaryIndex index =
        Selects.index(table, request.indexName(), request.consistentRead());
    Query.Select select = Selects.resolve(index, request.select());
    index.checkFilterProjected(request.filter());
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<Object, ? extends NavigableMap<Position, Item>> partition
        : index.partitions().entrySet()) {
      if (!Scan.inSegment(request, partition.getKey())) {
        continue;
      }
      partition.getValue()
          .forEach((p, item) -> entries.add(new Entry(partition.getKey(), p, item)));
    }
    Comparator<Entry> order = order(index);
    entries.sort(order);
    int from = 0;
    if (request.exclusiveStartKey() != null) {
      Entry start = start(table, index, request.exclusiveStartKey());
      Scan.checkSegment(request, start.partition());
      from = Collections.binarySearch(entries, start, order);
      from = from >= 0 ? from + 1 : -from - 1;
    }
    ReadPage page = new ReadPage(request.limit());
    for (int i = from; i < entries.size() && !page.full(); i++) {
      Item stored = entries.get(i).item();
      Item read = index.project(stored);
      page.read(stored, read);
      // As in a Query: the filter reads the whole item (see QueryRun).
      if (request.filter() == null || request.filter().matches(stored)) {
        if (request.countOnly()) {
          page.counted();
        } else {
          Item base = Selects.base(index, select, stored, read);
          page.returned(request.projection() == null ? base : request.projection().apply(base));
        }
      }
    }
    Item last = page.cutAfter();
    Optional<Item> lastKey = Optional.empty();
    if (last != null) {
      Map<String, AttributeValue> key =
          new LinkedHashMap<>(table.keySchema().keyAttributesOf(last).attributes());
      key.putAll(index.keySchema().keyAttributesOf(last).attributes());
      lastKey = Optional.of(Item.of(key));
    }
    double units = page.units(request.consistentRead());
    Map<String, Double> byIndex = Map.of(index.name(), units);
    return new Scan.Result(page.items(), page.count(), page.scanned(), lastKey,
        new ConsumedCapacity(request.tableName(), units, 0, index.global() ? byIndex : Map.of(),
            index.global() ? Map.of() : byIndex));
  }

  private static Entry start(Table table, SecondaryIndex index, Map<String, AttributeValue> key) {
    Item start = Item.of(key);
    if (!table.keySchema().hasKeyTypes(start) || !index.keySchema().hasKeyTypes(start)) {
      throw DynamoDbError.Validation.invalidStartKey(
          DynamoDbError.Validation.keyMismatch().getMessage());
    }
    PrimaryKey tableKey = table.keySchema().keyOfItem(start);
    return new Entry(index.partitionValue(start), Position.of(index.sortValue(start), tableKey),
        start);
  }
}
