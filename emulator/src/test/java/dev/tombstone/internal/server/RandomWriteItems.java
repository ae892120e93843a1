package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The tables, keys and items of the multi-item write families ({@link RandomTransactions},
 * {@link RandomBatchWrites}): table {@code dwa} keyed by {@code id} (S), table {@code dwb} by
 * {@code p} (S) and {@code r} (N), a small pool of keys so that actions meet the same item, and
 * now and then a key or item DynamoDB refuses. Deterministic per seed.
 */
final class RandomWriteItems {
  static final String TABLE = "dwa";
  static final String TABLE2 = "dwb";
  static final String CREATE_TABLE = "{\"TableName\":\"dwa\",\"KeySchema\":[{\"AttributeName\":"
      + "\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
      + "\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
  static final String CREATE_TABLE2 = "{\"TableName\":\"dwb\",\"KeySchema\":[{\"AttributeName\":"
      + "\"p\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"r\",\"KeyType\":\"RANGE\"}],"
      + "\"AttributeDefinitions\":[{\"AttributeName\":\"p\",\"AttributeType\":\"S\"},"
      + "{\"AttributeName\":\"r\",\"AttributeType\":\"N\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
  private static final String[] IDS = {"k0", "k1", "k2", "k3"};
  private static final String[] PS = {"a", "b"};
  private static final String[] RS = {"1", "2", "3"};
  private final Random random;
  private final RandomRequests requests;

  RandomWriteItems(Random random, RandomRequests requests) {
    this.random = random;
    this.requests = requests;
  }

  /** The start of the keys outside the pool that long batches write. */
  static final String OUTSIDE = "{\"S\":\"z";

  /**
   * Every key of the pool, as DeleteItem bodies, to empty both tables between cases; with
   * {@code outside}, also the keys of {@link #outsideKey}.
   */
  static List<String> deletes(boolean outside) {
    List<String> out = new ArrayList<>();
    for (int i = 0; outside && i < 26; i++) {
      out.add("{\"TableName\":\"dwa\",\"Key\":" + outsideKey(TABLE, i) + "}");
      out.add("{\"TableName\":\"dwb\",\"Key\":" + outsideKey(TABLE2, i) + "}");
    }
    for (String id : IDS) {
      out.add("{\"TableName\":\"dwa\",\"Key\":{\"id\":{\"S\":\"" + id + "\"}}}");
    }
    for (String p : PS) {
      for (String r : RS) {
        out.add("{\"TableName\":\"dwb\",\"Key\":{\"p\":{\"S\":\"" + p + "\"},\"r\":{\"N\":\""
            + r + "\"}}}");
      }
    }
    return out;
  }

  /** PutItem bodies of valid items for some keys of the pool: a case's starting state. */
  List<String> startingItems() {
    List<String> out = new ArrayList<>();
    for (String table : List.of(TABLE, TABLE2)) {
      for (int i = random.nextInt(4); i > 0; i--) {
        out.add("{\"TableName\":\"" + table + "\",\"Item\":" + item(validKey(table), false)
            + "}");
      }
    }
    return out;
  }

  /** The {@code i}th key outside the pool, for long lists without two requests for one key. */
  static String outsideKey(String table, int i) {
    return table.equals(TABLE2) ? "{\"p\":{\"S\":\"z\"},\"r\":{\"N\":\"" + (100 + i) + "\"}}"
        : "{\"id\":{\"S\":\"z" + i + "\"}}";
  }

  /** The table of an action or request: one of the two, now and then one that does not exist. */
  String table() {
    return random.nextInt(40) == 0 ? "nope" : random.nextBoolean() ? TABLE : TABLE2;
  }

  /** The name of the table's partition key. */
  static String partitionKey(String table) {
    return table.equals(TABLE2) ? "p" : "id";
  }

  /** A key of the pool, one time in twenty one that does not fit the table's schema. */
  String key(String table) {
    if (random.nextInt(20) > 0) {
      return validKey(table);
    }
    boolean two = table.equals(TABLE2);
    return switch (random.nextInt(6)) {
      case 0 -> "{}";
      case 1 -> two ? "{\"p\":{\"S\":\"a\"}}" : "{\"id\":{\"S\":\"k0\"},\"r\":{\"N\":\"1\"}}";
      case 2 -> two ? "{\"p\":{\"S\":\"a\"},\"r\":{\"S\":\"1\"}}" : "{\"id\":{\"N\":\"1\"}}";
      case 3 -> two ? "{\"p\":{\"S\":\"\"},\"r\":{\"N\":\"1\"}}" : "{\"id\":{\"S\":\"\"}}";
      case 4 -> two ? "{\"p\":{\"S\":\"a\"},\"r\":{\"N\":\"1\"},\"a\":{\"N\":\"1\"}}"
          : "{\"id\":{\"L\":[{\"S\":\"k0\"}]}}";
      default -> two ? "{\"p\":{\"S\":\"b\"},\"r\":{\"N\":\"2.0\"}}" : "{\"id\":{\"S\":\"k1\"}}";
    };
  }

  String validKey(String table) {
    if (table.equals(TABLE2)) {
      return "{\"p\":{\"S\":\"" + requests.pick(PS) + "\"},\"r\":{\"N\":\"" + requests.pick(RS)
          + "\"}}";
    }
    return "{\"id\":{\"S\":\"" + requests.pick(IDS) + "\"}}";
  }

  /**
   * An item with {@code key}'s attributes and some of a, b, m, l, s, n; with {@code anyValue},
   * now and then an invalid value (a number or base64 DynamoDB refuses).
   */
  String item(String key, boolean anyValue) {
    StringBuilder out = new StringBuilder(key.substring(0, key.length() - 1));
    boolean first = key.equals("{}");
    for (String name : List.of("a", "b", "m", "l", "s", "n")) {
      if (random.nextInt(3) > 0) {
        String value = switch (name) {
          case "m" -> "{\"M\":{\"x\":" + value(anyValue) + "}}";
          case "l" -> "{\"L\":[" + value(anyValue) + "]}";
          case "s" -> "{\"S\":\"x\"}";
          case "n" -> "{\"N\":\"" + requests.pick("1", "2", "-3") + "\"}";
          default -> value(anyValue);
        };
        out.append(first ? "" : ",").append('"').append(name).append("\":").append(value);
        first = false;
      }
    }
    return out.append('}').toString();
  }

  /** An item of more than 400 KB with {@code key}. */
  static String oversizeItem(String key) {
    return key.substring(0, key.length() - 1) + (key.equals("{}") ? "" : ",")
        + "\"big\":{\"S\":\"" + "x".repeat(409_700) + "\"}}";
  }

  private String value(boolean anyValue) {
    String value;
    do {
      value = requests.value(0);
    } while (!(anyValue && random.nextInt(10) == 0)
        && (value.contains("@@@") || value.contains("{\"N\":\"x\"}")));
    return value;
  }
}
