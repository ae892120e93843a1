package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.SetValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the value expressions of a statement into attribute values, parameters bound. */
final class ValueBinder {
  // AWS's texts (recorded against DynamoDB in other emulators' tests; DynamoDB Local's too).
  static final String EMPTY_SET = "Empty bags are not supported";
  static final String SET_TYPE =
      "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";

  private ValueBinder() {}

  /** Whether {@code expr} is a value (literal, parameter or collection) rather than a path. */
  static boolean isValue(Expr expr) {
    return expr instanceof Expr.Literal || expr instanceof Expr.Parameter
        || expr instanceof Expr.Struct || expr instanceof Expr.ListOf
        || expr instanceof Expr.SetOf;
  }

  static AttributeValue bind(Expr expr, List<AttributeValue> parameters) {
    if (expr instanceof Expr.Literal literal) {
      return literal.value();
    }
    if (expr instanceof Expr.Parameter parameter) {
      return parameters.get(parameter.index());
    }
    if (expr instanceof Expr.Struct struct) {
      Map<String, AttributeValue> values = new LinkedHashMap<>();
      // LiteralCheck has refused a key twice.
      for (Expr.Entry entry : struct.entries()) {
        values.put(entry.key(), bind(entry.value(), parameters));
      }
      return new AttributeValue.M(values);
    }
    if (expr instanceof Expr.ListOf list) {
      List<AttributeValue> values = new ArrayList<>();
      for (Expr element : list.elements()) {
        values.add(bind(element, parameters));
      }
      return new AttributeValue.L(values);
    }
    if (expr instanceof Expr.SetOf set) {
      return set(set, parameters);
    }
    throw new IllegalArgumentException("not a value: " + expr);
  }

  /**
   * A set from its members: strings, numbers or (from parameters only) binaries, with
   * DynamoDB's texts for duplicates. {@link LiteralCheck} has refused what it can see in the
   * statement, with positions; what parameters bring is refused here, without.
   */
  private static AttributeValue set(Expr.SetOf set, List<AttributeValue> parameters) {
    List<AttributeValue> members = new ArrayList<>();
    for (Expr element : set.elements()) {
      members.add(bind(element, parameters));
    }
    if (members.isEmpty()) {
      throw new DynamoDbError.Validation(EMPTY_SET);
    }
    AttributeValue first = members.get(0);
    if (first instanceof AttributeValue.S) {
      List<String> values = new ArrayList<>();
      for (AttributeValue v : members) {
        values.add(member(v, AttributeValue.S.class).value());
      }
      return SetValidation.stringSet(values);
    }
    if (first instanceof AttributeValue.N) {
      List<String> texts = new ArrayList<>();
      for (AttributeValue v : members) {
        texts.add(member(v, AttributeValue.N.class).text());
      }
      return SetValidation.numberSet(texts);
    }
    if (first instanceof AttributeValue.B) {
      List<Bytes> values = new ArrayList<>();
      for (AttributeValue v : members) {
        values.add(member(v, AttributeValue.B.class).value());
      }
      return SetValidation.binarySet(values);
    }
    throw new DynamoDbError.Validation(SET_TYPE);
  }

  private static <T extends AttributeValue> T member(AttributeValue value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new DynamoDbError.Validation(SET_TYPE);
    }
    return type.cast(value);
  }
}
