package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the value expressions of a statement into attribute values, parameters bound. */
final class ValueBinder {
  static final String DUPLICATE_KEY = "Duplicate keys in tuple. Key: %s under root";
  static final String BAD_SET =
      "Set must contain elements of one type, string, number or binary, and must not be empty";

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
      for (Expr.Entry entry : struct.entries()) {
        if (values.put(entry.key(), bind(entry.value(), parameters)) != null) {
          throw new DynamoDbError.Validation(String.format(DUPLICATE_KEY, entry.key()));
        }
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

  private static AttributeValue set(Expr.SetOf set, List<AttributeValue> parameters) {
    List<AttributeValue> elements = new ArrayList<>();
    for (Expr element : set.elements()) {
      elements.add(bind(element, parameters));
    }
    if (elements.isEmpty()) {
      throw new DynamoDbError.Validation(BAD_SET);
    }
    AttributeValue first = elements.get(0);
    if (first instanceof AttributeValue.S) {
      Set<String> values = new LinkedHashSet<>();
      for (AttributeValue v : elements) {
        if (!(v instanceof AttributeValue.S s)) {
          throw new DynamoDbError.Validation(BAD_SET);
        }
        values.add(s.value());
      }
      return new AttributeValue.SS(values);
    }
    if (first instanceof AttributeValue.N) {
      Set<BigDecimal> values = new LinkedHashSet<>();
      for (AttributeValue v : elements) {
        if (!(v instanceof AttributeValue.N n)) {
          throw new DynamoDbError.Validation(BAD_SET);
        }
        values.add(n.value());
      }
      return new AttributeValue.NS(values);
    }
    if (first instanceof AttributeValue.B) {
      Set<Bytes> values = new LinkedHashSet<>();
      for (AttributeValue v : elements) {
        if (!(v instanceof AttributeValue.B b)) {
          throw new DynamoDbError.Validation(BAD_SET);
        }
        values.add(b.value());
      }
      return new AttributeValue.BS(values);
    }
    throw new DynamoDbError.Validation(BAD_SET);
  }
}
