package dev.tombstone.internal.dynamodb.expression;

import dev.tombstone.dynamodb.AttributeValue;

/** Shorthands for test data. */
final class TestValues {
  private TestValues() {}

  /** A binary value from unsigned byte values, e.g. {@code b(0x01, 0xff)}. */
  static AttributeValue b(int... unsigned) {
    byte[] bytes = new byte[unsigned.length];
    for (int i = 0; i < unsigned.length; i++) {
      bytes[i] = (byte) unsigned[i];
    }
    return AttributeValue.b(bytes);
  }
}
