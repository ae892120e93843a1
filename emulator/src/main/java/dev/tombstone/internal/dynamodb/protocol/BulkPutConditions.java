package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-item condition of a bulk put document: beside {@code Item}, a document may hold
 * {@code ConditionExpression}, {@code ExpressionAttributeNames} and
 * {@code ExpressionAttributeValues}, read into PutItem's condition parameters and compiled as
 * PutItem compiles them. A member of another name, or of the wrong type, makes the document
 * {@link Unreadable}.
 */
final class BulkPutConditions {
  static final List<String> MEMBERS = List.of("Item", "ConditionExpression",
      "ExpressionAttributeNames", "ExpressionAttributeValues");
  static final String OTHER_MEMBER = "A bulk put document holds Item, ConditionExpression,"
      + " ExpressionAttributeNames and ExpressionAttributeValues only, not ";
  static final String NOT_A_STRING = "ConditionExpression is not a string";
  static final String NOT_NAMES = "ExpressionAttributeNames is not a map of strings";
  static final String NOT_VALUES = "ExpressionAttributeValues is not a map of attribute values";
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  private BulkPutConditions() {}

  /** Condition members that cannot be read; the document fails alone. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /** The condition members of a DYNAMODB_JSON document; null when it has none. */
  static ConditionParameters json(Json.Obj document) {
    document.members().keySet().forEach(BulkPutConditions::known);
    if (document.members().size() == 1) {
      return null;
    }
    try {
      return ConditionParameters.expressionsOnly(document, DECODER);
    } catch (SerializationError e) {
      throw new Unreadable(e.getMessage());
    }
  }

  /** The condition fields of an ION document's top-level struct; null when it has none. */
  static ConditionParameters ion(IonValue document) {
    if (!(document instanceof IonValue.Struct struct)) {
      return null;
    }
    String expression = null;
    Map<String, String> names = null;
    Decoded values = null;
    for (IonValue.Field field : struct.fields()) {
      known(field.name());
      switch (field.name()) {
        case "ConditionExpression" -> expression = ionString(field.value());
        case "ExpressionAttributeNames" -> names = ionNames(field.value());
        case "ExpressionAttributeValues" -> values = ionValues(field.value());
        default -> { } // Item, read by IonItems
      }
    }
    return expression == null && names == null && values == null ? null
        : new ConditionParameters(expression, names, values, null, null);
  }

  /**
   * Validates and compiles {@code p} in PutItem's order and with PutItem's messages:
   * placeholder maps without an expression, the maps themselves, the expression, unused
   * placeholders.
   */
  static ItemCondition compile(ConditionSupport conditions, ConditionParameters p) {
    try {
      conditions.checkPlaceholdersWithoutExpression(p, ValueLayer.CURRENT);
    } catch (DynamoDbError.Validation e) {
      throw CurrentLayer.envelope(e);
    }
    try {
      return conditions.compile(p, ValueLayer.CURRENT);
    } catch (DynamoDbError.Validation e) {
      throw CurrentLayer.compilation(e);
    }
  }

  private static void known(String member) {
    if (!MEMBERS.contains(member)) {
      throw new Unreadable(OTHER_MEMBER + member);
    }
  }

  private static String ionString(IonValue value) {
    if (value instanceof IonValue.Str s) {
      return s.value();
    }
    throw new Unreadable(NOT_A_STRING);
  }

  private static Map<String, String> ionNames(IonValue value) {
    if (!(value instanceof IonValue.Struct struct)) {
      throw new Unreadable(NOT_NAMES);
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (IonValue.Field field : struct.fields()) {
      if (!(field.value() instanceof IonValue.Str s)) {
        throw new Unreadable(NOT_NAMES);
      }
      names.put(field.name(), s.value());
    }
    return names;
  }

  private static Decoded ionValues(IonValue value) {
    if (!(value instanceof IonValue.Struct struct)) {
      throw new Unreadable(NOT_VALUES);
    }
    try {
      Map<String, AttributeValue> values = IonItems.attributes(struct);
      return new Decoded(values, null, null);
    } catch (IonItems.NotAnItem e) {
      throw new Unreadable(NOT_VALUES + ": " + e.getMessage());
    }
  }
}
