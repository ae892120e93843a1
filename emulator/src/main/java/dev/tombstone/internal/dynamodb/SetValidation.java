package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.Utf8Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Builds set values from request data, failing with DynamoDB's exact messages for empty sets,
 * duplicates and invalid members. Internal: the decoders of every dialect build sets here.
 */
public final class SetValidation {
  private SetValidation() {}

  /** A string set from request members, in the older layer's wording. */
  public static AttributeValue.SS stringSet(List<String> values) {
    return stringSet(values, ValueLayer.OLDER);
  }

  /** A string set from request members. */
  public static AttributeValue.SS stringSet(List<String> values, ValueLayer layer) {
    if (values.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("An string set  may not be empty");
    }
    Set<String> set = new LinkedHashSet<>(values);
    if (set.size() != values.size()) {
      String members = layer == ValueLayer.CURRENT
          ? quoted(values, Utf8Order.COMPARATOR, ", ") : render(values);
      throw DynamoDbError.Validation.invalidParameters(
          "Input collection " + members + " contains duplicates.");
    }
    return new AttributeValue.SS(set);
  }

  /** A number set from the numbers' texts, in the older layer's wording. */
  public static AttributeValue.NS numberSet(List<String> texts) {
    return numberSet(texts, ValueLayer.OLDER);
  }

  /** A number set from the numbers' texts. */
  public static AttributeValue.NS numberSet(List<String> texts, ValueLayer layer) {
    if (texts.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("An number set  may not be empty");
    }
    List<BigDecimal> numbers = new ArrayList<>(texts.size());
    for (String text : texts) {
      numbers.add(layer.parse(text).value());
    }
    Set<BigDecimal> set = new LinkedHashSet<>(numbers);
    if (set.size() != numbers.size()) {
      throw layer == ValueLayer.CURRENT
          ? DynamoDbError.Validation.invalidParameters("Input collection contains duplicates.")
          : new DynamoDbError.Validation("Input collection contains duplicates");
    }
    return new AttributeValue.NS(set);
  }

  /** A binary set from request members, in the older layer's wording. */
  public static AttributeValue.BS binarySet(List<Bytes> values) {
    return binarySet(values, ValueLayer.OLDER);
  }

  /** A binary set from request members. */
  public static AttributeValue.BS binarySet(List<Bytes> values, ValueLayer layer) {
    if (values.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("Binary sets should not be empty");
    }
    Set<Bytes> set = new LinkedHashSet<>(values);
    if (set.size() != values.size()) {
      String members = layer == ValueLayer.CURRENT
          ? quoted(values, Comparator.naturalOrder(), ",") : render(values);
      throw DynamoDbError.Validation.invalidParameters(
          "Input collection " + members + "of type BS contains duplicates.");
    }
    return new AttributeValue.BS(set);
  }

  private static String render(List<?> values) {
    return values.toString();
  }

  /**
   * The current layer's rendering: the members up to the first repeat in byte order, then the
   * repeat, then the rest as sent, each quoted. SS {@code b, a, b} is {@code ["a", "b", "b"]}.
   */
  private static <T> String quoted(List<T> values, Comparator<? super T> order, String separator) {
    TreeSet<T> seen = new TreeSet<>(order);
    int repeat = 0;
    while (seen.add(values.get(repeat))) {
      repeat++;
    }
    List<T> members = new ArrayList<>(seen);
    members.addAll(values.subList(repeat, values.size()));
    StringJoiner joined = new StringJoiner(separator, "[", "]");
    for (T member : members) {
      joined.add("\"" + member + "\"");
    }
    return joined.toString();
  }
}
