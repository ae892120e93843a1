package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random Query and Scan requests for the differential check, on table {@code diffq} (key
 * {@code p}, {@code s}) with a global index {@code gsi} ({@code gp}, {@code gs}, INCLUDE {@code a})
 * and a local index {@code lsi} ({@code ls}, KEYS_ONLY): key conditions of every operator, filters,
 * projections, Limit, Select, start keys, segments, the legacy parameters and their mixes with
 * expressions, with a share of invalid input. Deterministic per seed.
 */
final class RandomQueries {
  static final String CREATE_TABLE = "{\"TableName\":\"diffq\",\"BillingMode\":\"PAY_PER_REQUEST\","
      + "\"KeySchema\":[" + key("p", "HASH") + "," + key("s", "RANGE") + "],"
      + "\"AttributeDefinitions\":[" + type("p", "S") + "," + type("s", "S") + ","
      + type("gp", "S") + "," + type("gs", "N") + "," + type("ls", "N") + "],"
      + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gsi\",\"KeySchema\":[" + key("gp", "HASH")
      + "," + key("gs", "RANGE") + "],\"Projection\":{\"ProjectionType\":\"INCLUDE\","
      + "\"NonKeyAttributes\":[\"a\"]}}],"
      + "\"LocalSecondaryIndexes\":[{\"IndexName\":\"lsi\",\"KeySchema\":[" + key("p", "HASH")
      + "," + key("ls", "RANGE") + "],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}]}";
  private static final Target TABLE = new Target(null, "p", "s", "S");
  private static final Target GLOBAL = new Target("gsi", "gp", "gs", "N");
  private static final Target LOCAL = new Target("lsi", "p", "ls", "N");
  private static final List<String> SORTS =
      List.of("a", "ab", "abc", "b", "ba", "c", "1", "10", "2", "B");
  private static final List<String> NUMBERS =
      List.of("-1", "0", "1.5", "2", "10", "11", "100", "3", "7", "-20");
  private static final String[] PROJECTIONS = {"a", "p, a", "a, m.x", "#n", "l[0], b", "gs, a",
      "a, a", "m, m.x", "nope", "s, ls", "#pk, b"};

  /** One request; ALL_PAGES compares every page of every body as a set, IN_ORDER one page. */
  record Step(String operation, List<String> bodies, boolean allPages, boolean followable) {}

  /** A table or index queried: its name, partition and sort key, and the sort key's type. */
  private record Target(String index, String partition, String sort, String sortType) {}

  private final Random random;
  private final RandomRequests requests;
  private final RandomConditions conditions;
  private final List<String> keys = new ArrayList<>();
  private final List<String> partitions = new ArrayList<>();
  private final List<String> indexPartitions = new ArrayList<>();
  private boolean onePartition;

  RandomQueries(long seed) {
    this.random = new Random(seed);
    this.requests = new RandomRequests(random);
    this.conditions = new RandomConditions(random, requests);
  }

  /** The DeleteItem bodies that remove the items {@link #items()} wrote last. */
  List<String> deletes() {
    return List.copyOf(keys);
  }

  /** PutItem bodies of a new set of items: by turns in one partition and in several. */
  List<String> items() {
    keys.clear();
    partitions.clear();
    indexPartitions.clear();
    onePartition = !onePartition;
    List<String> sorts = shuffled(SORTS);
    List<String> globals = shuffled(NUMBERS);
    List<String> locals = shuffled(NUMBERS);
    List<String> puts = new ArrayList<>();
    for (int i = 0, count = 3 + random.nextInt(6); i < count; i++) {
      String p = onePartition ? "x" : requests.pick("x", "y", "z");
      String key = "\"p\":{\"S\":\"" + p + "\"},\"s\":{\"S\":\"" + sorts.get(i) + "\"}";
      keys.add("{\"TableName\":\"diffq\",\"Key\":{" + key + "}}");
      add(partitions, p);
      StringBuilder item = new StringBuilder("{").append(key);
      if (random.nextInt(5) > 0) {
        String gp = onePartition ? "g1" : requests.pick("g1", "g2");
        item.append(",\"gp\":{\"S\":\"").append(gp).append("\"}");
        if (random.nextInt(5) > 0) {
          item.append(",\"gs\":{\"N\":\"").append(globals.get(i)).append("\"}");
          add(indexPartitions, gp);
        }
      }
      if (random.nextInt(10) > 2) {
        item.append(",\"ls\":{\"N\":\"").append(locals.get(i)).append("\"}");
      }
      optional(item, 4, "a", conditions.validValue());
      optional(item, 4, "b", "{\"N\":\"" + requests.pick("1", "2", "-3", "2.5") + "\"}");
      optional(item, 2, "n", "{\"S\":\"" + requests.pick("x", "y") + "\"}");
      optional(item, 2, "m", "{\"M\":{\"x\":" + conditions.validValue() + "}}");
      optional(item, 3, "l", "{\"L\":[" + conditions.validValue() + "]}");
      puts.add("{\"TableName\":\"diffq\",\"Item\":" + item.append('}') + "}");
    }
    return puts;
  }

