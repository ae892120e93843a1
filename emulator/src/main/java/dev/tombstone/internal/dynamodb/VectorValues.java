package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.AttributeValue;
import java.util.List;

/**
 * Reads a vector: a list ({@code L}) of numbers ({@code N}), each taken at 32-bit float
 * precision, as vector indexes store them. Internal.
 */
public final class VectorValues {
  private VectorValues() {}

  /**
   * The vector {@code value} holds, or null when it is not a list of {@code dimensions} finite
   * numbers (such an item is left out of the index).
   */
  public static float[] read(AttributeValue value, int dimensions) {
    if (!(value instanceof AttributeValue.L list) || list.values().size() != dimensions) {
      return null;
    }
    return numbers(list.values());
  }

  /** The numbers of {@code values} as floats, or null when one is no finite float number. */
  public static float[] numbers(List<AttributeValue> values) {
    float[] vector = new float[values.size()];
    for (int i = 0; i < vector.length; i++) {
      if (!(values.get(i) instanceof AttributeValue.N n)) {
        return null;
      }
      float f = n.value().floatValue();
      if (!Float.isFinite(f)) {
        return null;
      }
      vector[i] = f;
    }
    return vector;
  }
}
