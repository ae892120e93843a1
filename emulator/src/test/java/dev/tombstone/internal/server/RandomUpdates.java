package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random UpdateItem requests for the differential check: update expressions with every clause
 * and function, the legacy {@code AttributeUpdates}, conditions and all ReturnValues, with a
 * share of invalid input (a clause twice, overlapping paths, a key attribute, operand types,
 * placeholders, syntax, reserved words). Deterministic per seed.
 */
final class RandomUpdates {
  private static final String[] TARGETS = {"a", "b", "n", "s", "m", "m.x", "m.y", "m.z.w", "l",
      "l[0]", "l[1]", "l[7]", "#n", "ns", "ss", "gone"};
  private static final String[] RARE_TARGETS = {"id", "#k", "name", "missing", "size", "m.x.y", "a[0]"};
  private static final String[] CLAUSES = {"SET", "SET", "REMOVE", "ADD", "DELETE"};
  private final Random random;
  private final RandomRequests requests;

  RandomUpdates(long seed) {
    this.random = new Random(seed);
    this.requests = new RandomRequests(random);
  }

  /** An item with key {@code id = k}, without invalid values, for the update to change. */
  String item() {
    StringBuilder out = new StringBuilder("{\"id\":{\"S\":\"k\"}");
    for (String name : List.of("a", "m", "l", "n", "s", "ns", "ss")) {
      if (random.nextInt(4) > 0) {
        String value = switch (name) {
          case "m" -> "{\"M\":{\"x\":" + validValue() + ",\"y\":{\"N\":\"2\"}}}";
          case "l" -> "{\"L\":[" + validValue() + "," + validValue() + "]}";
          case "n" -> "{\"N\":\"" + requests.pick("1", "2.5", "-3") + "\"}";
          case "s" -> "{\"S\":\"x\"}";
          case "ns" -> "{\"NS\":[\"1\",\"2\"]}";
          case "ss" -> "{\"SS\":[\"x\",\"y\"]}";
          default -> validValue();
        };
        out.append(",\"").append(name).append("\":").append(value);
      }
    }
    return out.append('}').toString();
  }

  /** An UpdateItem body on table {@code diffu}: an update expression or AttributeUpdates. */
  String updateItem() {
    StringBuilder out = new StringBuilder("{\"TableName\":\"diffu\",\"Key\":{\"id\":{\"S\":\"k\"}}");
    List<String> values = new ArrayList<>();
    String expressions = "";
    if (random.nextInt(6) > 0) {
      String update = updateExpression(values);
      out.append(",\"UpdateExpression\":\"").append(update).append('"');
      expressions += update;
    } else {
      out.append(attributeUpdates());
      if (random.nextBoolean()) {
        out.append(requests.expected());
      }
    }
    if (random.nextInt(3) == 0) {
      String condition = requests.condition(values, 1);
      out.append(",\"ConditionExpression\":\"").append(condition).append('"');
      expressions += condition;
      if (random.nextBoolean()) {
        out.append(",\"ReturnValuesOnConditionCheckFailure\":\"")
            .append(requests.pick("ALL_OLD", "NONE")).append('"');
      }
    }
    out.append(RandomPlaceholders.names(random, requests, expressions, "id", 20))
        .append(RandomPlaceholders.values(random, values, 20));
    if (random.nextInt(5) > 0) {
      out.append(",\"ReturnValues\":\"").append(random.nextInt(40) == 0 ? "ALL"
          : requests.pick("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW")).append('"');
    }
    return out.append('}').toString();
  }

  /** An update expression of one to three clauses; its values are added to {@code values}. */
  String updateExpression(List<String> values) {
    List<String> clauses = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    List<String> kinds = new ArrayList<>(List.of(CLAUSES));
    for (int i = 0; i < count; i++) {
      String kind = kinds.remove(random.nextInt(kinds.size()));
      kinds.remove(kind);
      clauses.add(clause(kind, values));
      if (random.nextInt(30) == 0) {
        clauses.add(clause(kind, values));
      }
    }
    String update = String.join(" ", clauses);
    return switch (random.nextInt(40)) {
      case 0 -> update.substring(0, random.nextInt(update.length() + 1));
      case 1 -> update.replaceFirst(" = ", " = = ");
      case 2 -> update.toLowerCase(java.util.Locale.ROOT);
      case 3 -> update.replaceFirst(", ", " ");
      default -> update;
    };
  }

