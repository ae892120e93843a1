package dev.tombstone.dynamodb;

import dev.tombstone.internal.RandomUuids;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A local or global secondary index: the table's items that carry every index key attribute,
 * grouped by index partition and sorted by index sort key, then by table key. It keeps whole
 * items; its projection is applied when it is read.
 *
 * <p>A partition is keyed by the item's value of the index partition attribute, and a position
 * holds its value of the sort attribute; a side of several attributes (a multi-attribute global
 * index key) uses a {@link CompositeValue} of them instead, so a single-attribute index reads and
 * writes as it did before multi-attribute keys.
 */
final class SecondaryIndex {
  private final UUID id;
  private final TableDefinition.IndexDefinition definition;
  private final boolean global;
  private final KeySchema tableSchema;
  /** Keyed by {@link #partitionValue}: an AttributeValue, or a CompositeValue. */
  private final ConcurrentHashMap<Object, ConcurrentSkipListMap<Position, Item>> partitions;
  private final boolean compositePartition;
  private final boolean compositeSort;

  SecondaryIndex(TableDefinition.IndexDefinition definition, boolean global, KeySchema table) {
    this(RandomUuids.next(), definition, global, table, new ConcurrentHashMap<>());
  }

  private SecondaryIndex(UUID id, TableDefinition.IndexDefinition definition, boolean global,
      KeySchema table,
      ConcurrentHashMap<Object, ConcurrentSkipListMap<Position, Item>> partitions) {
    this.id = id;
    this.definition = definition;
    this.global = global;
    this.tableSchema = table;
    this.partitions = partitions;
    this.compositePartition = definition.keySchema().partitionKeys().size() > 1;
    this.compositeSort = definition.keySchema().sortKeys().size() > 1;
  }

  /** The same entries under a new definition (UpdateTable changing throughput). */
  SecondaryIndex redefined(TableDefinition.IndexDefinition next) {
    return new SecondaryIndex(id, next, global, tableSchema, partitions);
  }

  /** Made when the index is created; an index created again under the name has another. */
  UUID id() {
    return id;
  }

  String name() {
    return definition.name();
  }

  boolean global() {
    return global;
  }

  TableDefinition.IndexDefinition definition() {
    return definition;
  }

  KeySchema keySchema() {
    return definition.keySchema();
  }

  /** Whether the index projects every attribute. */
  boolean projectsAll() {
    return "ALL".equals(definition.projectionType());
  }

  /** Whether an attribute of that name is in the index's items. */
  boolean projects(String attribute) {
    return projectsAll() || isKey(attribute)
        || ("INCLUDE".equals(definition.projectionType())
            && definition.nonKeyAttributes().contains(attribute));
  }

