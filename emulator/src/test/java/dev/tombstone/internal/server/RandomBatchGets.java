package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random BatchGetItem and TransactGetItems requests for the differential check, on tables
 * {@code diffb} (key {@code pk} S, {@code sk} N) and {@code diffh} (key {@code id} S): keys of
 * items that exist and do not, duplicates, keys that do not fit the schema, projections, legacy
 * AttributesToGet, unknown tables, empty maps and lists, more than 100 keys. Deterministic per seed.
 */
final class RandomBatchGets {
  static final List<String> CREATE_TABLES = List.of(
      "{\"TableName\":\"diffb\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":["
          + "{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\","
          + "\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
          + "\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}]}",
      "{\"TableName\":\"diffh\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":["
          + "{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":["
          + "{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}]}");
  private static final String[] PROJECTIONS = {"a", "pk, a", "m.x, l[0]", "#n", "a, a", "nope",
      "id, b", "m, m.x", "sk"};

  private final Random random;
  private final RandomRequests requests;
  private final RandomConditions conditions;

  RandomBatchGets(long seed) {
    this.random = new Random(seed);
    this.requests = new RandomRequests(random);
    this.conditions = new RandomConditions(random, requests);
  }

  /** DeleteItem bodies for every key {@link #items()} may write. */
  static List<String> deletes() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      keys.add("{\"TableName\":\"diffb\",\"Key\":" + compositeKey("x", i) + "}");
      keys.add("{\"TableName\":\"diffh\",\"Key\":" + hashKey(i) + "}");
    }
    return keys;
  }

  /** PutItem bodies for some of the keys, with random attributes. */
  List<String> items() {
    List<String> puts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      for (String table : List.of("diffb", "diffh")) {
        if (random.nextInt(3) > 0) {
          String key = table.equals("diffb") ? compositeKey("x", i) : hashKey(i);
          StringBuilder item = new StringBuilder(key.substring(0, key.length() - 1));
          optional(item, "a", conditions.validValue());
          optional(item, "b", "{\"N\":\"" + requests.pick("1", "2.5") + "\"}");
          optional(item, "m", "{\"M\":{\"x\":" + conditions.validValue() + "}}");
          optional(item, "l", "{\"L\":[" + conditions.validValue() + "]}");
          puts.add("{\"TableName\":\"" + table + "\",\"Item\":" + item.append('}') + "}");
        }
      }
    }
    return puts;
  }

  /** A BatchGetItem body. */
  String batchGetItem() {
    if (random.nextInt(40) == 0) {
      return "{\"RequestItems\":{}}";
    }
    List<String> tables = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    List<String> names = new ArrayList<>(List.of("diffb", "diffh"));
    for (int i = 0; i < count; i++) {
      String table = random.nextInt(20) == 0 ? "nope" : names.remove(random.nextInt(names.size()));
      int keys = random.nextInt(30) == 0 ? (random.nextBoolean() ? 0 : 101)
          : random.nextInt(50) == 0 ? 60 : 1 + random.nextInt(4);
      StringBuilder entry = new StringBuilder("\"" + table + "\":{\"Keys\":[");
      List<String> listed = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        String key = keys > 5 ? manyKey(table, k) : key(table);
        if (listed.contains(key) && random.nextInt(4) > 0) {
          continue;
        }
        listed.add(key);
      }
      entry.append(String.join(",", listed)).append(']');
      projection(entry, "AttributesToGet");
      if (random.nextInt(4) == 0) {
        entry.append(",\"ConsistentRead\":").append(random.nextBoolean());
      }
      tables.add(entry.append('}').toString());
      if (names.isEmpty()) {
        break;
      }
    }
    return "{\"RequestItems\":{" + String.join(",", tables) + "}"
        + (random.nextInt(8) == 0 ? ",\"ReturnConsumedCapacity\":\"NONE\"" : "") + "}";
  }

  /** A TransactGetItems body. */
  String transactGetItems() {
    int count = random.nextInt(30) == 0 ? (random.nextBoolean() ? 0 : 101) : 1 + random.nextInt(4);
    List<String> gets = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String table = random.nextInt(20) == 0 ? "nope" : requests.pick("diffb", "diffh");
      String key = count > 5 ? manyKey(table, i) : key(table);
      if (listed.contains(table + key) && random.nextInt(4) > 0) {
        continue;
      }
      listed.add(table + key);
      StringBuilder get = new StringBuilder("{\"Get\":{\"TableName\":\"" + table + "\",\"Key\":"
          + key);
      projection(get, null);
      gets.add(get.append("}}").toString());
    }
    return "{\"TransactItems\":[" + String.join(",", gets) + "]}";
  }

  /** A ProjectionExpression (with names), now and then the legacy parameter or both. */
  private void projection(StringBuilder out, String legacy) {
    int kind = random.nextInt(6);
    if (kind < 2) {
      String projection = requests.pick(PROJECTIONS);
      out.append(",\"ProjectionExpression\":\"").append(projection).append('"');
      if (projection.contains("#n") || random.nextInt(10) == 0) {
        out.append(",\"ExpressionAttributeNames\":{\"#n\":\"").append(requests.pick("a", "b"))
            .append("\"}");
      }
    } else if (kind == 2 && legacy != null) {
      out.append(",\"").append(legacy).append("\":")
          .append(requests.pick("[\"a\"]", "[\"a\",\"pk\"]", "[\"a\",\"a\"]", "[]"));
    } else if (kind == 3 && random.nextInt(4) == 0) {
      out.append(",\"ExpressionAttributeNames\":{\"#n\":\"a\"}");
    }
  }

  /** A key for the table: of an item that may exist, or now and then one that does not fit. */
  private String key(String table) {
    int i = random.nextInt(6);
    return switch (random.nextInt(14)) {
      case 0 -> "{}";
      case 1 -> "{\"pk\":{\"S\":\"x\"}}";
      case 2 -> "{\"id\":{\"N\":\"1\"}}";
      case 3 -> compositeKey("x", i).replace("}}}", "}},\"extra\":{\"S\":\"e\"}}");
      case 4 -> "{\"pk\":{\"S\":\"x\"},\"sk\":{\"S\":\"1\"}}";
      case 5 -> "{\"id\":{\"S\":\"\"}}";
      default -> table.equals("diffh") ? hashKey(i) : compositeKey("x", i);
    };
  }

  private static String manyKey(String table, int i) {
    return table.equals("diffh") ? hashKey(i) : compositeKey("z", i);
  }

  private static String compositeKey(String pk, int sk) {
    return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"}}";
  }

  private static String hashKey(int i) {
    return "{\"id\":{\"S\":\"i" + i + "\"}}";
  }

  private void optional(StringBuilder item, String name, String value) {
    if (random.nextInt(3) > 0) {
      item.append(",\"").append(name).append("\":").append(value);
    }
  }
}
