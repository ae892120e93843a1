package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the PutItem and DeleteItem bodies SDKs send for a plain write straight into their
 * requests, without the JSON tree: {@code TableName}, the {@code Item} or {@code Key} as a map
 * of {@code S} and {@code N} values, and any of the string members
 * {@code ConditionExpression}, {@code ConditionalOperator} and the four {@code Return...}
 * options, each at most once, every string printable ASCII without escapes.
 *
 * <p>Any other document, however valid, makes {@link #read} return null, and the caller parses
 * it into the tree as before: this reader decides nothing the tree path would decide
 * differently, and builds the very request that path builds (a test holds it to that).
 */
final class PlainWrite {
  /** The members of a plain document, absent ones null; {@code values} is the Item or Key. */
  record Document(String tableName, Map<String, AttributeValue> values,
      String conditionExpression, String conditionalOperator, String returnValues,
      String returnConsumedCapacity, String returnItemCollectionMetrics,
      String returnValuesOnConditionCheckFailure) {}

  private final byte[] in;
  private final String valuesMember;
  private int at;
  private String tableName;
  private Map<String, AttributeValue> values;
  private String conditionExpression;
  private String conditionalOperator;
  private String returnValues;
  private String returnConsumedCapacity;
  private String returnItemCollectionMetrics;
  private String returnValuesOnConditionCheckFailure;
  private boolean repeated;

  private PlainWrite(byte[] in, String valuesMember) {
    this.in = in;
    this.valuesMember = valuesMember;
  }

  /**
   * The members of a plain document whose values are under {@code valuesMember} ({@code Item}
   * or {@code Key}), or null for any other document.
   */
  static Document read(byte[] body, String valuesMember) {
    PlainWrite reader = new PlainWrite(body, valuesMember);
    return reader.document() ? reader.members() : null;
  }

  /** The return options and condition of {@code document}, as {@link WriteOptions#read}. */
  static WriteOptions options(Document document) {
    return new WriteOptions(document.returnValues(), document.returnConsumedCapacity(),
        document.returnItemCollectionMetrics(), document.returnValuesOnConditionCheckFailure(),
        new ConditionParameters(document.conditionExpression(), null, null, null,
            document.conditionalOperator()));
  }

  private Document members() {
    return new Document(tableName, values, conditionExpression, conditionalOperator, returnValues,
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
    return at == in.length && tableName != null && values != null;
  }

  /** One top-level member, if it is one this reader takes and has not seen yet. */
  private boolean member() {
    String name = string();
    if (name == null || !colon()) {
      return false;
    }
    if (name.equals(valuesMember)) {
      if (values != null) {
        return false;
      }
      values = values();
      return values != null;
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

  /**
   * {@code {"name": {"S": "text"}, "other": {"N": "1"}, ...}} with at least one name, no name
   * twice and every number valid; or null.
   */
  private Map<String, AttributeValue> values() {
    if (!expect('{')) {
      return null;
    }
    Map<String, AttributeValue> read = new LinkedHashMap<>(8);
    do {
      skipSpace();
      String name = string();
      if (name == null || !colon() || !expect('{')) {
        return null;
      }
      skipSpace();
      String type = string();
      if (type == null || !colon()) {
        return null;
      }
      String text = string();
      skipSpace();
      if (text == null || !expect('}')) {
        return null;
      }
      AttributeValue value = value(type, text);
      if (value == null || read.put(name, value) != null) {
        return null;
      }
      skipSpace();
    } while (expect(','));
    return expect('}') ? read : null;
  }

  /** An S or N value as the tree path makes it; null for another type or a bad number. */
  private static AttributeValue value(String type, String text) {
    if (type.equals("S")) {
      return new AttributeValue.S(text);
    }
    if (!type.equals("N")) {
      return null;
    }
    try {
      return AttributeValue.N.parse(text);
    } catch (RuntimeException e) {
      // A bad number: the tree path reports it, at its place in DynamoDB's order.
      return null;
    }
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
    at = JsonBytes.skipSpace(in, at);
  }

  private boolean expect(char c) {
    if (at < in.length && in[at] == c) {
      at++;
      return true;
    }
    return false;
  }
}
