package dev.tombstone.internal.s3.protocol;

/**
 * IAM's wildcards: {@code *} any text, {@code ?} one character, all else literal. Matched
 * greedily with one backtrack point, so a pattern of many stars costs at most length times
 * length, never the exponential time a regular expression could take.
 */
final class Globs {
  private Globs() {}

  static boolean matches(String glob, String text) {
    int g = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
        g++;
        t++;
      } else if (g < glob.length() && glob.charAt(g) == '*') {
        star = g++;
        resume = t;
      } else if (star >= 0) {
        g = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }
}
