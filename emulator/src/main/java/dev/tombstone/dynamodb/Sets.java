package dev.tombstone.dynamodb;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

final class Sets {
  private Sets() {}

  static <T> Set<T> copyNonEmpty(Set<T> values, String type) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a DynamoDB " + type + " must not be empty");
    }
    for (T value : values) {
      if (value == null) {
        throw new NullPointerException("a DynamoDB " + type + " must not contain null");
      }
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }
}
