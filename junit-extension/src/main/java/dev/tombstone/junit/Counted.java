package dev.tombstone.junit;

/** A count with its noun in assertion messages: "1 item", "2 items", "0 versions". */
final class Counted {
  private Counted() {}

  static String of(int count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }
}
