package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** BatchWriteItem: puts and deletes across tables; each write is atomic, the batch is not. */
public final class BatchWriteItem {
  private BatchWriteItem() {}

  /** One write of a batch. */
  public sealed interface WriteRequest {
    /** Put a whole item. */
    record Put(Item item) implements WriteRequest {
      public Put {
        Objects.requireNonNull(item, "item");
      }
    }

    /** Delete the item with this key. */
    record Delete(Map<String, AttributeValue> key) implements WriteRequest {
      public Delete {
        key = Map.copyOf(key);
      }
    }
  }

  /** @param requestItems table name to its writes, in request order */
  public record Request(Map<String, List<WriteRequest>> requestItems) {
    public Request {
      Map<String, List<WriteRequest>> copy = new LinkedHashMap<>();
      requestItems.forEach((table, writes) -> copy.put(table, List.copyOf(writes)));
      requestItems = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /** @param consumedCapacity one entry per table, in request order, index writes included */
  public record Result(List<ConsumedCapacity> consumedCapacity) {}

  static Result execute(DynamoDbState state, Request request) {
    // As in PutItem, an oversized item is reported before any table is looked up (dynalite
    // test/batchWriteItem.js, 'should return ValidationException if item is too big with small
    // attribute' and the seven like it, on a missing table).
    for (List<WriteRequest> writes : request.requestItems().values()) {
      for (WriteRequest write : writes) {
        if (write instanceof WriteRequest.Put put) {
          PutItem.checkSize(put.item());
        }
      }
    }
    List<Table> tables = new ArrayList<>();
    for (String name : request.requestItems().keySet()) {
      tables.add(state.activeTable(name));
    }
    List<List<PrimaryKey>> keys = new ArrayList<>();
    int t = 0;
    for (List<WriteRequest> writes : request.requestItems().values()) {
      Table table = tables.get(t++);
      List<PrimaryKey> tableKeys = new ArrayList<>();
      for (WriteRequest write : writes) {
        tableKeys.add(keyOf(table, write));
      }
      keys.add(tableKeys);
    }
    for (List<PrimaryKey> tableKeys : keys) {
      Set<PrimaryKey> seen = new HashSet<>();
      for (PrimaryKey key : tableKeys) {
        if (!seen.add(key)) {
          throw new DynamoDbError.Validation("Provided list of item keys contains duplicates");
        }
      }
    }
    List<ConsumedCapacity> capacity = new ArrayList<>();
    t = 0;
    for (Map.Entry<String, List<WriteRequest>> tableWrites : request.requestItems().entrySet()) {
      List<WriteRequest> writes = tableWrites.getValue();
      Table table = tables.get(t);
      List<PrimaryKey> tableKeys = keys.get(t++);
      WriteCapacity consumed = new WriteCapacity(table, tableWrites.getKey());
      for (int i = 0; i < writes.size(); i++) {
        WriteRequest write = writes.get(i);
        Item newItem = write instanceof WriteRequest.Put put ? put.item() : null;
        Item old =
            newItem == null
                ? table.remove(tableKeys.get(i))
                : table.put(tableKeys.get(i), newItem);
        consumed.add(old, newItem, 1);
      }
      capacity.add(consumed.consumed());
    }
    return new Result(List.copyOf(capacity));
  }

  private static PrimaryKey keyOf(Table table, WriteRequest write) {
    if (write instanceof WriteRequest.Put put) {
      // A put's missing or mistyped key attribute gets the schema message here, not PutItem's.
      if (!table.keySchema().hasKeyTypes(put.item())) {
        throw DynamoDbError.Validation.keyMismatch();
      }
      PrimaryKey key = table.keySchema().keyOfItem(put.item());
      table.checkIndexKeys(put.item());
      return key;
    }
    return table.keySchema().keyOfSingleItem(((WriteRequest.Delete) write).key());
  }
}
