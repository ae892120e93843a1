package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Bytes;
import java.math.BigDecimal;
import java.util.List;

/**
 * One value of Ion text as {@link IonReader} reads it: the types a DynamoDB item can be written
 * in, plus {@link Other} for the valid Ion a DynamoDB item has no type for (floats, timestamps,
 * clobs, typed nulls), so that the reader accepts the text and the item mapping refuses the value.
 */
sealed interface IonValue {

  /** {@code null} or {@code null.null}. */
  record Null() implements IonValue {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements IonValue {}

  /**
   * An int ({@code 7}, {@code 0x1F}, {@code 1_000}) or a decimal ({@code 7.}, {@code 1.5},
   * {@code 6d2}), exactly.
   */
  record Decimal(BigDecimal value) implements IonValue {}

  /** A string, short ({@code "..."}) or long ({@code '''...'''}, its segments joined). */
  record Str(String value) implements IonValue {}

  /** A symbol: an identifier or a quoted {@code '...'} one. */
  record Symbol(String text) implements IonValue {}

  /** A blob: {@code {{ base64 }}}. */
  record Blob(Bytes value) implements IonValue {}

  /** A list: {@code [a, b]}. */
  record ListValue(List<IonValue> values) implements IonValue {
    public ListValue {
      values = List.copyOf(values);
    }
  }

  /** A struct: {@code {name: value}}, its fields in text order, repeated names kept. */
  record Struct(List<Field> fields) implements IonValue {
    public Struct {
      fields = List.copyOf(fields);
    }
  }

  /** A struct's field. */
  record Field(String name, IonValue value) {}

  /** A value with annotations: {@code $dynamodb_SS::[...]}. */
  record Annotated(List<String> annotations, IonValue value) implements IonValue {
    public Annotated {
      annotations = List.copyOf(annotations);
    }
  }

  /** Valid Ion of a type no DynamoDB attribute has, named by {@code kind} ("float", ...). */
  record Other(String kind) implements IonValue {}
}
