package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The condition members of a write request as read off the wire: the expression form and the
 * legacy {@code Expected} form, not yet validated.
 *
 * @param expression ConditionExpression, or null
 * @param names ExpressionAttributeNames, or null
 * @param values ExpressionAttributeValues, or null
 * @param expected the legacy Expected entries in request order, or null
 * @param conditionalOperator the legacy ConditionalOperator, or null
 */
record ConditionParameters(
    String expression,
    Map<String, String> names,
    Decoded values,
    Map<String, ExpectedEntry> expected,
    String conditionalOperator) {
  static final String EXPECTED_MAP =
      "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue>";
  static final String EXPECTED_CLASS =
      "class com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue";

  /** Reads the condition members of {@code request}; JSON type errors throw at once. */
  static ConditionParameters read(Json.Obj request, AttributeValueDecoder decoder) {
    Map<String, ExpectedEntry> expected = expected(request, decoder);
    return new ConditionParameters(
        Members.string(request, "ConditionExpression"),
        Members.stringMap(request, "ExpressionAttributeNames"),
        decoder.map(request, "ExpressionAttributeValues"),
        expected,
        Members.string(request, "ConditionalOperator"));
  }

  /**
   * The expression members of {@code request} only: a TransactWriteItems element has no {@code
   * Expected} or {@code ConditionalOperator} in the model, so DynamoDB ignores them there.
   */
  static ConditionParameters expressionsOnly(Json.Obj request, AttributeValueDecoder decoder) {
    return new ConditionParameters(
        Members.string(request, "ConditionExpression"),
        Members.stringMap(request, "ExpressionAttributeNames"),
        decoder.map(request, "ExpressionAttributeValues"),
        null,
        null);
  }

  static final String CONDITION_MAP =
      "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.Condition>";
  static final String CONDITION_CLASS = "class com.amazonaws.dynamodb.v20120810.Condition";

  static Map<String, ExpectedEntry> expected(Json.Obj request, AttributeValueDecoder decoder) {
    return entries(request, "Expected", EXPECTED_MAP, EXPECTED_CLASS, decoder);
  }

  /** A map of legacy conditions ({@code KeyConditions}, {@code QueryFilter}, ...), or null. */
  static Map<String, ExpectedEntry> entries(Json.Obj request, String member, String mapType,
      String classType, AttributeValueDecoder decoder) {
    return Members.entries(request, member, mapType, raw -> structure(raw, classType),
        entry -> entry(entry, decoder));
  }

  /** A condition entry; null for a JSON null, which is skipped. */
  private static Json.Obj structure(Json raw, String classType) {
    if (raw == null || raw instanceof Json.Null) {
      return null;
    }
    if (raw instanceof Json.Arr) {
      throw new SerializationError("Unrecognized collection type " + classType);
    }
    if (!(raw instanceof Json.Obj entry)) {
      throw new SerializationError("Unexpected value type in payload");
    }
    return entry;
  }

  private static ExpectedEntry entry(Json.Obj entry, AttributeValueDecoder decoder) {
    String problem = null;
    AttributeValue value = null;
    AttributeValueDecoder.Result single = decoder.single(entry.get("Value"));
    if (single != null) {
      problem = single.problem;
      value = single.value;
    }
    List<AttributeValue> list = null;
    List<Json> rawList = Members.list(entry, "AttributeValueList");
    if (rawList != null) {
      list = new ArrayList<>(rawList.size());
      for (Json element : rawList) {
        AttributeValueDecoder.Result result = decoder.element(element, 1);
        if (result == null) {
          continue;
        }
        if (result.problem != null && problem == null) {
          problem = result.problem;
        }
        list.add(result.value);
      }
    }
    return new ExpectedEntry(
        value,
        Members.bool(entry, "Exists"),
        Members.string(entry, "ComparisonOperator"),
        list,
        problem);
  }

  boolean hasExpression() {
    return expression != null;
  }

  boolean hasExpected() {
    return expected != null;
  }
}
