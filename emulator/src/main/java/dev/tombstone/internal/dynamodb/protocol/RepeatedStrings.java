package dev.tombstone.internal.dynamodb.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The strings that DynamoDB requests repeat from one to the next (table and attribute names,
 * condition expressions, option values), each kept once: a request that names one again gets
 * the same instance, so it allocates no string for it and the hash of the lookups that follow
 * is already computed. A small direct-mapped table shared by every thread; a race between two
 * writers of one slot only makes a later lookup miss, since strings are immutable.
 */
final class RepeatedStrings {
  private static final int SLOTS = 256;
  /** Longer strings are made anew each time: comparing them would cost what it saves. */
  private static final int MAX_LENGTH = 128;

  private final String[] slots = new String[SLOTS];

  /** The ISO-8859-1 text of {@code in[start, end)}: the kept instance when there is one. */
  String of(byte[] in, int start, int end) {
    int length = end - start;
    if (length > MAX_LENGTH) {
      return new String(in, start, length, StandardCharsets.ISO_8859_1);
    }
    int slot = length == 0 ? 0
        : (length * 31 + in[start] * 17 + in[end - 1] * 7 + in[start + length / 2]) & (SLOTS - 1);
    String kept = slots[slot];
    if (kept != null && sameText(kept, in, start, length)) {
      return kept;
    }
    String made = new String(in, start, length, StandardCharsets.ISO_8859_1);
    slots[slot] = made;
    return made;
  }

  private static boolean sameText(String text, byte[] in, int start, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != (char) (in[start + i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
