package dev.tombstone.internal;

/** Text made safe inside a JSON string: quotes, backslashes and control characters escaped. */
public final class JsonStrings {
  private JsonStrings() {}

  /** Appends {@code text} to {@code out}, escaped, without the surrounding quotes. */
  public static StringBuilder escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out;
  }
}
