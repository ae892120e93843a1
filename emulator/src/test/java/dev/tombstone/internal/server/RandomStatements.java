package dev.tombstone.internal.server;

import dev.tombstone.internal.server.StatementText.Statement;
import dev.tombstone.internal.server.StatementText.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random PartiQL requests for the differential check, on table {@code diffp} (key {@code pk} S,
 * {@code sk} N): DELETE with and without conditions beyond the key and RETURNING, UPDATE with SET
 * and REMOVE (soft deletes), INSERT of new and existing keys, SELECT with key and non-key terms,
 * values as literals or {@code ?} with Parameters, syntax errors, and BatchExecuteStatement with
 * mixes of reads and writes, duplicates and more than 25 statements. Deterministic per seed.
 */
final class RandomStatements {
  static final String CREATE_TABLE = "{\"TableName\":\"diffp\",\"BillingMode\":\"PAY_PER_REQUEST\","
      + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\","
      + "\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
      + "\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}]}";
  /** Every Scan that reads the table back, as one page set. */
  static final String SCAN = "{\"TableName\":\"diffp\"}";
  private static final String[] PATHS = {"a", "b", "c", "s", "m.x", "l[0]", "missing"};

  private static final Value[] VALUES = {
      new Value("'x'", "{\"S\":\"x\"}"), new Value("'y'", "{\"S\":\"y\"}"),
      new Value("''", "{\"S\":\"\"}"), new Value("1", "{\"N\":\"1\"}"),
      new Value("2", "{\"N\":\"2\"}"), new Value("1.50", "{\"N\":\"1.50\"}"),
      new Value("true", "{\"BOOL\":true}"), new Value("null", "{\"NULL\":true}"),
      new Value("<<'x','y'>>", "{\"SS\":[\"x\",\"y\"]}"),
      new Value("<<1,2>>", "{\"NS\":[\"1\",\"2\"]}"),
      new Value("{'x':1}", "{\"M\":{\"x\":{\"N\":\"1\"}}}"),
      new Value("[1,'x']", "{\"L\":[{\"N\":\"1\"},{\"S\":\"x\"}]}")};

  private final Random random;
  private final RandomRequests requests;
  private final RandomConditions conditions;

  RandomStatements(long seed) {
    this.random = new Random(seed);
    this.requests = new RandomRequests(random);
    this.conditions = new RandomConditions(random, requests);
  }

  /** The DeleteItem bodies for every key a statement may write. */
  static List<String> allKeys() {
    List<String> keys = new ArrayList<>();
    for (String pk : List.of("x", "y")) {
      for (int sk = 1; sk <= 15; sk++) {
        keys.add("{\"TableName\":\"diffp\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\""
            + sk + "\"}}}");
      }
    }
    return keys;
  }

  /** PutItem bodies for a few of the keys, with random attributes. */
  List<String> items() {
    List<String> puts = new ArrayList<>();
    for (String pk : List.of("x", "y")) {
      for (int sk = 1; sk <= StatementText.SORTS; sk++) {
        if (random.nextInt(3) == 0) {
          continue;
        }
        StringBuilder item = new StringBuilder("{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk
            + "\"}");
        optional(item, "a", conditions.validValue());
        optional(item, "b", "{\"N\":\"" + requests.pick("1", "2", "3", "-1") + "\"}");
        optional(item, "c", "{\"S\":\"" + requests.pick("x", "xy", "y") + "\"}");
        optional(item, "s", requests.pick("{\"SS\":[\"x\"]}", "{\"SS\":[\"x\",\"y\"]}"));
        optional(item, "m", "{\"M\":{\"x\":" + conditions.validValue() + "}}");
        optional(item, "l", "{\"L\":[" + conditions.validValue() + "]}");
        puts.add("{\"TableName\":\"diffp\",\"Item\":" + item.append('}') + "}");
      }
    }
    return puts;
  }

  /** An ExecuteStatement body. */
  String executeStatement() {
    Statement statement = statement(random.nextInt(4) == 0, true);
    return "{" + statement.members() + (random.nextInt(10) == 0
        ? ",\"ReturnValuesOnConditionCheckFailure\":\"" + requests.pick("ALL_OLD", "NONE") + "\""
        : "") + "}";
  }

  /** A BatchExecuteStatement body: reads, writes, now and then both, or more than 25. */
  String batchExecuteStatement() {
    int count = random.nextInt(30) == 0 ? 26 : 1 + random.nextInt(random.nextInt(6) == 0 ? 25 : 5);
    int kind = random.nextInt(10);
    List<String> used = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Statement statement = switch (kind) {
        case 0, 1, 2, 3 -> select(random.nextInt(8) != 0, random.nextInt(4) == 0);
        case 4, 5, 6, 7, 8 -> write(random.nextInt(4) == 0);
        default -> statement(random.nextInt(4) == 0, false);
      };
      // Mostly distinct items; two statements on one item now and then.
      if (statement.key() != null && used.contains(statement.key()) && random.nextInt(6) > 0) {
        statement = statement.withKey(freshKey(used));
      }
      used.add(statement.key());
      entries.add("{" + statement.members() + (random.nextInt(12) == 0
          ? ",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"" : "") + "}");
    }
    return "{\"Statements\":[" + String.join(",", entries) + "]}";
  }

  private Statement statement(boolean parameters, boolean anySelect) {
    return random.nextInt(3) == 0 ? select(!anySelect || random.nextBoolean(), parameters)
        : write(parameters);
  }

  private Statement write(boolean parameters) {
    return switch (random.nextInt(3)) {
      case 0 -> delete(parameters);
      case 1 -> update(parameters);
      default -> insert(parameters);
    };
  }

