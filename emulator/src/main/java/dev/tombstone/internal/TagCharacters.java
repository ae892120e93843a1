package dev.tombstone.internal;

import java.util.regex.Pattern;

/**
 * The characters AWS allows in tag keys and values, {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}:
 * letters, spaces and digits of any script and {@code _ . : / = + - @}. Internal: shared by the
 * S3 domain (tag sets) and its protocol (the {@code x-amz-tagging} header), and by DynamoDB's
 * table tags ({@link TableTagRules}).
 */
public final class TagCharacters {
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private TagCharacters() {}

  /** Whether {@code text} is made only of tag characters (the empty text is). */
  public static boolean allowed(String text) {
    return ALLOWED.matcher(text).matches();
  }
}
