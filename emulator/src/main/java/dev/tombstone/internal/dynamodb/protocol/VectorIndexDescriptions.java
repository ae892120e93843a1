package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.VectorIndex;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A table's {@code VectorIndexes} in its description ({@code VectorIndexDescription}): ACTIVE
 * at once, as the emulator's global indexes are, with the item count and size of what the index
 * holds now.
 *
 * @param indexes the table's vector indexes, in the order created
 * @param items the table's items, read only when there is an index to count
 */
record VectorIndexDescriptions(List<VectorIndex> indexes, Supplier<List<Item>> items) {
  static final VectorIndexDescriptions NONE = new VectorIndexDescriptions(List.of(), List::of);

  /** The vector indexes {@code attachments} keeps for {@code table}. */
  static VectorIndexDescriptions of(TableAttachments attachments, DynamoDbState state,
      TableDescription table) {
    String name = table.definition().name();
    return new VectorIndexDescriptions(
        List.copyOf(attachments.vectors().all(name, table.tableId()).values()),
        () -> state.items(name));
  }

  /** Adds the search schema attributes' definitions to {@code definitions}. */
  void addDefinitions(Map<String, AttributeType> definitions) {
    for (VectorIndex index : indexes) {
      index.searchSchema().forEach(key -> definitions.putIfAbsent(key.attribute(), key.type()));
    }
  }

  /** Writes the {@code VectorIndexes} member, unless the table has none. */
  void write(JsonWriter json, TableDescription table) throws IOException {
    if (indexes.isEmpty()) {
      return;
    }
    List<Item> all = items.get();
    json.writeArrayFieldStart("VectorIndexes");
    for (VectorIndex index : indexes) {
      long count = 0;
      long size = 0;
      for (Item item : all) {
        if (VectorIndexItems.vector(index, item) != null) {
          count++;
          size += VectorIndexItems.projected(index, table.definition().keySchema(), item)
              .sizeInBytes();
        }
      }
      json.writeStartObject();
      json.writeStringField("IndexName", index.name());
      if (!index.searchSchema().isEmpty()) {
        json.writeArrayFieldStart("SearchSchema");
        for (VectorIndex.SearchKey key : index.searchSchema()) {
          json.writeStartObject();
          json.writeStringField("AttributeName", key.attribute());
          json.writeStringField("SearchSchemaElementType", key.elementType());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      TableDescriptions.projection(json, index.projectionType(), index.nonKeyAttributes());
      json.writeObjectFieldStart("VectorAttribute");
      json.writeStringField("AttributeName", index.vectorAttribute());
      json.writeEndObject();
      json.writeNumberField("Dimensions", (long) index.dimensions());
      json.writeStringField("DistanceFunction", index.distance().name());
      json.writeStringField("IndexStatus", "ACTIVE");
      json.writeNumberField("IndexSizeBytes", size);
      json.writeNumberField("ItemCount", count);
      json.writeStringField("IndexArn", table.arn() + "/index/" + index.name());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
