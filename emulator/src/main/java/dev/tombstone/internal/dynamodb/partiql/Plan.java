package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.Scan;
import dev.tombstone.dynamodb.UpdateItem;

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

  /** A SELECT of one item by its whole key; {@code filter} (null for none) hides it. */
  record Get(GetItem.Request request, ItemCondition filter) implements Plan {
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

  /** Any other SELECT. */
  record ScanPlan(Scan.Request request) implements Plan {
    @Override
    public String tableName() {
      return request.tableName();
    }
  }
}
