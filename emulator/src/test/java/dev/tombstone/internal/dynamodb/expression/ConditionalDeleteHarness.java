package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Test-only stand-in for the condition part of a DeleteItem request, so the spec's vectors can
 * run at engine level. It documents the request-level order the protocol layer must reproduce
 * (condition-expressions.md §5.1, dynamodb-api.md §2.6–§2.8) around {@link
 * ExpressionCompiler}:
 *
 * <ol>
 *   <li>constraint check of ReturnValuesOnConditionCheckFailure;
 *   <li>Expected mixed with ConditionExpression; ConditionalOperator without Expected; names or
 *       values without an expression;
 *   <li>the Expected entries ({@link ExpressionCompiler#legacy});
 *   <li>the names map (empty, bad key, empty value), then the values map (empty, bad key, invalid
 *       value);
 *   <li>the ConditionExpression ({@link ExpressionCompiler#condition});
 *   <li>unused names, then unused values;
 *   <li>the table lookup;
 *   <li>the condition against the item (or the empty item when there is none).
 * </ol>
 */
final class ConditionalDeleteHarness {
  static final String TABLE = "cetab";

  private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
  private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");
  private static final String DIGITS_38 = "Attempting to store more than 38 significant digits";

  private final ExpressionCompiler compiler;

  ConditionalDeleteHarness(ExpressionCompiler compiler) {
    this.compiler = compiler;
  }

  /**
   * The result of a request: {@code success} (the item would be deleted), {@code ccf} (with the
   * old item when ReturnValuesOnConditionCheckFailure is ALL_OLD), {@code validation} or {@code
   * notFound} with a message.
   */
  record Outcome(String outcome, String message, Item item) {
    static Outcome success() {
      return new Outcome("success", null, null);
    }
  }

  /** Runs {@code request}, DeleteItem members as {@link JsonReader} reads them, on an item. */
  @SuppressWarnings("unchecked")
  Outcome delete(Map<String, Object> request, Item stored) {
    try {
      String expression = (String) request.get("ConditionExpression");
      Map<String, String> names = (Map<String, String>) request.get("ExpressionAttributeNames");
      Map<String, Object> rawValues =
          (Map<String, Object>) request.get("ExpressionAttributeValues");
      Map<String, Object> rawExpected = (Map<String, Object>) request.get("Expected");
      String conditionalOperator = (String) request.get("ConditionalOperator");
      String returnValues = (String) request.get("ReturnValuesOnConditionCheckFailure");

      if (returnValues != null && !returnValues.equals("ALL_OLD") && !returnValues.equals("NONE")) {
        throw invalid("1 validation error detected: Value '" + returnValues
            + "' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member"
            + " must satisfy enum value set: [ALL_OLD, NONE]");
      }
      if (expression != null && rawExpected != null) {
        throw invalid("Can not use both expression and non-expression parameters in the same"
            + " request: Non-expression parameters: {Expected} Expression parameters:"
            + " {ConditionExpression}");
      }
      if (conditionalOperator != null && rawExpected == null) {
        throw invalid("ConditionalOperator cannot be used without Filter or Expected");
      }
      if (names != null && expression == null) {
        throw invalid("ExpressionAttributeNames can only be specified when using expressions");
      }
      if (rawValues != null && expression == null) {
        throw invalid("ExpressionAttributeValues can only be specified when using expressions:"
            + " ConditionExpression is null");
      }
      ItemCondition condition = null;
      if (rawExpected != null) {
        condition = ExpressionCompiler.legacy(expected(rawExpected), conditionalOperator);
      }
      checkNames(names);
      Map<String, AttributeValue> values = values(rawValues);
      if (expression != null) {
        CompiledCondition compiled =
            compiler.condition(ExpressionKind.CONDITION, expression, names, values);
        checkUnused("ExpressionAttributeNames", names, compiled.usedNames());
        checkUnused("ExpressionAttributeValues", values, compiled.usedValues());
        condition = compiled;
      }
      Object table = request.getOrDefault("TableName", TABLE);
      if (!TABLE.equals(table)) {
        return new Outcome("notFound", "Requested resource not found", null);
      }
      Item item = stored == null ? Item.EMPTY : stored;
      if (condition == null || condition.matches(item)) {
        return Outcome.success();
      }
      return new Outcome("ccf", null, "ALL_OLD".equals(returnValues) ? stored : null);
    } catch (DynamoDbError.Validation e) {
      return new Outcome("validation", e.getMessage(), null);
    }
  }

  private static void checkNames(Map<String, String> names) {
    if (names == null) {
      return;
    }
    if (names.isEmpty()) {
      throw invalid("ExpressionAttributeNames must not be empty");
    }
    for (Map.Entry<String, String> e : names.entrySet()) {
      if (!NAME_KEY.matcher(e.getKey()).matches()) {
        throw invalid("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
            + e.getKey() + "\"");
      }
      if (e.getValue().isEmpty()) {
        throw invalid("ExpressionAttributeNames contains invalid value: Empty attribute name for"
            + " key " + e.getKey());
      }
    }
  }

  private static Map<String, AttributeValue> values(Map<String, Object> raw) {
    if (raw == null) {
      return null;
    }
    if (raw.isEmpty()) {
      throw invalid("ExpressionAttributeValues must not be empty");
    }
    for (String key : raw.keySet()) {
      if (!VALUE_KEY.matcher(key).matches()) {
        throw invalid("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
            + key + "\"");
      }
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      try {
        values.put(e.getKey(), DynamoJson.value(e.getValue()));
      } catch (DynamoDbError.Validation problem) {
        // condition-expressions.md §10.4: DynamoDB words the precision error differently here.
        String message = problem.getMessage().startsWith(DIGITS_38)
            ? "DynamoDB only supports precision up to 38 digits"
            : problem.getMessage();
        throw invalid("ExpressionAttributeValues contains invalid value: " + message + " for key "
            + e.getKey());
      }
    }
    return values;
  }

  private static void checkUnused(String member, Map<String, ?> given, Set<String> used) {
    if (given == null) {
      return;
    }
    Set<String> unused = new TreeSet<>(given.keySet());
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw invalid("Value provided in " + member + " unused in expressions: keys: {"
          + String.join(", ", unused) + "}");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ExpectedEntry> expected(Map<String, Object> raw) {
    Map<String, ExpectedEntry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      Map<String, Object> entry = (Map<String, Object>) e.getValue();
      List<String> problems = new ArrayList<>();
      AttributeValue value =
          entry.containsKey("Value") ? decode(entry.get("Value"), problems) : null;
      List<AttributeValue> list = null;
      if (entry.containsKey("AttributeValueList")) {
        list = new ArrayList<>();
        for (Object element : (List<Object>) entry.get("AttributeValueList")) {
          list.add(decode(element, problems));
        }
      }
      entries.put(e.getKey(), new ExpectedEntry(
          value,
          (Boolean) entry.get("Exists"),
          (String) entry.get("ComparisonOperator"),
          list == null ? null : Collections.unmodifiableList(list),
          problems.isEmpty() ? null : problems.get(0)));
    }
    return entries;
  }

  private static AttributeValue decode(Object json, List<String> problems) {
    try {
      return DynamoJson.value(json);
    } catch (DynamoDbError.Validation e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private static DynamoDbError.Validation invalid(String message) {
    return new DynamoDbError.Validation(message);
  }
}
