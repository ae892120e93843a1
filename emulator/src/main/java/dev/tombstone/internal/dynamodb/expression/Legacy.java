package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.expression.Condition.Comparator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy {@code Expected} parameter: DynamoDB's checks per entry, in entry order, and the
 * entries as {@link Predicate}s on top-level attributes (names are never parsed as paths).
 */
final class Legacy {
  private static final Set<String> ORDERED_ONLY =
      Set.of("LT", "LE", "GT", "GE", "CONTAINS", "NOT_CONTAINS", "IN", "BETWEEN");

  private Legacy() {}

  static Predicate compile(Map<String, ExpectedEntry> expected, String conditionalOperator) {
    return compile(expected, conditionalOperator, false);
  }

  /**
   * A map of {@code Condition}s ({@code ScanFilter}, {@code QueryFilter}, {@code KeyConditions}):
   * each entry's values are checked before their count, and a missing list is a wrong count
   * (dynalite test/scan.js, 'should return ValidationException for bad attribute values in
   * ScanFilter' and '... for incorrect number of ScanFilter arguments'; test/query.js, the
   * same for QueryFilter and KeyConditions).
   */
  static Predicate compileConditions(Map<String, ExpectedEntry> filter,
      String conditionalOperator) {
    return compile(filter, conditionalOperator, true);
  }

  private static Predicate compile(
      Map<String, ExpectedEntry> expected, String conditionalOperator, boolean conditions) {
    if (expected == null || expected.isEmpty()) {
      return new Predicate.Always();
    }
    Predicate[] parts = new Predicate[expected.size()];
    int i = 0;
    for (Map.Entry<String, ExpectedEntry> e : expected.entrySet()) {
      ExpectedEntry entry = e.getValue();
      if (conditions && entry.comparisonOperator() != null && entry.value() == null
          && entry.exists() == null) {
        checkValid(entry);
        List<AttributeValue> list =
            entry.attributeValueList() == null ? List.of() : entry.attributeValueList();
        checkArguments(entry.comparisonOperator(), e.getKey(), true, list);
        parts[i++] = operator(new Source.Attribute(e.getKey()), entry.comparisonOperator(), list);
        continue;
      }
      parts[i++] = entry(e.getKey(), entry);
    }
    if (parts.length == 1) {
      return parts[0];
    }
    return "OR".equals(conditionalOperator) ? new Predicate.Any(parts) : new Predicate.All(parts);
  }

