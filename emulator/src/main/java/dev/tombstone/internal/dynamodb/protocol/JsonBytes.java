package dev.tombstone.internal.dynamodb.protocol;

/** The whitespace rule shared by the two readers of JSON request bodies. */
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
}
