package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Random DynamoDB requests for the differential check: items of all ten types, condition
 * expressions and legacy {@code Expected}, with a share of invalid input. Deterministic per seed.
 */
final class RandomRequests {
  private static final String[] PATHS = {"a", "b", "m.x", "l[0]", "#n", "missing", "s", "n"};
  private static final String[] COMPARATORS = {"=", "<>", "<", "<=", ">", ">="};
  private static final String[] TYPES = {"S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"};
  private final Random random;

  RandomRequests(long seed) {
    this(new Random(seed));
  }

  RandomRequests(Random random) {
    this.random = random;
  }

  String value(int depth) {
    String type = TYPES[random.nextInt(depth > 1 ? 8 : TYPES.length)];
    return switch (type) {
      case "S" -> "{\"S\":\"" + pick("x", "y", "ab", "") + "\"}";
      case "N" -> "{\"N\":\"" + pick("1", "2", "1.50", "-3", "1e2", "0", "x") + "\"}";
      case "B" -> "{\"B\":\"" + pick(b64("a"), b64("b"), "@@@") + "\"}";
      case "BOOL" -> "{\"BOOL\":" + random.nextBoolean() + "}";
      case "NULL" -> "{\"NULL\":true}";
      case "SS" -> "{\"SS\":[\"x\"" + (random.nextBoolean() ? ",\"y\"" : "") + "]}";
      case "NS" -> "{\"NS\":[\"1\"" + (random.nextBoolean() ? ",\"2\"" : "") + "]}";
      case "BS" -> "{\"BS\":[\"" + b64("a") + "\"]}";
      case "L" -> "{\"L\":[" + value(depth + 1) + "]}";
      default -> "{\"M\":{\"x\":" + value(depth + 1) + "}}";
    };
  }

  String item() {
    StringBuilder out = new StringBuilder("{\"id\":{\"S\":\"k\"}");
    for (String name : List.of("a", "b", "m", "l", "s", "n")) {
      if (random.nextInt(4) > 0) {
        String value = switch (name) {
          case "m" -> "{\"M\":{\"x\":" + value(1) + "}}";
          case "l" -> "{\"L\":[" + value(1) + "]}";
          case "s" -> "{\"S\":\"x\"}";
          case "n" -> "{\"N\":\"1\"}";
          default -> value(0);
        };
        if (!value.contains("\"x\"}") || random.nextInt(10) > 0) {
          out.append(",\"").append(name).append("\":").append(value);
        }
      }
    }
    return out.append('}').toString();
  }

  /** A DeleteItem body: a condition expression, legacy Expected, or none. */
  String deleteItem() {
    StringBuilder out = new StringBuilder("{\"TableName\":\"diff\",\"Key\":{\"id\":{\"S\":\"k\"}}");
    int kind = random.nextInt(10);
    if (kind < 7) {
      List<String> values = new ArrayList<>();
      String condition = condition(values, 0);
      if (random.nextInt(20) == 0) {
        condition = condition.substring(0, random.nextInt(condition.length() + 1));
      }
      out.append(",\"ConditionExpression\":\"").append(condition).append('"');
      if (condition.contains("#n") || random.nextInt(15) == 0) {
        out.append(",\"ExpressionAttributeNames\":{\"#n\":\"").append(pick("a", "b", "m"))
            .append("\"}");
      }
      if (!values.isEmpty() || random.nextInt(15) == 0) {
        out.append(",\"ExpressionAttributeValues\":{");
        for (int i = 0; i < Math.max(1, values.size()); i++) {
          out.append(i == 0 ? "" : ",").append("\":v").append(i).append("\":")
              .append(values.isEmpty() ? value(0) : values.get(i));
        }
        out.append('}');
      }
    } else if (kind < 9) {
      out.append(expected());
    }
    if (random.nextBoolean()) {
      out.append(",\"ReturnValues\":\"").append(pick("ALL_OLD", "NONE", "ALL_NEW")).append('"');
    }
    if (random.nextInt(4) == 0) {
      out.append(",\"ReturnValuesOnConditionCheckFailure\":\"").append(pick("ALL_OLD", "NONE"))
          .append('"');
    }
    return out.append('}').toString();
  }

  /** Legacy {@code Expected} on one attribute, sometimes with a {@code ConditionalOperator}. */
  String expected() {
    StringBuilder out = new StringBuilder();
    out.append(",\"Expected\":{\"").append(pick("a", "b", "s", "missing")).append("\":");
    out.append(switch (random.nextInt(4)) {
      case 0 -> "{\"Exists\":" + random.nextBoolean() + "}";
      case 1 -> "{\"Value\":" + value(0) + "}";
      case 2 -> "{\"ComparisonOperator\":\"" + pick("EQ", "NE", "NOT_NULL", "NULL", "GT",
          "BEGINS_WITH", "CONTAINS", "IN", "BETWEEN", "BAD") + "\",\"AttributeValueList\":["
          + value(0) + "]}";
      default -> "{\"Exists\":true,\"Value\":" + value(0) + "}";
    });
    out.append('}');
    if (random.nextInt(5) == 0) {
      out.append(",\"ConditionalOperator\":\"").append(pick("AND", "OR", "XOR")).append('"');
    }
    return out.toString();
  }

  /** A random condition expression; its values are added to {@code values} as :v0, :v1 ... */
  String condition(List<String> values, int depth) {
    int shape = random.nextInt(depth > 2 ? 6 : 9);
    return switch (shape) {
      case 0 -> path() + " " + pick(COMPARATORS) + " " + valueRef(values);
      case 1 -> "attribute_exists(" + path() + ")";
      case 2 -> "attribute_not_exists(" + path() + ")";
      case 3 -> "begins_with(" + path() + ", " + valueRef(values) + ")";
      case 4 -> "contains(" + path() + ", " + valueRef(values) + ")";
      case 5 -> "size(" + path() + ") " + pick(COMPARATORS) + " " + valueRef(values);
      case 6 -> condition(values, depth + 1) + " " + pick("AND", "OR") + " "
          + condition(values, depth + 1);
      case 7 -> "NOT (" + condition(values, depth + 1) + ")";
      default -> random.nextBoolean()
          ? path() + " BETWEEN " + valueRef(values) + " AND " + valueRef(values)
          : path() + " IN (" + valueRef(values) + ", " + valueRef(values) + ")";
    };
  }

  private String valueRef(List<String> values) {
    values.add(random.nextInt(3) == 0 ? "{\"N\":\"1\"}" : value(0));
    return ":v" + (values.size() - 1);
  }

  private String path() {
    return PATHS[random.nextInt(PATHS.length)];
  }

  String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