  /** The next request: a Query two times in three, else a Scan. */
  Step next() {
    return random.nextInt(3) < 2 ? query() : scan();
  }

  private Step query() {
    Target target = target();
    Request request = new Request(target);
    String partition = partitionValue(target);
    if (random.nextInt(5) == 0) {
      request.legacyKeyConditions(conditions.keyConditions(target.partition(), partition,
          target.sort(), target.sortType()));
      if (random.nextInt(3) == 0) {
        request.legacyFilter("QueryFilter", conditions.legacyFilter());
      }
      if (random.nextInt(4) == 0) {
        request.attributesToGet(conditions.attributesToGet());
      }
      if (random.nextInt(6) == 0) {
        mixExpression(request);
      }
    } else {
      request.expression("KeyConditionExpression", conditions.keyCondition(request.values,
          target.partition(), partition, target.sort(), target.sortType()));
      commonExpressions(request);
      if (random.nextInt(15) == 0) {
        request.legacyKeyConditions(requests.pick(
            conditions.keyConditions(target.partition(), partition, target.sort(),
                target.sortType()), ""));
        request.legacyFilter("QueryFilter", conditions.legacyFilter());
      }
    }
    if (random.nextInt(3) == 0) {
      request.member("ScanIndexForward", String.valueOf(random.nextBoolean()));
    }
    commonMembers(request);
    boolean malformed = random.nextInt(8) == 0;
    if (malformed) {
      request.member("ExclusiveStartKey", startKey(target, partition, 7));
    }
    return new Step("Query", List.of(request.body()), false, !malformed);
  }

  private Step scan() {
    Target target = target();
    Request request = new Request(target);
    if (random.nextInt(6) == 0) {
      request.legacyFilter("ScanFilter", conditions.legacyFilter());
      if (random.nextInt(3) == 0) {
        request.attributesToGet(conditions.attributesToGet());
      }
      if (random.nextInt(6) == 0) {
        mixExpression(request);
      }
    } else {
      commonExpressions(request);
    }
    commonMembers(request);
    if (random.nextInt(12) == 0) {
      request.member("ExclusiveStartKey", startKey(target, "\"x\"", 5));
      return new Step("Scan", List.of(request.body()), false, false);
    }
    int kind = random.nextInt(12);
    if (kind < 3) {
      int total = 1 + random.nextInt(4);
      String body = request.body();
      List<String> bodies = new ArrayList<>();
      for (int segment = 0; segment < total; segment++) {
        bodies.add(body.replaceFirst("}$",
            ",\"Segment\":" + segment + ",\"TotalSegments\":" + total + "}"));
      }
      return new Step("Scan", bodies, true, false);
    }
    if (kind == 3) {
      if (random.nextBoolean()) {
        request.member(requests.pick("Segment", "TotalSegments"), requests.pick("0", "1", "-1"));
      } else {
        request.member("TotalSegments", requests.pick("0", "1", "2", "1000001"));
        request.member("Segment", requests.pick("2", "3", "1000000", "-1"));
      }
      return new Step("Scan", List.of(request.body()), false, false);
    }
    // One partition is scanned in key order on both sides; several in each side's hash order.
    boolean inOrder = (target == GLOBAL ? indexPartitions : partitions).size() <= 1;
    return new Step("Scan", List.of(request.body()), !inOrder, inOrder);
  }

  private void commonExpressions(Request request) {
    if (random.nextInt(3) == 0) {
      request.expression("FilterExpression", conditions.filter(request.values));
    }
    if (random.nextInt(4) == 0) {
      request.expression("ProjectionExpression", requests.pick(PROJECTIONS));
    }
  }

  private void mixExpression(Request request) {
    switch (random.nextInt(3)) {
      case 0 -> request.expression("FilterExpression", conditions.filter(request.values));
      case 1 -> request.expression("ProjectionExpression", "a");
      default -> request.expression("KeyConditionExpression",
          "p = " + RandomConditions.ref(request.values, "{\"S\":\"x\"}"));
    }
  }

