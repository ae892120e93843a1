package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.DynamoDbJsonFuzzTest.quote;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.Blob;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.Flag;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.ListOf;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.MapOf;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.Member;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.Shape;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.Structure;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.Text;
import dev.tombstone.internal.dynamodb.protocol.RequestShapes.Time;
import java.util.List;

/**
 * Writes a syntactically valid JSON body for a request of the SDK's model from the fuzzer's
 * choices: which members appear (a required one mostly, an optional one now and then, one of a
 * union's), how many elements a list or map has, and for each value whether it is plausible
 * ({@link PlausibleValues}, an enum's values) or wrong: of another JSON type, null, empty, an
 * unknown enum, too long, or a string (for a number or a time, a number) the fuzzer makes. Out
 * of data, it writes the required members with their first plausible values.
 */
final class FuzzedBodies {
  /** Below this depth structures come out empty: AttributeValue nests without end. */
  private static final int MAX_DEPTH = 7;
  /** The element counts a list or map picks from, the first when out of data. */
  private static final int[] SIZES = {1, 2, 0, 3};
  /** The lengths of a string meant to be too long: past the model's usual maxima. */
  private static final int[] TOO_LONG = {256, 1025, 2049, 65_537};
  /** The sizes of a list or map meant to be too large: past the model's usual maxima. */
  private static final int[] TOO_MANY = {26, 51, 256};
  /** The values one body may hold, so lists too long inside lists too long stay small. */
  private static final int MAX_VALUES = 2_000;

  private final FuzzedDataProvider data;
  private final PlausibleValues values;
  private final StringBuilder out = new StringBuilder();
  private int valuesLeft = MAX_VALUES;

  private FuzzedBodies(FuzzedDataProvider data, PlausibleValues values) {
    this.data = data;
    this.values = values;
  }

  /** A body for {@code request}, an SDK request class such as {@code UpdateTableRequest}. */
  static String write(FuzzedDataProvider data, PlausibleValues values, Class<?> request) {
    FuzzedBodies bodies = new FuzzedBodies(data, values);
    bodies.structure(request, 0);
    return bodies.out.toString();
  }

  private void structure(Class<?> model, int depth) {
    out.append('{');
    boolean first = true;
    if (depth < MAX_DEPTH) {
      List<Member> members = RequestShapes.members(model);
      // A union mostly carries one member, as it should; otherwise any number, as structures.
      int only = RequestShapes.union(model) && data.consumeInt(0, 15) != 15
          ? data.consumeInt(0, members.size() - 1) : -1;
      for (int i = 0; i < members.size(); i++) {
        Member member = members.get(i);
        // A required member stays unless the fuzzer drops it; an optional one joins one time
        // in four. Exhausted data gives 0: the required members only.
        boolean present = only >= 0 ? i == only
            : member.required() ? data.consumeInt(0, 7) != 7 : data.consumeInt(0, 3) == 3;
        if (present) {
          first = separate(first);
          out.append(quote(member.name())).append(':');
          value(model, member.name(), member.shape(), depth + 1);
        }
      }
      if (data.consumeInt(0, 31) == 31) {
        // A member the model does not have, which DynamoDB ignores.
        separate(first);
        out.append("\"NotAMember\":1");
      }
    }
    out.append('}');
  }

  private boolean separate(boolean first) {
    if (!first) {
      out.append(',');
    }
    return false;
  }

  /**
   * A value of {@code shape} for the member {@code name}, one time in sixteen a wrong one: a
   * request of twenty values then still has a fair chance to be all plausible.
   */
  private void value(Class<?> owner, String name, Shape shape, int depth) {
    valuesLeft--;
    if (data.consumeInt(0, 15) == 15) {
      wrong(owner, name, shape, depth);
    } else {
      plausible(owner, name, shape, depth);
    }
  }

