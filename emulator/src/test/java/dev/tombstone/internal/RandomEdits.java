package dev.tombstone.internal;

import java.util.Random;
import java.util.function.IntSupplier;

/** Random one-byte edits of a document, for tests that hold a fast reader to a full parser. */
public final class RandomEdits {
  private RandomEdits() {}

  /**
   * {@code document} with one byte inserted, removed or replaced at a random place; {@code pick}
   * gives the byte to insert or write. An empty document gets an insertion. A replacement
   * changes {@code document} itself.
   */
  public static byte[] edit(byte[] document, Random random, IntSupplier pick) {
    int at = document.length == 0 ? 0 : random.nextInt(document.length);
    byte b = (byte) pick.getAsInt();
    int kind = document.length == 0 ? 0 : random.nextInt(3);
    return switch (kind) {
      case 0 -> {
        byte[] longer = new byte[document.length + 1];
        System.arraycopy(document, 0, longer, 0, at);
        longer[at] = b;
        System.arraycopy(document, at, longer, at + 1, document.length - at);
        yield longer;
      }
      case 1 -> {
        byte[] shorter = new byte[document.length - 1];
        System.arraycopy(document, 0, shorter, 0, at);
        System.arraycopy(document, at + 1, shorter, at, document.length - at - 1);
        yield shorter;
      }
      default -> {
        document[at] = b;
        yield document;
      }
    };
  }
}
