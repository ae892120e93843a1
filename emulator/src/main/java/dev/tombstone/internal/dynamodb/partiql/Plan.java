package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.Scan;
import dev.tombstone.dynamodb.UpdateItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What a statement does, as a request of the store's item operations. */
public sealed interface Plan {

  /** The table the statement reads or writes. */
  String tableName();

  record Delete(DeleteItem.Request request) implements Plan {
    @Override
    public String tableName() {
      return request.tableName();
    }
  }

  /** A PutItem that fails its condition when the key exists: DuplicateItem. */
  record Insert(PutItem.Request request) implements Plan {
    @Override
    public String tableName() {
      return request.tableName();
    }
  }

  record Update(UpdateItem.Request request) implements Plan {
    @Override
    public String tableName() {
      return request.tableName();
    }
  }

  /**
   * A SELECT of one item by its whole key: {@code filter} (null for none) hides it, judging the
   * whole item, and {@code projection} (null for all attributes) then picks what is returned.
   */
  record Get(GetItem.Request request, ItemCondition filter, UnaryOperator<Item> projection)
      implements Plan {

    /** What the statement answers when the read found {@code item}. */
    public Optional<Item> answer(Optional<Item> item) {
      return item.filter(i -> filter == null || filter.matches(i))
          .map(i -> projection == null ? i : projection.apply(i));
    }

    @Override
    public String tableName() {
      return request.tableName();
    }
  }

  /** A SELECT with the partition key's equality. */
  record QueryPlan(Query.Request request) implements Plan {
    @Override
    public String tableName() {
      return request.tableName();
    }
  }

  /**
   * A SELECT with ORDER BY over several partitions: the Queries run in turn, {@code limit}
   * (null for none) counting the items all of them read, until one stops early.
   */
  record Queries(String tableName, List<Query.Request> requests, Integer limit)
      implements Plan {
    public Queries {
      requests = List.copyOf(requests);
    }
  }

  /** Any other SELECT. */
  record ScanPlan(Scan.Request request) implements Plan {
    @Override
    public String tableName() {
      return request.tableName();
    }
  }

  /**
   * EXISTS(SELECT ...) of a write transaction: a ConditionCheck that holds when the item with
   * {@code key} exists and meets the SELECT's other terms.
   */
  record Check(String tableName, Map<String, AttributeValue> key, ItemCondition condition,
      ReturnValues onConditionFailure) implements Plan {
    public Check {
      key = Map.copyOf(key);
    }
  }
}
