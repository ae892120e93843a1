package dev.tombstone.internal;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes, unsigned, as DynamoDB and S3 do, without encoding them.
 * Internal: shared by the DynamoDB and S3 domains.
 */
public final class Utf8Order {
  /** {@link #compare} as a comparator, e.g. for sorted maps of S3 keys. */
  public static final Comparator<String> COMPARATOR = Utf8Order::compare;

  private Utf8Order() {}

  /**
   * Compares by code point, which equals unsigned UTF-8 byte order. {@link String#compareTo}
   * compares UTF-16 units instead and puts U+FF61 after U+1F600.
   */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (ca == cb) {
        i++;
        j++;
        continue;
      }
      int pa = a.codePointAt(i);
      int pb = b.codePointAt(j);
      if (pa != pb) {
        return Integer.compare(pa, pb);
      }
      i += Character.charCount(pa);
      j += Character.charCount(pb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
