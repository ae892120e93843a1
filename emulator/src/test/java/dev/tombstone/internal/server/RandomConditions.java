package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The conditions of {@link RandomQueries}: key condition expressions with every operator and the
 * invalid shapes (no partition key, a non-key attribute, a key twice, OR, NOT, other functions),
 * filters, the legacy {@code KeyConditions} and filter maps, and the placeholder maps.
 */
final class RandomConditions {
  private static final String[] SORT_OPERATORS = {"=", "<", "<=", ">", ">=", "BETWEEN",
      "begins_with"};
  private static final String[] LEGACY_SORT_OPERATORS = {"EQ", "LT", "LE", "GT", "GE", "BETWEEN",
      "BEGINS_WITH"};
  private final Random random;
  private final RandomRequests requests;

  RandomConditions(Random random, RandomRequests requests) {
    this.random = random;
    this.requests = requests;
  }

  /** A KeyConditionExpression, valid three times in four. */
  String keyCondition(List<String> values, String partition, String partitionValue, String sort,
      String sortType) {
    String pk = random.nextInt(4) == 0 ? "#pk" : partition;
    String sk = random.nextInt(4) == 0 ? "#sk" : sort;
    // Built only where used: a value defined but not used would be refused as unused.
    Supplier<String> equals = () -> pk + " = " + ref(values, partitionValue);
    Supplier<String> sorted = () -> sortCondition(values, sk, sortType);
    if (random.nextInt(4) > 0) {
      return switch (random.nextInt(4)) {
        case 0 -> equals.get();
        case 1 -> "(" + equals.get() + ") AND (" + sorted.get() + ")";
        case 2 -> sorted.get() + " AND " + equals.get();
        default -> equals.get() + " AND " + sorted.get();
      };
    }
    return switch (random.nextInt(14)) {
      case 0 -> sorted.get();
      case 1 -> equals.get() + " AND " + requests.pick("a", "b", "#n") + " = "
          + ref(values, "{\"N\":\"1\"}");
      case 2 -> equals.get() + " AND " + equals.get();
      case 3 -> equals.get() + " AND " + sorted.get() + " AND " + sorted.get();
      case 4 -> equals.get() + " OR " + sorted.get();
      case 5 -> equals.get() + " AND " + switch (random.nextInt(4)) {
        case 0 -> "attribute_exists(" + sk + ")";
        case 1 -> "attribute_not_exists(" + sk + ")";
        case 2 -> "contains(" + sk + ", " + ref(values, sortValue(sortType)) + ")";
        default -> "size(" + sk + ") > " + ref(values, "{\"N\":\"1\"}");
      };
      case 6 -> pk + " " + requests.pick("<>", "<", ">=") + " " + ref(values, partitionValue);
      case 7 -> "begins_with(" + pk + ", " + ref(values, partitionValue) + ")";
      case 8 -> "NOT (" + equals.get() + ")";
      case 9 -> pk + " IN (" + ref(values, partitionValue) + ", " + ref(values, partitionValue) + ")";
      case 10 -> ref(values, partitionValue) + " = " + pk;
      case 11 -> equals.get() + " AND " + sk + " <> " + ref(values, sortValue(sortType));
      case 12 -> equals.get() + " AND " + sk + " " + requests.pick("=", ">", "BETWEEN :v0 AND");
      default -> equals.get() + " AND " + sk + " BETWEEN " + ref(values, sortValue(sortType));
    };
  }

  private String sortCondition(List<String> values, String sk, String sortType) {
    String operator = requests.pick(SORT_OPERATORS);
    return switch (operator) {
      case "BETWEEN" -> sk + " BETWEEN " + ref(values, sortValue(sortType)) + " AND "
          + ref(values, sortValue(sortType));
      case "begins_with" -> "begins_with(" + sk + ", " + ref(values, sortValue(sortType)) + ")";
      default -> sk + " " + operator + " " + ref(values, sortValue(sortType));
    };
  }

  /** A sort key value, of the key's type nine times in ten. */
  String sortValue(String sortType) {
    boolean string = sortType.equals("S") == random.nextInt(10) > 0;
    return string ? "{\"S\":\"" + requests.pick("a", "ab", "b", "1", "c", "zz", "") + "\"}"
        : "{\"N\":\"" + requests.pick("0", "1.5", "2", "10", "-1", "100") + "\"}";
  }

