package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ItemCollectionMetrics} of the write operations asked for {@code SIZE}: one per item
 * written to a table with a local secondary index, naming the item's collection by its
 * partition key. Tables without one get none, as on DynamoDB.
 *
 * <p>{@code SizeEstimateRangeGB} is always {@code [0.0, 1.0]}: DynamoDB documents the estimate
 * as imprecise, and a collection held in an emulator's memory stays far below 1 GB.
 */
final class ItemCollections {
  static final String SIZE = "SIZE";

  private ItemCollections() {}

  /**
   * The collection key of the item written to {@code tableName} whose attributes (or key)
   * {@code values} gives, or null when that table has no local secondary index.
   */
  static Map<String, AttributeValue> key(DynamoDbState state, String tableName,
      Function<String, AttributeValue> values) {
    TableDefinition definition = withLocalIndex(state, tableName);
    return definition == null ? null : key(definition, values);
  }

  private static Map<String, AttributeValue> key(TableDefinition definition,
      Function<String, AttributeValue> values) {
    String partitionKey = definition.keySchema().partitionKey().name();
    return Map.of(partitionKey, values.apply(partitionKey));
  }

  /** The table's definition if it has a local secondary index, else null. */
  private static TableDefinition withLocalIndex(DynamoDbState state, String tableName) {
    TableDefinition definition;
    try {
      definition = state.tableDefinition(tableName);
    } catch (DynamoDbError.ResourceNotFound e) {
      // Deleted between the write and this answer: its collections went with it.
      return null;
    }
    return definition.localSecondaryIndexes().isEmpty() ? null : definition;
  }

  /** Writes the metrics object of the collection with {@code key}. */
  static void write(JsonOut out, Map<String, AttributeValue> key) {
    out.json().writeStartObject();
    out.json().writeFieldName("ItemCollectionKey");
    out.attributes(key);
    out.json().writeArrayFieldStart("SizeEstimateRangeGB");
    out.json().writeNumber("0.0");
    out.json().writeNumber("1.0");
    out.json().writeEndArray();
    out.json().writeEndObject();
  }

  /**
   * The metrics of a multi-item write (BatchWriteItem, TransactWriteItems): per table, under
   * the name the request first gave it (name or ARN), in the order written.
   */
  static final class PerTable {
    private final DynamoDbState state;
    private final Map<String, String> namedAs = new LinkedHashMap<>();
    private final Map<String, List<Map<String, AttributeValue>>> keys = new LinkedHashMap<>();

    PerTable(DynamoDbState state) {
      this.state = state;
    }

    /** Adds the item written to {@code tableName}; {@code values} gives its attributes or key. */
    void add(String tableName, Function<String, AttributeValue> values) {
      TableDefinition definition = withLocalIndex(state, tableName);
      if (definition == null) {
        return;
      }
      namedAs.putIfAbsent(definition.name(), tableName);
      keys.computeIfAbsent(definition.name(), t -> new ArrayList<>())
          .add(key(definition, values));
    }

    /** Writes the {@code ItemCollectionMetrics} member, unless no table written has an LSI. */
    void write(JsonOut out) {
      if (keys.isEmpty()) {
        return;
      }
      out.json().writeObjectFieldStart("ItemCollectionMetrics");
      keys.forEach((table, tableKeys) -> {
        out.json().writeArrayFieldStart(namedAs.get(table));
        for (Map<String, AttributeValue> key : tableKeys) {
          ItemCollections.write(out, key);
        }
        out.json().writeEndArray();
      });
      out.json().writeEndObject();
    }
  }
}
