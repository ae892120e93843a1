package dev.tombstone.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds set values from request data, failing with DynamoDB's exact messages for empty sets,
 * duplicates and invalid members.
 */
public final class SetValidation {
  private static final String INVALID = "One or more parameter values were invalid: ";

  private SetValidation() {}

  public static AttributeValue.SS stringSet(List<String> values) {
    if (values.isEmpty()) {
      throw new DynamoDbError.Validation(INVALID + "An string set  may not be empty");
    }
    Set<String> set = new LinkedHashSet<>(values);
    if (set.size() != values.size()) {
      throw new DynamoDbError.Validation(
          INVALID + "Input collection " + render(values) + " contains duplicates.");
    }
    return new AttributeValue.SS(set);
  }

  public static AttributeValue.NS numberSet(List<String> texts) {
    if (texts.isEmpty()) {
      throw new DynamoDbError.Validation(INVALID + "An number set  may not be empty");
    }
    List<BigDecimal> numbers = new ArrayList<>(texts.size());
    for (String text : texts) {
      numbers.add(Numbers.parse(text));
    }
    Set<BigDecimal> set = new LinkedHashSet<>(numbers);
    if (set.size() != numbers.size()) {
      throw new DynamoDbError.Validation("Input collection contains duplicates");
    }
    return new AttributeValue.NS(set);
  }

  public static AttributeValue.BS binarySet(List<Bytes> values) {
    if (values.isEmpty()) {
      throw new DynamoDbError.Validation(INVALID + "Binary sets should not be empty");
    }
    Set<Bytes> set = new LinkedHashSet<>(values);
    if (set.size() != values.size()) {
      throw new DynamoDbError.Validation(
          INVALID + "Input collection " + render(values) + "of type BS contains duplicates.");
    }
    return new AttributeValue.BS(set);
  }

  private static String render(List<?> values) {
    return values.toString();
  }
}