  /** A plausible value for the member {@code name} of the model class {@code owner}. */
  private void plausible(Class<?> owner, String name, Shape shape, int depth) {
    if (shape instanceof Text text) {
      out.append(quote(text.enumValues().isEmpty() ? pick(values.texts(owner, name))
          : pick(text.enumValues())));
    } else if (shape instanceof RequestShapes.Number) {
      out.append(pick(PlausibleValues.numbers(name)));
    } else if (shape instanceof Flag) {
      out.append(data.consumeBoolean() ? "false" : "true"); // true when out of data
    } else if (shape instanceof Time) {
      out.append(pick(PlausibleValues.times()));
    } else if (shape instanceof Blob) {
      out.append(quote(pick(List.of("AAEC", "", "!!", "AA=="))));
    } else if (shape instanceof ListOf list) {
      elements(owner, name, list.element(), SIZES[data.consumeInt(0, SIZES.length - 1)],
          depth);
    } else if (shape instanceof MapOf map) {
      entries(owner, name, map.value(), SIZES[data.consumeInt(0, SIZES.length - 1)], depth);
    } else if (shape instanceof Structure structure) {
      structure(structure.model(), depth);
    }
  }

  private void elements(Class<?> owner, String name, Shape element, int count, int depth) {
    out.append('[');
    for (int i = 0; i < count && valuesLeft > 0; i++) {
      separate(i == 0);
      value(owner, name, element, depth + 1);
    }
    out.append(']');
  }

  private void entries(Class<?> owner, String name, Shape value, int count, int depth) {
    out.append('{');
    List<String> keys = PlausibleValues.mapKeys(name);
    for (int i = 0; i < count && valuesLeft > 0; i++) {
      separate(i == 0);
      // The i-th key first, so a map out of data still has distinct keys; past the list's
      // end numbered, so a map too large is one.
      String key = keys.get((i + data.consumeInt(0, keys.size() - 1)) % keys.size());
      out.append(quote(i < keys.size() ? key : key + i)).append(':');
      value(owner, name, value, depth + 1);
    }
    out.append('}');
  }

  private void wrong(Class<?> owner, String name, Shape shape, int depth) {
    switch (data.consumeInt(0, 5)) {
      case 0 -> out.append(otherType(shape));
      case 1 -> out.append("null");
      case 2 -> out.append(shape instanceof ListOf ? "[]"
          : shape instanceof MapOf || shape instanceof Structure ? "{}"
          : shape instanceof Text ? "\"\"" : "0");
      case 3 -> out.append(shape instanceof Text ? "\"NOT_A_VALUE\""
          : pick(List.of("1e400", "-0.5", "9223372036854775808", "1E+2147483647", "-1e-400")));
      case 4 -> tooLong(owner, name, shape, depth);
      default -> out.append(shape instanceof RequestShapes.Number || shape instanceof Time
          ? fuzzedNumber() : quote(data.consumeString(40)));
    }
  }

  /** A JSON number of the fuzzer's digits, fraction and exponent, e.g. -12.5E+999999. */
  private String fuzzedNumber() {
    StringBuilder number = new StringBuilder(Long.toString(data.consumeLong()));
    if (data.consumeBoolean()) {
      number.append('.').append(data.consumeInt(0, Integer.MAX_VALUE));
    }
    if (data.consumeBoolean()) {
      number.append('E').append(data.consumeInt());
    }
    return number.toString();
  }

  private static String otherType(Shape shape) {
    if (shape instanceof Text || shape instanceof Blob) {
      return "1";
    }
    if (shape instanceof ListOf) {
      return "{\"a\":1}";
    }
    if (shape instanceof MapOf || shape instanceof Structure) {
      return "[{}]";
    }
    if (shape instanceof Time) {
      return "\"2026-01-01T00:00:00Z\"";
    }
    return "\"1\"";
  }

  private void tooLong(Class<?> owner, String name, Shape shape, int depth) {
    if (shape instanceof ListOf list) {
      elements(owner, name, list.element(), TOO_MANY[data.consumeInt(0, TOO_MANY.length - 1)],
          depth);
    } else if (shape instanceof MapOf map) {
      entries(owner, name, map.value(), TOO_MANY[data.consumeInt(0, TOO_MANY.length - 1)],
          depth);
    } else if (shape instanceof RequestShapes.Number) {
      out.append("1".repeat(TOO_LONG[data.consumeInt(0, 1)]));
    } else {
      out.append(quote("a".repeat(TOO_LONG[data.consumeInt(0, TOO_LONG.length - 1)])));
    }
  }

  private String pick(List<String> choices) {
    return choices.get(data.consumeInt(0, choices.size() - 1));
  }
}
