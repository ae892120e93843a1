package dev.tombstone.dynamodb;

import dev.tombstone.internal.RandomUuids;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A local or global secondary index: the table's items that carry every index key attribute,
 * grouped by index partition and sorted by index sort key, then by table key. It keeps whole
 * items; its projection is applied when it is read.
 */
final class SecondaryIndex {
  private final UUID id;
  private final TableDefinition.IndexDefinition definition;
  private final boolean global;
  private final KeySchema tableSchema;
  private final ConcurrentHashMap<AttributeValue, ConcurrentSkipListMap<Position, Item>>
      partitions;

  SecondaryIndex(TableDefinition.IndexDefinition definition, boolean global, KeySchema table) {
    this(RandomUuids.next(), definition, global, table, new ConcurrentHashMap<>());
  }

  private SecondaryIndex(UUID id, TableDefinition.IndexDefinition definition, boolean global,
      KeySchema table,
      ConcurrentHashMap<AttributeValue, ConcurrentSkipListMap<Position, Item>> partitions) {
    this.id = id;
    this.definition = definition;
    this.global = global;
    this.tableSchema = table;
    this.partitions = partitions;
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
    List<String> missing = filter.attributeNames().stream()
        .filter(name -> !projects(name))
        .toList();
    if (!missing.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("Secondary index " + name()
          + " does not project one or more filter attributes: " + missing);
    }
  }

  private boolean isKey(String attribute) {
    return attribute.equals(tableSchema.partitionKey().name())
        || (tableSchema.sortKey() != null && attribute.equals(tableSchema.sortKey().name()))
        || attribute.equals(keySchema().partitionKey().name())
        || (keySchema().sortKey() != null && attribute.equals(keySchema().sortKey().name()));
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

  /** Every index partition by its partition key value. */
  Map<AttributeValue, ? extends NavigableMap<Position, Item>> partitions() {
    return partitions;
  }

  /** The entries of one index partition, in index order. */
  NavigableMap<Position, Item> partition(AttributeValue value) {
    NavigableMap<Position, Item> map = partitions.get(value);
    return map == null ? new ConcurrentSkipListMap<>(Position.ORDER) : map;
  }

  /** The entry position of a stored item. */
  Position position(Item item, PrimaryKey tableKey) {
    KeyAttribute sort = keySchema().sortKey();
    return Position.of(sort == null ? null : item.get(sort.name()), tableKey);
  }

  void changed(PrimaryKey key, Item old, Item now) {
    if (definition.indexes(old)) {
      AttributeValue partition = old.get(keySchema().partitionKey().name());
      Position entry = position(old, key);
      partitions.computeIfPresent(partition, (p, map) -> {
        map.remove(entry);
        return map.isEmpty() ? null : map;
      });
    }
    if (definition.indexes(now)) {
      AttributeValue partition = now.get(keySchema().partitionKey().name());
      Position entry = position(now, key);
      partitions.compute(partition, (p, map) -> {
        ConcurrentSkipListMap<Position, Item> m =
            map == null ? new ConcurrentSkipListMap<>(Position.ORDER) : map;
        m.put(entry, now);
        return m;
      });
    }
  }

  /** DynamoDB refuses a write whose index key attribute has the wrong type or is empty. */
  void checkKeyTypes(Item item) {
    checkKeyType(item, keySchema().partitionKey());
    if (keySchema().sortKey() != null) {
      checkKeyType(item, keySchema().sortKey());
    }
  }

  private void checkKeyType(Item item, KeyAttribute attribute) {
    AttributeValue value = item.get(attribute.name());
    if (value == null) {
      return;
    }
    if (value.type() != attribute.type()) {
      throw DynamoDbError.Validation.invalidParameters("Type mismatch for Index Key "
          + attribute.name() + " Expected: " + attribute.type() + " Actual: " + value.type()
          + " IndexName: " + name());
    }
    boolean empty = (value instanceof AttributeValue.S s && s.value().isEmpty())
        || (value instanceof AttributeValue.B b && b.value().length() == 0);
    if (empty) {
      throw new DynamoDbError.Validation("One or more parameter values are not valid. A value"
          + " specified for a secondary index key is not supported. The AttributeValue for a key"
          + " attribute cannot contain an empty " + (value instanceof AttributeValue.S
              ? "string" : "binary") + " value. IndexName: " + name() + ", IndexKey: "
          + attribute.name());
    }
  }
}
