package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  private static final byte[] TABLE_NAME = ascii("TableName");
  private static final byte[] CONDITION_EXPRESSION = ascii("ConditionExpression");
  private static final byte[] CONDITIONAL_OPERATOR = ascii("ConditionalOperator");
  private static final byte[] RETURN_VALUES = ascii("ReturnValues");
  private static final byte[] RETURN_CONSUMED_CAPACITY = ascii("ReturnConsumedCapacity");
  private static final byte[] RETURN_ITEM_COLLECTION_METRICS =
      ascii("ReturnItemCollectionMetrics");
  private static final byte[] RETURN_VALUES_ON_CONDITION_CHECK_FAILURE =
      ascii("ReturnValuesOnConditionCheckFailure");
  private static final byte[] KEY = ascii("Key");
  private static final byte[] ITEM = ascii("Item");
  /** Names and option values, which requests repeat; never the values of attributes. */
  private static final RepeatedStrings REPEATED = new RepeatedStrings();

  private final byte[] in;
  private final byte[] valuesMember;
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

  private PlainWrite(byte[] in, byte[] valuesMember) {
    this.in = in;
    this.valuesMember = valuesMember;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The members of a plain document whose values are under {@code valuesMember} ({@code Item}
   * or {@code Key}), or null for any other document.
   */
  static Document read(byte[] body, String valuesMember) {
    PlainWrite reader = new PlainWrite(body, switch (valuesMember) {
      case "Key" -> KEY;
      case "Item" -> ITEM;
      default -> ascii(valuesMember);
    });
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

  /**
   * One top-level member, if it is one this reader takes and has not seen yet. Names are
   * compared as bytes where they stand: no string is made of them.
   */
  private boolean member() {
    int nameStart = at + 1;
    if (!skipString()) {
      return false;
    }
    int nameEnd = at - 1;
    if (!colon()) {
      return false;
    }
    if (named(nameStart, nameEnd, valuesMember)) {
      if (values != null) {
        return false;
      }
      values = values();
      return values != null;
    }
    String value = repeatedString();
    if (value == null) {
      return false;
    }
    if (named(nameStart, nameEnd, TABLE_NAME)) {
      tableName = once(tableName, value);
    } else if (named(nameStart, nameEnd, CONDITION_EXPRESSION)) {
      conditionExpression = once(conditionExpression, value);
    } else if (named(nameStart, nameEnd, CONDITIONAL_OPERATOR)) {
      conditionalOperator = once(conditionalOperator, value);
    } else if (named(nameStart, nameEnd, RETURN_VALUES)) {
      returnValues = once(returnValues, value);
    } else if (named(nameStart, nameEnd, RETURN_CONSUMED_CAPACITY)) {
      returnConsumedCapacity = once(returnConsumedCapacity, value);
    } else if (named(nameStart, nameEnd, RETURN_ITEM_COLLECTION_METRICS)) {
      returnItemCollectionMetrics = once(returnItemCollectionMetrics, value);
    } else if (named(nameStart, nameEnd, RETURN_VALUES_ON_CONDITION_CHECK_FAILURE)) {
      returnValuesOnConditionCheckFailure = once(returnValuesOnConditionCheckFailure, value);
    } else {
      return false;
    }
    return !repeated;
  }

  /** Whether {@code in[start, end)} is {@code name}. */
  private boolean named(int start, int end, byte[] name) {
    return Arrays.equals(in, start, end, name, 0, name.length);
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
    // A key of one attribute, the common case, becomes a map of one entry (which the request
    // keeps as it is); a hash map is made from the second attribute on.
    String firstName = null;
    AttributeValue firstValue = null;
    Map<String, AttributeValue> read = null;
    do {
      skipSpace();
      String name = repeatedString();
      if (name == null || !colon() || !expect('{')) {
        return null;
      }
      skipSpace();
      int typeStart = at + 1;
      if (!skipString()) {
        return null;
      }
      // S or N, one byte between the quotes; anything else is declined below.
      byte type = at - 1 - typeStart == 1 ? in[typeStart] : 0;
      if (!colon()) {
        return null;
      }
      String text = string();
      skipSpace();
      if (text == null || !expect('}')) {
        return null;
      }
      AttributeValue value = value(type, text);
      if (value == null) {
        return null;
      }
      if (firstName == null) {
        firstName = name;
        firstValue = value;
      } else {
        if (read == null) {
          read = new LinkedHashMap<>(8);
          read.put(firstName, firstValue);
        }
        if (read.put(name, value) != null) {
          return null;
        }
      }
      skipSpace();
    } while (expect(','));
    if (!expect('}')) {
      return null;
    }
    return read != null ? read : Map.of(firstName, firstValue);
  }

  /** An S or N value as the tree path makes it; null for another type or a bad number. */
  private static AttributeValue value(byte type, String text) {
    if (type == 'S') {
      return new AttributeValue.S(text);
    }
    if (type != 'N') {
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
    int start = at + 1;
    return skipString() ? new String(in, start, at - 1 - start, StandardCharsets.ISO_8859_1)
        : null;
  }

  /** {@link #string}, the kept instance when an earlier request had the same text. */
  private String repeatedString() {
    int start = at + 1;
    return skipString() ? REPEATED.of(in, start, at - 1) : null;
  }

  /**
   * Moves past the string starting here if it is printable ASCII with no escape; false (and
   * the position undefined) otherwise.
   */
  private boolean skipString() {
    if (!expect('"')) {
      return false;
    }
    while (at < in.length) {
      byte b = in[at];
      if (b == '"') {
        at++;
        return true;
      }
      if (b < 0x20 || b > 0x7E || b == '\\') {
        return false;
      }
      at++;
    }
    return false;
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
