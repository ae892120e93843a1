package dev.tombstone.internal.dynamodb.protocol;

/** Byte-level steps shared by the two readers of JSON request bodies. */
final class JsonBytes {
  private JsonBytes() {}

  /** The index of the first byte at or after {@code at} that is not JSON whitespace. */
  static int skipSpace(byte[] in, int at) {
    while (at < in.length) {
      byte b = in[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return at;
      }
      at++;
    }
    return at;
  }

  /** Whether the byte at {@code at} is {@code c}. */
  static boolean isAt(byte[] in, int at, char c) {
    return at < in.length && in[at] == c;
  }
}