  /** Legacy KeyConditions, valid three times in four. */
  String keyConditions(String partition, String partitionValue, String sort, String sortType) {
    String equals = entry(partition, "EQ", partitionValue);
    String operator = requests.pick(LEGACY_SORT_OPERATORS);
    String sortEntry = entry(sort, operator, operator.equals("BETWEEN")
        ? sortValue(sortType) + "," + sortValue(sortType) : sortValue(sortType));
    if (random.nextInt(4) > 0) {
      return "{" + equals + (random.nextBoolean() ? "," + sortEntry : "") + "}";
    }
    return "{" + switch (random.nextInt(6)) {
      case 0 -> sortEntry;
      case 1 -> equals + "," + entry("a", "EQ", "{\"N\":\"1\"}");
      case 2 -> entry(partition, requests.pick("GT", "BEGINS_WITH", "NE"), partitionValue);
      case 3 -> equals + "," + entry(sort, requests.pick("NE", "IN", "CONTAINS", "NOT_NULL",
          "NULL"), sortValue(sortType));
      case 4 -> equals + "," + entry(sort, "BETWEEN", sortValue(sortType));
      default -> entry(partition, "EQ", partitionValue + "," + partitionValue);
    } + "}";
  }

  /** A legacy QueryFilter or ScanFilter on one or two attributes. */
  String legacyFilter() {
    List<String> names = new ArrayList<>(List.of("a", "b", "n", "missing"));
    String first = filterEntry(names.remove(random.nextInt(names.size())));
    return "{" + first + (random.nextInt(3) == 0
        ? "," + filterEntry(names.get(random.nextInt(names.size()))) : "") + "}";
  }

  private String filterEntry(String name) {
    String operator = requests.pick("EQ", "NE", "LT", "GE", "NOT_NULL", "NULL", "CONTAINS",
        "BEGINS_WITH", "BETWEEN", "IN");
    String operands = switch (operator) {
      case "NOT_NULL", "NULL" -> random.nextInt(5) == 0 ? "{\"N\":\"1\"}" : null;
      case "BETWEEN" -> "{\"N\":\"1\"},{\"N\":\"" + requests.pick("2", "0") + "\"}";
      case "IN" -> validValue() + "," + validValue();
      default -> random.nextInt(3) == 0 ? "{\"N\":\"1\"}" : validValue();
    };
    return operands == null ? "\"" + name + "\":{\"ComparisonOperator\":\"" + operator + "\"}"
        : entry(name, operator, operands);
  }

  private static String entry(String name, String operator, String operands) {
    return "\"" + name + "\":{\"ComparisonOperator\":\"" + operator
        + "\",\"AttributeValueList\":[" + operands + "]}";
  }

  String attributesToGet() {
    return requests.pick("[\"a\"]", "[\"p\",\"a\"]", "[\"a\",\"a\"]", "[\"m\",\"gs\"]", "[]");
  }

  /** A FilterExpression, on key attributes now and then (which DynamoDB refuses). */
  String filter(List<String> values) {
    List<String> own = new ArrayList<>();
    String condition = requests.condition(own, 1);
    for (int i = own.size() - 1; i >= 0; i--) {
      condition = condition.replace(":v" + i, "@" + i + "@");
    }
    for (int i = 0; i < own.size(); i++) {
      condition = condition.replace("@" + i + "@", ref(values, own.get(i)));
    }
    return condition;
  }

  /** ExpressionAttributeNames for the placeholders used, now and then one too many or too few. */
  String names(String expressions, String partition, String sort) {
    List<String> names = new ArrayList<>();
    for (String[] name : new String[][] {{"#pk", partition}, {"#sk", sort}, {"#n", "a"}}) {
      if (expressions.contains(name[0])) {
        names.add("\"" + name[0] + "\":\"" + name[1] + "\"");
      }
    }
    if (random.nextInt(25) == 0) {
      names.add("\"#u\":\"a\"");
    }
    if (!names.isEmpty() && random.nextInt(30) == 0) {
      names.remove(0);
    }
    return names.isEmpty() ? ""
        : ",\"ExpressionAttributeNames\":{" + String.join(",", names) + "}";
  }

  /** ExpressionAttributeValues :v0, :v1 ..., now and then one too many or too few. */
  String values(List<String> values) {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      members.add("\":v" + i + "\":" + values.get(i));
    }
    if (random.nextInt(25) == 0) {
      members.add("\":u\":{\"N\":\"1\"}");
    }
    if (!members.isEmpty() && random.nextInt(30) == 0) {
      members.remove(members.size() - 1);
    }
    return members.isEmpty() ? ""
        : ",\"ExpressionAttributeValues\":{" + String.join(",", members) + "}";
  }

  static String ref(List<String> values, String value) {
    values.add(value);
    return ":v" + (values.size() - 1);
  }

  /** A value of any type without invalid numbers or base64. */
  String validValue() {
    String value;
    do {
      value = requests.value(0);
    } while (value.contains("@@@") || value.contains("{\"N\":\"x\"}"));
    return value;
  }
}