  private String clause(String kind, List<String> values) {
    List<String> actions = new ArrayList<>();
    int count = 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
    for (int i = 0; i < count; i++) {
      actions.add(switch (kind) {
        case "SET" -> target() + " = " + setValue(values);
        case "REMOVE" -> target();
        case "ADD" -> requests.pick("n", "ns", "ss", "a", "gone", "s", "m.x", "l", "#n")
            + " " + ref(values, addOperand());
        default -> requests.pick("ns", "ss", "a", "gone", "s", "m.x", "#n") + " "
            + ref(values, setOperand());
      });
    }
    return kind + " " + String.join(", ", actions);
  }

  private String setValue(List<String> values) {
    return switch (random.nextInt(9)) {
      case 0, 1 -> ref(values, validOrAnyValue());
      case 2 -> operand(values) + " + " + operand(values);
      case 3 -> operand(values) + " - " + operand(values);
      case 4 -> "if_not_exists(" + target() + ", " + ref(values, validOrAnyValue()) + ")";
      case 5, 6 -> "list_append(" + listOperand(values) + ", " + listOperand(values) + ")";
      case 7 -> target();
      default -> "if_not_exists(" + requests.pick("n", "gone", "s") + ", "
          + ref(values, number()) + ") + " + ref(values, number());
    };
  }

  private String operand(List<String> values) {
    return switch (random.nextInt(5)) {
      case 0, 1 -> ref(values, random.nextInt(8) == 0 ? validOrAnyValue() : number());
      case 2 -> "if_not_exists(" + target() + ", " + ref(values, number()) + ")";
      default -> requests.pick("n", "a", "s", "m.y", "gone", "l[0]");
    };
  }

  private String listOperand(List<String> values) {
    return switch (random.nextInt(5)) {
      case 0, 1 -> ref(values, "{\"L\":[" + validValue() + "]}");
      case 2 -> ref(values, random.nextBoolean() ? "{\"L\":[]}" : validValue());
      case 3 -> "if_not_exists(" + requests.pick("l", "gone") + ", "
          + ref(values, "{\"L\":[]}") + ")";
      default -> requests.pick("l", "a", "gone", "m.x");
    };
  }

  private String addOperand() {
    return switch (random.nextInt(6)) {
      case 0, 1 -> number();
      case 2, 3 -> setOperand();
      case 4 -> "{\"L\":[" + validValue() + "]}";
      default -> validOrAnyValue();
    };
  }

  private String setOperand() {
    return switch (random.nextInt(8)) {
      case 0, 1 -> "{\"NS\":[\"1\"" + (random.nextBoolean() ? ",\"3\"" : "") + "]}";
      case 2, 3 -> "{\"SS\":[\"" + requests.pick("x", "z") + "\""
          + (random.nextBoolean() ? ",\"y\"" : "") + "]}";
      case 4 -> "{\"BS\":[\"" + RandomRequests.b64("a") + "\"]}";
      case 5 -> requests.pick("{\"SS\":[]}", "{\"NS\":[\"1\",\"1.0\"]}", "{\"SS\":[\"x\",\"x\"]}");
      default -> validOrAnyValue();
    };
  }

  private String attributeUpdates() {
    StringBuilder out = new StringBuilder(",\"AttributeUpdates\":{");
    List<String> names =
        new ArrayList<>(List.of("a", "n", "ns", "ss", "l", "gone", "s", "m"));
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String name = i == 0 && random.nextInt(25) == 0 ? "id"
          : names.remove(random.nextInt(names.size()));
      String action = random.nextInt(30) == 0 ? "XX" : requests.pick("PUT", "ADD", "DELETE");
      out.append(i == 0 ? "" : ",").append('"').append(name).append("\":{\"Action\":\"")
          .append(action).append('"');
      String value = switch (action) {
        case "PUT" -> validOrAnyValue();
        case "ADD" -> addOperand();
        default -> random.nextBoolean() ? null : setOperand();
      };
      if (value != null) {
        out.append(",\"Value\":").append(value);
      }
      out.append('}');
    }
    if (random.nextInt(30) == 0) {
      out.append("},\"UpdateExpression\":\"SET a = :v0");
      return out.append("\"").toString();
    }
    return out.append('}').toString();
  }


  private String target() {
    return random.nextInt(25) == 0 ? requests.pick(RARE_TARGETS) : requests.pick(TARGETS);
  }

  private static String ref(List<String> values, String value) {
    values.add(value);
    return ":v" + (values.size() - 1);
  }

  private String number() {
    return "{\"N\":\"" + requests.pick("1", "2", "-3", "1.50", "0", "2.5") + "\"}";
  }

  private String validOrAnyValue() {
    return random.nextInt(10) == 0 ? requests.value(0) : validValue();
  }

  private String validValue() {
    String value;
    do {
      value = requests.value(0);
    } while (value.contains("@@@") || value.contains("{\"N\":\"x\"}"));
    return value;
  }
}
