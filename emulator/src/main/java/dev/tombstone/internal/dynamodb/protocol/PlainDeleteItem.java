package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the DeleteItem body SDKs send for a plain delete straight into its request, without
 * the JSON tree: {@code TableName}, a {@code Key} of string values, and any of the string
 * members {@code ConditionExpression}, {@code ConditionalOperator} and the four
 * {@code Return...} options, each at most once, every string printable ASCII without escapes.
 *
 * <p>Any other document, however valid, makes {@link #read} return null, and the caller parses
 * it into the tree as before: this reader decides nothing the tree path would decide
 * differently, and builds the very request that path builds (a test holds it to that).
 */
final class PlainDeleteItem {
  /** The members of a plain document, absent ones null. */
  record Document(String tableName, Map<String, AttributeValue> key, String conditionExpression,
      String conditionalOperator, String returnValues, String returnConsumedCapacity,
      String returnItemCollectionMetrics, String returnValuesOnConditionCheckFailure) {}

  private final byte[] in;
  private int at;
  private String tableName;
  private Map<String, AttributeValue> key;
  private String conditionExpression;
  private String conditionalOperator;
  private String returnValues;
  private String returnConsumedCapacity;
  private String returnItemCollectionMetrics;
  private String returnValuesOnConditionCheckFailure;
  private boolean repeated;

  private PlainDeleteItem(byte[] in) {
    this.in = in;
  }

  /** The members of a plain DeleteItem document, or null for any other document. */
  static Document read(byte[] body) {
    PlainDeleteItem reader = new PlainDeleteItem(body);
    return reader.document() ? reader.members() : null;
  }

  private Document members() {
    return new Document(tableName, key, conditionExpression, conditionalOperator, returnValues,
        returnConsumedCapacity, returnItemCollectionMetrics, returnValuesOnConditionCheckFailure);
  }

  private boolean document() {
    skipSpace();
    if (!expect('{')) {
      return false;
    }
    do {
      skipSpace();
      if (!member()) {
        return false;
      }
      skipSpace();
    } while (expect(','));
    if (!expect('}')) {
      return false;
    }
    skipSpace();
    return at == in.length && tableName != null && key != null;
  }

  /** One top-level member, if it is one this reader takes and has not seen yet. */
  private boolean member() {
    String name = string();
    if (name == null || !colon()) {
      return false;
    }
    if (name.equals("Key")) {
      if (key != null) {
        return false;
      }
      key = key();
      return key != null;
    }
    String value = string();
    if (value == null) {
      return false;
    }
    switch (name) {
      case "TableName" -> tableName = once(tableName, value);
      case "ConditionExpression" -> conditionExpression = once(conditionExpression, value);
      case "ConditionalOperator" -> conditionalOperator = once(conditionalOperator, value);
      case "ReturnValues" -> returnValues = once(returnValues, value);
      case "ReturnConsumedCapacity" ->
          returnConsumedCapacity = once(returnConsumedCapacity, value);
      case "ReturnItemCollectionMetrics" ->
          returnItemCollectionMetrics = once(returnItemCollectionMetrics, value);
      case "ReturnValuesOnConditionCheckFailure" ->
          returnValuesOnConditionCheckFailure = once(returnValuesOnConditionCheckFailure, value);
      default -> {
        return false;
      }
    }
    return !repeated;
  }

  /** {@code value}, noting a member that came before (the tree keeps the last; we decline). */
  private String once(String earlier, String value) {
    repeated |= earlier != null;
    return value;
  }

  /** {@code {"name": {"S": "value"}, ...}} with at least one name, no name twice; or null. */
  private Map<String, AttributeValue> key() {
    if (!expect('{')) {
      return null;
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>(4);
    do {
      skipSpace();
      String name = string();
      if (name == null || !colon() || !expect('{')) {
        return null;
      }
      skipSpace();
      String type = string();
      if (!"S".equals(type) || !colon()) {
        return null;
      }
      String value = string();
      skipSpace();
      if (value == null || !expect('}') || values.put(name, new AttributeValue.S(value)) != null) {
        return null;
      }
      skipSpace();
    } while (expect(','));
    return expect('}') ? values : null;
  }

  /** A colon between optional whitespace. */
  private boolean colon() {
    skipSpace();
    boolean found = expect(':');
    skipSpace();
    return found;
  }

  /** The string starting here if it is printable ASCII with no escape, else null. */
  private String string() {
    if (!expect('"')) {
      return null;
    }
    int start = at;
    while (at < in.length) {
      byte b = in[at];
      if (b == '"') {
        at++;
        return new String(in, start, at - 1 - start, StandardCharsets.ISO_8859_1);
      }
      if (b < 0x20 || b > 0x7E || b == '\\') {
        return null;
      }
      at++;
    }
    return null;
  }

  private void skipSpace() {
    while (at < in.length) {
      byte b = in[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      at++;
    }
  }

  private boolean expect(char c) {
    if (at < in.length && in[at] == c) {
      at++;
      return true;
    }
    return false;
  }
}