  private Statement delete(boolean parameters) {
    StatementText out = new StatementText(random, requests, parameters);
    out.text("DELETE FROM ").table().text(" WHERE ").key();
    condition(out);
    if (random.nextInt(3) == 0) {
      out.text(requests.pick(" RETURNING ALL OLD *", " RETURNING ALL OLD *", " RETURNING ALL NEW *",
          " RETURNING ALL OLD"));
    }
    return out.build();
  }

  private Statement update(boolean parameters) {
    StatementText out = new StatementText(random, requests, parameters);
    out.text("UPDATE ").table();
    int sets = random.nextInt(3);
    for (int i = 0; i < sets; i++) {
      out.text(" SET ");
      switch (random.nextInt(6)) {
        case 0 -> out.text("b = b + ").value(new Value("1", "{\"N\":\"1\"}"));
        case 1 -> out.text("s = set_add(s, <<'z'>>)");
        case 2 -> out.text("s = set_delete(s, <<'x'>>)");
        case 3 -> out.text("deleted = true");
        default -> out.text(requests.pick("a", "m.x", "l[0]", "c", "n")).text(" = ").value(value());
      }
    }
    if (sets == 0 || random.nextBoolean()) {
      out.text(" REMOVE ").text(requests.pick("a", "c", "m.x", "l[0]", "missing", "s", "pk"));
    }
    out.text(" WHERE ").key();
    condition(out);
    if (random.nextInt(3) == 0) {
      out.text(" RETURNING " + requests.pick("ALL", "MODIFIED") + " " + requests.pick("OLD", "NEW")
          + " *");
    }
    return out.build();
  }

  private Statement insert(boolean parameters) {
    StatementText out = new StatementText(random, requests, parameters);
    out.text("INSERT INTO ").table().text(" VALUE {");
    int keyShape = random.nextInt(12);
    out.keyNamed("'pk':", keyShape == 0 ? null : pk(), "'sk':", keyShape == 1 ? null : sk());
    if (random.nextBoolean()) {
      out.text(",'a':").value(value());
    }
    if (random.nextInt(3) == 0) {
      out.text(",'b':").value(VALUES[3 + random.nextInt(3)]);
    }
    out.text("}");
    return out.build();
  }

  private Statement select(boolean wholeKey, boolean parameters) {
    StatementText out = new StatementText(random, requests, parameters);
    out.text("SELECT ").text(requests.pick("*", "*", "a, b", "pk, m.x", "l[0], c")).text(" FROM ")
        .table();
    if (wholeKey) {
      out.text(" WHERE ").key();
      if (random.nextInt(4) == 0) {
        condition(out);
      }
    } else {
      switch (random.nextInt(4)) {
        case 0 -> { }
        case 1 -> {
          String pk = pk();
          out.text(" WHERE pk = ").value(new Value("'" + pk + "'", "{\"S\":\"" + pk + "\"}"))
              .text(requests.pick("", " AND sk > 1", " AND sk BETWEEN 1 AND 3"));
        }
        default -> {
          out.text(" WHERE ");
          term(out);
        }
      }
      if (random.nextInt(3) == 0) {
        condition(out);
      }
    }
    return out.build();
  }

  /** Now and then, terms beyond the key. */
  private void condition(StatementText out) {
    if (random.nextInt(3) == 0) {
      return;
    }
    out.text(" AND ");
    if (random.nextInt(4) == 0) {
      out.text("(");
      term(out);
      out.text(requests.pick(" OR ", " AND "));
      term(out);
      out.text(")");
    } else {
      term(out);
    }
  }

  private void term(StatementText out) {
    String path = requests.pick(PATHS);
    switch (random.nextInt(11)) {
      case 0 -> out.text(path).text(requests.pick(" = ", " <> ", " < ", " >= ")).value(value());
      case 1 -> out.text(path).text(" IS ").text(requests.pick("MISSING", "NOT MISSING", "NULL",
          "NOT NULL", "BOOLEAN", "STRING"));
      case 2 -> out.text(requests.pick("attribute_exists(", "attribute_not_exists(")).text(path)
          .text(")");
      case 3 -> out.text("begins_with(").text(path).text(", ").value(value()).text(")");
      case 4 -> out.text("contains(").text(path).text(", ").value(value()).text(")");
      case 5 -> out.text("size(").text(path).text(") ").text(requests.pick("=", ">")).text(" ")
          .value(VALUES[3]);
      case 6 -> out.text(path).text(" BETWEEN ").value(value()).text(" AND ").value(value());
      case 7 -> out.text(path).text(" IN [").value(value()).text(", ").value(value()).text("]");
      case 8 -> out.text("NOT ").text(path).text(" = ").value(value());
      case 9 -> out.text("attribute_type(").text(path).text(", ").value(
          new Value("'" + requests.pick("S", "N", "SS", "M", "L") + "'", null)).text(")");
      default -> out.text("b ").text(requests.pick("=", ">", "<=")).text(" ")
          .value(VALUES[3 + random.nextInt(3)]);
    }
  }

  private Value value() {
    if (random.nextInt(40) == 0) {
      return new Value("1", "{\"N\":\"x\"}");
    }
    return VALUES[random.nextInt(VALUES.length)];
  }

  private String pk() {
    return StatementText.pk(requests);
  }

  private String sk() {
    return StatementText.sk(random);
  }

  private void optional(StringBuilder item, String name, String value) {
    if (random.nextInt(3) > 0) {
      item.append(",\"").append(name).append("\":").append(value);
    }
  }

  private String freshKey(List<String> used) {
    for (int tries = 0; ; tries++) {
      String key = pk() + ":" + (1 + random.nextInt(15));
      if (!used.contains(key) || tries > 50) {
        return key;
      }
    }
  }
}
