package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random TransactWriteItems requests for the differential check: {@code Put}, {@code Update},
 * {@code Delete} and {@code ConditionCheck} actions on the keys of {@link RandomWriteItems},
 * with conditions that pass and fail, {@code ReturnValuesOnConditionCheckFailure}, two actions
 * on one item, a {@code ClientRequestToken}, and a share of invalid requests (no actions, more
 * than 100, an unknown table, keys that do not fit the schema, unused or missing placeholders,
 * an action with no or two kinds). Deterministic per seed.
 */
final class RandomTransactions {
  private final Random random;
  private final RandomRequests requests;
  private final RandomUpdates updates;
  private final RandomWriteItems items;

  RandomTransactions(long seed) {
    this.random = new Random(seed);
    this.requests = new RandomRequests(random);
    this.updates = new RandomUpdates(seed * 31 + 7);
    this.items = new RandomWriteItems(random, requests);
  }

  RandomWriteItems items() {
    return items;
  }

  /** A TransactWriteItems body. */
  String transactWriteItems() {
    int count = switch (random.nextInt(60)) {
      case 0 -> 0;
      case 1 -> 101;
      default -> 1 + random.nextInt(random.nextInt(4) == 0 ? 6 : 3);
    };
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      actions.add(count > 100 ? "{\"ConditionCheck\":{\"TableName\":\"dwa\",\"Key\":{\"id\":"
          + "{\"S\":\"m" + i + "\"}},\"ConditionExpression\":\"attribute_exists(a)\"}}" : action());
    }
    StringBuilder out = new StringBuilder("{\"TransactItems\":[")
        .append(String.join(",", actions)).append(']');
    if (random.nextInt(6) == 0) {
      out.append(",\"ClientRequestToken\":\"").append(requests.pick("t1", "t2", "t3"))
          .append('"');
    }
    if (random.nextInt(10) == 0) {
      out.append(",\"ReturnConsumedCapacity\":\"").append(requests.pick("TOTAL", "NONE"))
          .append('"');
    }
    return out.append('}').toString();
  }

  private String action() {
    if (random.nextInt(80) == 0) {
      return random.nextBoolean() ? "{}" : "{\"Delete\":{\"TableName\":\"dwa\",\"Key\":{\"id\":"
          + "{\"S\":\"k0\"}}},\"ConditionCheck\":{\"TableName\":\"dwa\",\"Key\":{\"id\":"
          + "{\"S\":\"k1\"}},\"ConditionExpression\":\"attribute_exists(a)\"}}";
    }
    String kind = requests.pick("Put", "Put", "Update", "Update", "Delete", "ConditionCheck");
    String table = items.table();
    String key = items.key(table);
    StringBuilder out = new StringBuilder("{\"").append(kind).append("\":{\"TableName\":\"")
        .append(table).append('"');
    if (kind.equals("Put")) {
      String item = random.nextInt(100) == 0 ? RandomWriteItems.oversizeItem(key)
          : items.item(key, true);
      out.append(",\"Item\":").append(item);
    } else {
      out.append(",\"Key\":").append(key);
    }
    List<String> values = new ArrayList<>();
    String expressions = "";
    if (kind.equals("Update")) {
      String update = updates.updateExpression(values);
      out.append(",\"UpdateExpression\":\"").append(update).append('"');
      expressions += update;
    }
    boolean condition = kind.equals("ConditionCheck") ? random.nextInt(40) > 0
        : random.nextInt(5) < 2;
    if (condition) {
      String text = random.nextInt(3) == 0
          ? requests.pick("attribute_exists(a)", "attribute_not_exists(" 
              + RandomWriteItems.partitionKey(table) + ")", "attribute_exists(#n)")
          : requests.condition(values, 1);
      out.append(",\"ConditionExpression\":\"").append(text).append('"');
      expressions += text;
      if (random.nextBoolean()) {
        out.append(",\"ReturnValuesOnConditionCheckFailure\":\"")
            .append(random.nextInt(30) == 0 ? "ALL_NEW" : requests.pick("ALL_OLD", "NONE"))
            .append('"');
      }
    }
    String partitionKey = RandomWriteItems.partitionKey(table);
    out.append(RandomPlaceholders.names(random, requests, expressions, partitionKey, 25))
        .append(RandomPlaceholders.values(random, values, 25));
    return out.append("}}").toString();
  }

}