  private static Predicate entry(String attribute, ExpectedEntry entry) {
    String operator = entry.comparisonOperator();
    List<AttributeValue> list = entry.attributeValueList();
    Boolean exists = entry.exists();
    boolean hasValue = hasValue(entry);
    if (hasValue && list != null) {
      throw invalid("Value and AttributeValueList cannot be used together for Attribute: "
          + attribute);
    }
    if (exists != null && operator != null) {
      throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: "
          + attribute);
    }
    if (operator != null) {
      List<AttributeValue> arguments =
          list != null ? list : hasValue ? Collections.singletonList(entry.value()) : List.of();
      checkArguments(operator, attribute, hasValue || list != null, arguments);
      checkValid(entry);
      return operator(new Source.Attribute(attribute), operator, arguments);
    }
    if (list != null) {
      throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: "
          + attribute);
    }
    if (!hasValue && !Boolean.FALSE.equals(exists)) {
      throw invalid("Value must be provided when Exists is " + exists + " for Attribute: "
          + attribute);
    }
    if (hasValue && Boolean.FALSE.equals(exists)) {
      throw invalid("Value cannot be used when Exists is false for Attribute: " + attribute);
    }
    checkValid(entry);
    Source source = new Source.Attribute(attribute);
    return hasValue
        ? new Predicate.Compare(source, Comparator.EQ, Source.Literal.of(entry.value()))
        : new Predicate.NotExists(source);
  }

  /**
   * Whether {@code Value} was given. The decoder leaves an invalid value's slot null, so a null
   * {@code Value} with an invalid-value message and no null in the list means an invalid one.
   */
  private static boolean hasValue(ExpectedEntry entry) {
    if (entry.value() != null) {
      return true;
    }
    List<AttributeValue> list = entry.attributeValueList();
    return entry.invalidValueMessage() != null && (list == null || !list.contains(null));
  }

  private static void checkArguments(
      String operator, String attribute, boolean given, List<AttributeValue> arguments) {
    boolean noArguments = operator.equals("NULL") || operator.equals("NOT_NULL");
    if (!noArguments && !given) {
      throw invalid("Value or AttributeValueList must be used with ComparisonOperator: "
          + operator + " for Attribute: " + attribute);
    }
    int count = arguments.size();
    boolean countOk =
        switch (operator) {
          case "NULL", "NOT_NULL" -> count == 0;
          case "IN" -> count >= 1;
          case "BETWEEN" -> count == 2;
          default -> count == 1;
        };
    if (!countOk) {
      throw invalid("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
    }
    AttributeType type = null;
    for (AttributeValue argument : arguments) {
      if (argument == null) {
        continue;
      }
      if (type != null && argument.type() != type) {
        throw invalid("AttributeValues inside AttributeValueList must be of same type");
      }
      type = argument.type();
    }
    if (type != null && !allows(operator, type)) {
      throw invalid("ComparisonOperator " + operator + " is not valid for " + type
          + " AttributeValue type");
    }
    if (operator.equals("BETWEEN") && arguments.get(0) != null && arguments.get(1) != null
        && Values.compare(arguments.get(0), arguments.get(1)) > 0) {
      throw new DynamoDbError.Validation("The BETWEEN condition was provided a range where the"
          + " lower bound is greater than the upper bound");
    }
  }

  private static boolean allows(String operator, AttributeType type) {
    if (operator.equals("BEGINS_WITH")) {
      return type == AttributeType.S || type == AttributeType.B;
    }
    return !ORDERED_ONLY.contains(operator) || type.isScalarKeyType();
  }

  private static void checkValid(ExpectedEntry entry) {
    if (entry.invalidValueMessage() != null) {
      throw new DynamoDbError.Validation(entry.invalidValueMessage());
    }
  }

  private static Predicate operator(
      Source attribute, String operator, List<AttributeValue> arguments) {
    Source first = arguments.isEmpty() ? null : Source.Literal.of(arguments.get(0));
    switch (operator) {
      case "EQ":
        return new Predicate.Compare(attribute, Comparator.EQ, first);
      case "NE":
        return new Predicate.Compare(attribute, Comparator.NE, first);
      case "LT":
        return new Predicate.Compare(attribute, Comparator.LT, first);
      case "LE":
        return new Predicate.Compare(attribute, Comparator.LE, first);
      case "GT":
        return new Predicate.Compare(attribute, Comparator.GT, first);
      case "GE":
        return new Predicate.Compare(attribute, Comparator.GE, first);
      case "NULL":
        return new Predicate.NotExists(attribute);
      case "NOT_NULL":
        return new Predicate.Exists(attribute);
      case "CONTAINS":
        return new Predicate.Contains(attribute, first);
      case "NOT_CONTAINS":
        // DynamoDB: a missing attribute neither contains nor "not contains" anything.
        return new Predicate.And(
            new Predicate.Exists(attribute),
            new Predicate.Not(new Predicate.Contains(attribute, first)));
      case "BEGINS_WITH":
        return new Predicate.BeginsWith(attribute, first);
      case "IN":
        List<Source> candidates = new ArrayList<>(arguments.size());
        for (AttributeValue argument : arguments) {
          candidates.add(Source.Literal.of(argument));
        }
        return new Predicate.In(attribute, candidates.toArray(new Source[0]));
      case "BETWEEN":
        return new Predicate.Between(
            attribute, first, Source.Literal.of(arguments.get(1)));
      default:
        throw new IllegalArgumentException("unknown ComparisonOperator " + operator);
    }
  }

  private static DynamoDbError.Validation invalid(String message) {
    return DynamoDbError.Validation.invalidParameters(message);
  }
}