  /**
   * DynamoDB refuses a filter on a global index that reads attributes the index does not
   * project; a local index fetches those from the table instead.
   */
  void checkFilterProjected(ItemCondition filter) {
    if (!global || filter == null) {
      return;
    }
    // In the order a java.util.HashSet of them, filled in order of appearance, iterates: what
    // DynamoDB's answers show ([a, b] for b = :x AND (a = :y OR p = :z); [zz, aa, mm] for
    // zz = :x OR aa = :y OR mm = :z; floci's PartiQL tests, captured from DynamoDB in 2026).
    Set<String> missing = new HashSet<>();
    for (String name : filter.attributeNames()) {
      if (!projects(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("Secondary index " + name()
          + " does not project one or more filter attributes: " + missing);
    }
  }

  private boolean isKey(String attribute) {
    return tableSchema.isKeyAttribute(attribute) || keySchema().isKeyAttribute(attribute);
  }

  /** What the index holds of {@code item}. */
  Item project(Item item) {
    if (projectsAll()) {
      return item;
    }
    Item.Builder projected = Item.builder();
    item.attributes().forEach((name, value) -> {
      if (projects(name)) {
        projected.put(name, value);
      }
    });
    return projected.build();
  }

  /**
   * The items the index holds and the sum of their sizes as projected, counted the way the
   * table's own figures are: exactly, at the moment of the call.
   */
  TableDescription.IndexStatistics statistics() {
    long count = 0;
    long size = 0;
    for (NavigableMap<Position, Item> partition : partitions.values()) {
      for (Item item : partition.values()) {
        count++;
        size += project(item).sizeInBytes();
      }
    }
    return new TableDescription.IndexStatistics(count, size);
  }

  /** Every index partition by its partition key value (see {@link #partitionValue}). */
  Map<Object, ? extends NavigableMap<Position, Item>> partitions() {
    return partitions;
  }

  /** The entries of one index partition, in index order. */
  NavigableMap<Position, Item> partition(Object value) {
    NavigableMap<Position, Item> map = partitions.get(value);
    return map == null ? new ConcurrentSkipListMap<>(order()) : map;
  }

  /** The order of positions in this index's partitions. */
  java.util.Comparator<Position> order() {
    return compositeSort ? Position.COMPOSITE_ORDER : Position.ORDER;
  }

  /**
   * What an index partition is keyed by for {@code item}: its value of the partition attribute,
   * or a {@link CompositeValue} of its values of several; null when one is missing.
   */
  Object partitionValue(Item item) {
    return compositePartition
        ? CompositeValue.of(item, keySchema().partitionKeys())
        : item.get(keySchema().partitionKey().name());
  }

  /**
   * The sort value of a position for {@code item}: null without a sort key, its value of the
   * sort attribute, or a {@link CompositeValue} of its values of several.
   */
  Object sortValue(Item item) {
    if (compositeSort) {
      return CompositeValue.of(item, keySchema().sortKeys());
    }
    KeyAttribute sort = keySchema().sortKey();
    return sort == null ? null : item.get(sort.name());
  }

  /** The entry position of a stored item. */
  Position position(Item item, PrimaryKey tableKey) {
    return Position.of(sortValue(item), tableKey);
  }

  void changed(PrimaryKey key, Item old, Item now) {
    if (definition.indexes(old)) {
      Object partition = partitionValue(old);
      Position entry = position(old, key);
      partitions.computeIfPresent(partition, (p, map) -> {
        map.remove(entry);
        return map.isEmpty() ? null : map;
      });
    }
    if (definition.indexes(now)) {
      Object partition = partitionValue(now);
      Position entry = position(now, key);
      partitions.compute(partition, (p, map) -> {
        ConcurrentSkipListMap<Position, Item> m =
            map == null ? new ConcurrentSkipListMap<>(order()) : map;
        m.put(entry, now);
        return m;
      });
    }
  }

  /**
   * DynamoDB refuses a write whose index key attribute has the wrong type, is empty, or is
   * longer than a key may be: 2048 bytes for a partition attribute, 1024 for a sort attribute.
   */
  void checkKeyTypes(Item item) {
    List<KeyAttribute> partitionKeys = keySchema().partitionKeys();
    for (int i = 0; i < partitionKeys.size(); i++) {
      checkKeyType(item, partitionKeys.get(i), KeySchema.MAX_PARTITION_KEY_BYTES);
    }
    List<KeyAttribute> sortKeys = keySchema().sortKeys();
    for (int i = 0; i < sortKeys.size(); i++) {
      checkKeyType(item, sortKeys.get(i), KeySchema.MAX_SORT_KEY_BYTES);
    }
  }

  private void checkKeyType(Item item, KeyAttribute attribute, int maxBytes) {
    AttributeValue value = item.get(attribute.name());
    if (value == null) {
      return;
    }
    if (value.type() != attribute.type()) {
      throw DynamoDbError.Validation.invalidParameters("Type mismatch for Index Key "
          + attribute.name() + " Expected: " + attribute.type() + " Actual: " + value.type()
          + " IndexName: " + name());
    }
    if (KeySchema.isEmpty(value)) {
      throw new DynamoDbError.Validation("One or more parameter values are not valid. A value"
          + " specified for a secondary index key is not supported. The AttributeValue for a key"
          + " attribute cannot contain an empty " + (value instanceof AttributeValue.S
              ? "string" : "binary") + " value. IndexName: " + name() + ", IndexKey: "
          + attribute.name());
    }
    int size = KeySchema.byteLength(value);
    if (size > maxBytes) {
      // AWS's text, as quoted in architect/dynalite#35 and wellcomecollection/platform#2285.
      throw DynamoDbError.Validation.invalidParameters("Size limit exceeded for Index Key "
          + attribute.name() + " Actual Size: " + size + " bytes Max Size: " + maxBytes
          + " bytes IndexName: " + name());
    }
  }
}
