package dev.tombstone.s3;

import java.util.Comparator;

/**
 * Orders keys as S3 does, by their UTF-8 bytes. Comparing code points gives the same order;
 * {@link String#compareTo} would not, since it compares UTF-16 units and puts supplementary
 * characters before U+E000..U+FFFF.
 */
final class Utf8Order implements Comparator<String> {
  static final Utf8Order INSTANCE = new Utf8Order();

  private Utf8Order() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
