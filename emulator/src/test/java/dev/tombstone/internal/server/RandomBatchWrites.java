package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random BatchWriteItem requests for the differential check: mixes of {@code PutRequest} and
 * {@code DeleteRequest} on the keys of {@link RandomWriteItems} in one or both tables, with a
 * share of invalid requests (two requests for one key, more than 25 requests, an empty
 * {@code RequestItems} or list, an unknown or malformed table name, a request with no or two
 * kinds, keys and items that do not fit the schema, invalid values, items over 400 KB).
 * Deterministic per seed.
 */
final class RandomBatchWrites {
  private final Random random;
  private final RandomRequests requests;
  private final RandomWriteItems items;

  RandomBatchWrites(long seed) {
    this.random = new Random(seed);
    this.requests = new RandomRequests(random);
    this.items = new RandomWriteItems(random, requests);
  }

  RandomWriteItems items() {
    return items;
  }

  /** A BatchWriteItem body. */
  String batchWriteItem() {
    if (random.nextInt(60) == 0) {
      return "{\"RequestItems\":{}}";
    }
    List<String> tables = new ArrayList<>();
    List<String> names = random.nextInt(3) == 0
        ? List.of(RandomWriteItems.TABLE, RandomWriteItems.TABLE2)
        : List.of(items.table());
    for (String table : names) {
      String name = random.nextInt(80) == 0 ? "x!" : table;
      int count = switch (random.nextInt(50)) {
        case 0 -> 0;
        case 1 -> 26;
        case 2 -> 14;
        default -> 1 + random.nextInt(random.nextInt(4) == 0 ? 8 : 3);
      };
      List<String> writes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        writes.add(count > 8 ? distinctPut(table, i) : write(table));
      }
      tables.add("\"" + name + "\":[" + String.join(",", writes) + "]");
    }
    StringBuilder out = new StringBuilder("{\"RequestItems\":{")
        .append(String.join(",", tables)).append('}');
    if (random.nextInt(10) == 0) {
      out.append(",\"ReturnConsumedCapacity\":\"").append(requests.pick("TOTAL", "NONE"))
          .append('"');
    }
    return out.append('}').toString();
  }

  /** A put of a key outside the pool, {@code i} apart: for long lists without duplicates. */
  private static String distinctPut(String table, int i) {
    return "{\"PutRequest\":{\"Item\":" + RandomWriteItems.outsideKey(table, i) + "}}";
  }

  private String write(String table) {
    int kind = random.nextInt(60);
    if (kind == 0) {
      return "{}";
    }
    if (kind == 1) {
      return "{\"PutRequest\":{\"Item\":" + items.validKey(table) + "},\"DeleteRequest\":"
          + "{\"Key\":" + items.validKey(table) + "}}";
    }
    if (kind == 2) {
      return requests.pick("{\"PutRequest\":{}}", "{\"DeleteRequest\":{}}");
    }
    String key = items.key(table);
    if (random.nextBoolean()) {
      return "{\"DeleteRequest\":{\"Key\":" + key + "}}";
    }
    String item = random.nextInt(60) == 0 ? RandomWriteItems.oversizeItem(key)
        : items.item(key, true);
    return "{\"PutRequest\":{\"Item\":" + item + "}}";
  }
}
