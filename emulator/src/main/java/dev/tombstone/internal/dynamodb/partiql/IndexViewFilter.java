package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The WHERE clause of a SELECT that scans a secondary index (no partition key equality), applied
 * to the index's view of each item: an attribute the index does not project is missing, so
 * {@code nonproj = 'x'} matches nothing and {@code NOT nonproj = 'x'} everything, on a global
 * index (no refusal, unlike a keyed read of it) and on a local one (no fetch from the table), as
 * DynamoDB answers in floci's DynamoDbPartiQLEdgeCaseIntegrationTest (captured 2026-09-17). It
 * names no attributes, so the Scan neither refuses nor fetches any.
 *
 * @param condition the compiled WHERE clause
 * @param table the table's key schema, whose attributes every index projects
 * @param index the index read
 */
record IndexViewFilter(ItemCondition condition, KeySchema table,
    TableDefinition.IndexDefinition index) implements ItemCondition {

  /** {@code condition} on the view of {@code index}; null stays null. */
  static ItemCondition of(ItemCondition condition, KeySchema table,
      TableDefinition.IndexDefinition index) {
    return condition == null ? null : new IndexViewFilter(condition, table, index);
  }

  @Override
  public boolean matches(Item item) {
    if (item == null || "ALL".equals(index.projectionType())) {
      return condition.matches(item);
    }
    Map<String, AttributeValue> view = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> attribute : item.attributes().entrySet()) {
      String name = attribute.getKey();
      if (table.isKeyAttribute(name) || index.keySchema().isKeyAttribute(name)
          || index.nonKeyAttributes().contains(name)) {
        view.put(name, attribute.getValue());
      }
    }
    return condition.matches(Item.of(view));
  }

  @Override
  public Set<String> attributeNames() {
    return Set.of();
  }
}
