package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Bytes;
import dev.tombstone.dynamodb.DynamoDbError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds set values from request data, failing with DynamoDB's exact messages for empty sets,
 * duplicates and invalid members. Internal: the decoders of every dialect build sets here.
 */
public final class SetValidation {
  private SetValidation() {}

  /** A string set from request members. */
  public static AttributeValue.SS stringSet(List<String> values) {
    if (values.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("An string set  may not be empty");
    }
    Set<String> set = new LinkedHashSet<>(values);
    if (set.size() != values.size()) {
      throw DynamoDbError.Validation.invalidParameters(
          "Input collection " + render(values) + " contains duplicates.");
    }
    return new AttributeValue.SS(set);
  }

  /** A number set from the numbers' texts, read as PutItem reads them. */
  public static AttributeValue.NS numberSet(List<String> texts) {
    return numberSet(texts, NumberReading.CURRENT);
  }

  /** A number set from the numbers' texts, read as {@code reading} reads them. */
  public static AttributeValue.NS numberSet(List<String> texts, NumberReading reading) {
    if (texts.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("An number set  may not be empty");
    }
    List<BigDecimal> numbers = new ArrayList<>(texts.size());
    for (String text : texts) {
      numbers.add(reading.parse(text).value());
    }
    Set<BigDecimal> set = new LinkedHashSet<>(numbers);
    if (set.size() != numbers.size()) {
      throw new DynamoDbError.Validation("Input collection contains duplicates");
    }
    return new AttributeValue.NS(set);
  }

  /** A binary set from request members. */
  public static AttributeValue.BS binarySet(List<Bytes> values) {
    if (values.isEmpty()) {
      throw DynamoDbError.Validation.invalidParameters("Binary sets should not be empty");
    }
    Set<Bytes> set = new LinkedHashSet<>(values);
    if (set.size() != values.size()) {
      throw DynamoDbError.Validation.invalidParameters(
          "Input collection " + render(values) + "of type BS contains duplicates.");
    }
    return new AttributeValue.BS(set);
  }

  private static String render(List<?> values) {
    return values.toString();
  }
}