  private void commonMembers(Request request) {
    if (random.nextBoolean()) {
      request.member("Limit", requests.pick("1", "2", "3", "4", random.nextInt(10) == 0 ? "0" : "2"));
    }
    if (random.nextInt(4) == 0) {
      request.member("Select", "\"" + requests.pick("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES",
          "SPECIFIC_ATTRIBUTES", "COUNT", random.nextInt(10) == 0 ? "ALL" : "COUNT") + "\"");
    }
    if (random.nextInt(5) == 0) {
      request.member("ConsistentRead", String.valueOf(random.nextBoolean()));
    }
  }

  private Target target() {
    int kind = random.nextInt(40);
    if (kind == 0) {
      return new Target("nope", "p", "s", "S");
    }
    return kind < 24 ? TABLE : kind < 32 ? GLOBAL : LOCAL;
  }

  private String partitionValue(Target target) {
    int kind = random.nextInt(30);
    if (kind == 0) {
      return "{\"N\":\"1\"}";
    }
    if (kind == 1) {
      return "{\"S\":\"\"}";
    }
    return "{\"S\":\"" + (target == GLOBAL ? requests.pick("g1", "g2", "g3")
        : requests.pick("x", "y", "z", "w")) + "\"}";
  }

  /**
   * A start key the previous answer did not give: malformed (the first five kinds), or of
   * another partition or no item, whose place in a Scan depends on each side's hash order.
   */
  private String startKey(Target target, String partition, int kinds) {
    String p = partition.startsWith("{") ? partition : "{\"S\":" + partition + "}";
    String table = "\"p\":" + (target.partition().equals("p") ? p : "{\"S\":\"x\"}")
        + ",\"s\":{\"S\":\"" + requests.pick("ab", "zz") + "\"}";
    String index = target == GLOBAL ? ",\"gp\":" + p + ",\"gs\":{\"N\":\"2\"}"
        : target == LOCAL ? ",\"ls\":{\"N\":\"2\"}" : "";
    return switch (random.nextInt(kinds)) {
      case 0 -> "{}";
      case 1 -> "{\"" + target.partition() + "\":" + p + "}";
      case 2 -> "{" + table + "}";
      case 3 -> "{" + table + index + ",\"a\":{\"S\":\"x\"}}";
      case 4 -> "{" + table.replace("\"s\":{\"S\"", "\"s\":{\"N\"").replace("ab", "1")
          .replace("zz", "2") + index + "}";
      case 5 -> "{" + table.replace(p, "{\"S\":\"y\"}") + index.replace(p, "{\"S\":\"g2\"}") + "}";
      default -> "{" + table + index + "}";
    };
  }

  private void optional(StringBuilder item, int odds, String name, String value) {
    if (random.nextInt(odds) > 0) {
      item.append(",\"").append(name).append("\":").append(value);
    }
  }

  private List<String> shuffled(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.shuffle(copy, random);
    return copy;
  }

  private static void add(List<String> values, String value) {
    if (!values.contains(value)) {
      values.add(value);
    }
  }

  private static String key(String name, String type) {
    return "{\"AttributeName\":\"" + name + "\",\"KeyType\":\"" + type + "\"}";
  }

  private static String type(String name, String type) {
    return "{\"AttributeName\":\"" + name + "\",\"AttributeType\":\"" + type + "\"}";
  }

  /** A request body being built: its members, expressions, names and values. */
  private final class Request {
    private final StringBuilder body = new StringBuilder("{\"TableName\":\"diffq\"");
    private final Target target;
    private final StringBuilder expressions = new StringBuilder();
    final List<String> values = new ArrayList<>();

    Request(Target target) {
      this.target = target;
      if (target.index() != null) {
        member("IndexName", "\"" + target.index() + "\"");
      }
    }

    void member(String name, String json) {
      body.append(",\"").append(name).append("\":").append(json);
    }

    void expression(String name, String text) {
      member(name, "\"" + text + "\"");
      expressions.append(text).append(' ');
    }

    void legacyKeyConditions(String json) {
      if (!json.isEmpty()) {
        member("KeyConditions", json);
      }
    }

    void legacyFilter(String name, String json) {
      member(name, json);
      if (json.contains("\"a\":") && json.contains("\"b\":") && random.nextBoolean()) {
        member("ConditionalOperator", "\"" + requests.pick("AND", "OR", "XOR") + "\"");
      }
    }

    void attributesToGet(String json) {
      member("AttributesToGet", json);
    }

    String body() {
      String names = conditions.names(expressions.toString(), target.partition(),
          target.sort());
      String placeholders = conditions.values(values);
      return body + names + placeholders + "}";
    }
  }
}
