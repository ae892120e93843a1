package dev.tombstone.internal;

/**
 * What one pass over a DynamoDB number's text finds: its sign, the ASCII digits of its
 * significand (where the point falls, where the significant ones start and end) and what
 * follows them, with the exponent after an {@code e} read as a 64-bit integer.
 *
 * <pre>{@code
 * NumberText t = NumberText.of("-00120.50e3");
 * // signLength 1, digits 7, pointAt 5, first 2, last 5, tail EXPONENT, exponent 3
 * t.significand();  // "1205"
 * }</pre>
 *
 * <p>Internal: public only because the store's number parser (for long text and for text
 * BigDecimal refuses) and the request decoders' older validation layer both judge a number
 * from it.
 *
 * @param text the text scanned
 * @param signLength 1 after a leading {@code -} or {@code +}, else 0
 * @param digits how many ASCII digits the significand has; it ends at the first character that
 *     is neither such a digit nor its first point
 * @param pointAt how many of those digits stand before the point; {@code digits} without one
 * @param first the index, among those digits, of the first that is not 0; -1 when all are 0
 * @param last the index of the last digit that is not 0; -1 when all are 0
 * @param tail what follows the significand
 * @param exponent the exponent after the significand's {@code e}; 0 unless {@code tail} is
 *     {@link Tail#EXPONENT}
 */
public record NumberText(String text, int signLength, int digits, int pointAt, int first,
    int last, Tail tail, long exponent) {

  /** What follows a number's significand. */
  public enum Tail {
    /** Nothing: the significand runs to the end of the text. */
    NONE,
    /**
     * {@code e} or {@code E}, then the rest of the text as {@link Long#parseLong(String)} reads
     * it: an optional sign and decimal digits, within 64 bits.
     */
    EXPONENT,
    /** Anything else. */
    OTHER
  }

  /** The one pass over {@code text}. */
  public static NumberText of(String text) {
    int length = text.length();
    int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    int signLength = i;
    int digits = 0;
    int pointAt = -1;
    int first = -1;
    int last = -1;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          first = first < 0 ? digits : first;
          last = digits;
        }
        digits++;
      } else if (c == '.' && pointAt < 0) {
        pointAt = digits;
      } else {
        break;
      }
    }
    pointAt = pointAt < 0 ? digits : pointAt;
    Tail tail = i == length ? Tail.NONE : Tail.OTHER;
    long exponent = 0;
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      try {
        exponent = Long.parseLong(text, i + 1, length, 10);
        tail = Tail.EXPONENT;
      } catch (NumberFormatException notAnExponent) {
        // tail stays OTHER
      }
    }
    return new NumberText(text, signLength, digits, pointAt, first, last, tail, exponent);
  }

  /** Whether no digit of the significand is significant (a zero, or no digits at all). */
  public boolean isZero() {
    return first < 0;
  }

  /** How many digits run from the first significant one to the last; 0 for a zero. */
  public int significantDigits() {
    return first < 0 ? 0 : last - first + 1;
  }

  /** The digits from the first significant one to the last, without the point; "" for a zero. */
  public String significand() {
    if (first < 0) {
      return "";
    }
    String written = text.substring(position(first), position(last) + 1);
    return first < pointAt && last >= pointAt ? written.replace(".", "") : written;
  }

  /** Where the digit of index {@code digit} stands in the text. */
  private int position(int digit) {
    return signLength + digit + (digit >= pointAt ? 1 : 0);
  }
}
