package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.NestingLimit;
import dev.tombstone.internal.dynamodb.SetValidation;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * DynamoDB items in Ion, as the developer guide maps them for exports and imports: S is a
 * string, N a decimal, B a blob, BOOL a bool, NULL {@code null}, M a struct, L a list, and SS,
 * NS and BS lists annotated {@code $dynamodb_SS}, {@code $dynamodb_NS} and
 * {@code $dynamodb_BS}. An export line is {@code $ion_1_0 {Item:{...}}}. Reading takes an int
 * as a number too; a symbol, a float, a timestamp, a clob, a typed null or another annotation
 * has no DynamoDB type and is refused ({@link NotAnItem}).
 */
final class IonItems {
  static final String MARKER = "$ion_1_0 ";
  static final String SS = "$dynamodb_SS";
  static final String NS = "$dynamodb_NS";
  static final String BS = "$dynamodb_BS";
  static final String NOT_AN_ITEM = "The Ion value is not a struct {Item:{...}} of attributes";

  private IonItems() {}

  /** A value that cannot be read as an item, and why. */
  static final class NotAnItem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAnItem(String message) {
      super(message);
    }
  }

  /** One export line: {@code $ion_1_0 {Item:{...}}} and a line feed. */
  static String line(Item item) {
    StringBuilder out = new StringBuilder(MARKER).append("{Item:");
    struct(out, item.attributes());
    return out.append("}\n").toString();
  }

  /** Attributes as an Ion struct: {@code {id:"a",n:1.5}}. */
  static void struct(StringBuilder out, Map<String, AttributeValue> attributes) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      IonWriter.symbol(out, attribute.getKey());
      out.append(':');
      value(out, attribute.getValue());
    }
    out.append('}');
  }

  private static void value(StringBuilder out, AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      IonWriter.string(out, s.value());
    } else if (value instanceof AttributeValue.N n) {
      IonWriter.decimal(out, n.value());
    } else if (value instanceof AttributeValue.B b) {
      IonWriter.blob(out, b.value());
    } else if (value instanceof AttributeValue.Bool bool) {
      out.append(bool.value());
    } else if (value instanceof AttributeValue.Null) {
      out.append("null");
    } else if (value instanceof AttributeValue.SS ss) {
      out.append(SS).append("::[");
      joined(out, ss.values(), (o, s) -> IonWriter.string(o, s));
    } else if (value instanceof AttributeValue.NS ns) {
      out.append(NS).append("::[");
      joined(out, ns.values(), (o, n) -> IonWriter.decimal(o, n));
    } else if (value instanceof AttributeValue.BS bs) {
      out.append(BS).append("::[");
      joined(out, bs.values(), (o, b) -> IonWriter.blob(o, b));
    } else if (value instanceof AttributeValue.L l) {
      out.append('[');
      joined(out, l.values(), IonItems::value);
    } else if (value instanceof AttributeValue.M m) {
      struct(out, m.values());
    } else {
      throw new IllegalStateException("no Ion form for " + value);
    }
  }

  private static <T> void joined(StringBuilder out, Iterable<T> members,
      BiConsumer<StringBuilder, T> write) {
    boolean first = true;
    for (T member : members) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write.accept(out, member);
    }
    out.append(']');
  }

  /**
   * The item of a top-level {@code {Item:{...}}} struct; its other fields are not read.
   *
   * @throws NotAnItem when the value is no such struct or an attribute has no DynamoDB form
   */
  static Item item(IonValue document) {
    if (!(document instanceof IonValue.Struct struct)) {
      throw new NotAnItem(NOT_AN_ITEM);
    }
    IonValue attributes = null;
    for (IonValue.Field field : struct.fields()) {
      if (field.name().equals("Item")) {
        if (attributes != null) {
          throw new NotAnItem("The struct has two Item fields");
        }
        attributes = field.value();
      }
    }
    if (!(attributes instanceof IonValue.Struct item)) {
      throw new NotAnItem(NOT_AN_ITEM);
    }
    return Item.of(map(item, 1));
  }

  /**
   * A struct's fields as attribute values, as an item's attributes are read.
   *
   * @throws NotAnItem when a field has no DynamoDB form or a name appears twice
   */
  static Map<String, AttributeValue> attributes(IonValue.Struct struct) {
    return map(struct, 1);
  }

  private static Map<String, AttributeValue> map(IonValue.Struct struct, int depth) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (IonValue.Field field : struct.fields()) {
      if (values.put(field.name(), attribute(field.value(), depth)) != null) {
        throw new NotAnItem("The name " + field.name() + " appears twice in one struct");
      }
    }
    return values;
  }

  private static AttributeValue attribute(IonValue value, int depth) {
    if (depth > NestingLimit.MAX_LEVELS) {
      throw new NotAnItem(NestingLimit.EXCEEDED);
    }
    try {
      if (value instanceof IonValue.Str s) {
        return new AttributeValue.S(s.value());
      } else if (value instanceof IonValue.Decimal d) {
        return number(d.value());
      } else if (value instanceof IonValue.Blob b) {
        return new AttributeValue.B(b.value());
      } else if (value instanceof IonValue.Bool b) {
        return b.value() ? AttributeValue.Bool.TRUE : AttributeValue.Bool.FALSE;
      } else if (value instanceof IonValue.Null) {
        return AttributeValue.Null.INSTANCE;
      } else if (value instanceof IonValue.ListValue list) {
        List<AttributeValue> values = new ArrayList<>(list.values().size());
        for (IonValue element : list.values()) {
          values.add(attribute(element, depth + 1));
        }
        return new AttributeValue.L(values);
      } else if (value instanceof IonValue.Struct struct) {
        return new AttributeValue.M(map(struct, depth + 1));
      } else if (value instanceof IonValue.Annotated annotated) {
        return set(annotated);
      } else if (value instanceof IonValue.Symbol symbol) {
        throw new NotAnItem("The Ion symbol " + symbol.text()
            + " is no DynamoDB type: write a string in double quotes");
      }
      throw new NotAnItem("An Ion " + ((IonValue.Other) value).kind()
          + " is no DynamoDB type");
    } catch (DynamoDbError.Validation e) {
      throw new NotAnItem(e.getMessage());
    }
  }

  private static AttributeValue.N number(BigDecimal value) {
    return ValueLayer.OLDER.parse(value.toString());
  }

  private static AttributeValue set(IonValue.Annotated annotated) {
    String annotation = String.join("::", annotated.annotations());
    if (!(annotated.value() instanceof IonValue.ListValue list)
        || !List.of(SS, NS, BS).contains(annotation)) {
      throw new NotAnItem("The annotation " + annotation + ":: is no DynamoDB type: only "
          + SS + ", " + NS + " and " + BS + " on a list");
    }
    switch (annotation) {
      case SS -> {
        List<String> members = new ArrayList<>();
        list.values().forEach(v -> members.add(member(v, IonValue.Str.class, SS).value()));
        return SetValidation.stringSet(members);
      }
      case NS -> {
        List<String> members = new ArrayList<>();
        list.values().forEach(
            v -> members.add(member(v, IonValue.Decimal.class, NS).value().toString()));
        return SetValidation.numberSet(members);
      }
      default -> {
        List<Bytes> members = new ArrayList<>();
        list.values().forEach(v -> members.add(member(v, IonValue.Blob.class, BS).value()));
        return SetValidation.binarySet(members);
      }
    }
  }

  private static <T extends IonValue> T member(IonValue value, Class<T> type, String set) {
    if (!type.isInstance(value)) {
      throw new NotAnItem("A member of a " + set + " list is not " + switch (set) {
        case SS -> "a string";
        case NS -> "a decimal";
        default -> "a blob";
      });
    }
    return type.cast(value);
  }
}
