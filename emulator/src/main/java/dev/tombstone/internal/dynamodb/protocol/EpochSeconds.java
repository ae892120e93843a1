package dev.tombstone.internal.dynamodb.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * A timestamp member's value, epoch seconds as a JSON number (fractions and exponents allowed),
 * read to the millisecond, truncated toward zero, without ever writing the number out: the
 * exponent of {@code 1E+30000000} would take BigDecimal most of a minute to expand, and a
 * number of a million digits several seconds to parse. Only the digits that reach the
 * millisecond are read. A number whose milliseconds a long cannot hold (beyond about 292
 * million years either side of 1970) is no instant.
 *
 * <pre>{@code
 * EpochSeconds.parse("1767225600.5");   // Optional[2026-01-01T00:00:00.500Z]
 * EpochSeconds.parse("1E+30000000");    // Optional.empty: no instant that far
 * }</pre>
 */
final class EpochSeconds {
  /** The largest magnitude a long's milliseconds hold, in seconds. */
  private static final BigDecimal MAX_SECONDS =
      BigDecimal.valueOf(Long.MAX_VALUE).movePointLeft(3);
  /** Integer digits of {@link #MAX_SECONDS}: a number with more is out of range. */
  private static final int MAX_INTEGER_DIGITS = 16;
  /** Those digits, the three of the milliseconds and one to spare: all that matters. */
  private static final int SIGNIFICANT_DIGITS = MAX_INTEGER_DIGITS + 3 + 1;
  /** Exponents beyond this are as good as infinite: no body holds that many digits. */
  private static final long HUGE_EXPONENT = 1_000_000_000_000L;

  private EpochSeconds() {}

  /**
   * The instant {@code number} names, or empty when it is out of range.
   *
   * @param number the text of a JSON number, as the request held it
   */
  static Optional<Instant> parse(String number) {
    boolean negative = number.startsWith("-");
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    String mantissa = number.substring(negative ? 1 : 0, e < 0 ? number.length() : e);
    long exponent = e < 0 ? 0 : exponent(number.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String fraction = dot < 0 ? "" : mantissa.substring(dot + 1);
    String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + fraction;
    int first = leadingZeros(digits);
    if (first == digits.length()) {
      return Optional.of(Instant.EPOCH);
    }
    String significant = digits.substring(first);
    // The value is 0.<significant> times ten to this: the count of its integer digits.
    long integerDigits = significant.length() + exponent - fraction.length();
    if (integerDigits > MAX_INTEGER_DIGITS) {
      return Optional.empty();
    }
    if (integerDigits < -3) {
      // Under a millisecond either side of 1970.
      return Optional.of(Instant.EPOCH);
    }
    // Digits past these lie below the millisecond, which truncation drops anyway.
    String kept = significant.substring(0, Math.min(significant.length(), SIGNIFICANT_DIGITS));
    BigDecimal seconds =
        new BigDecimal(new BigInteger(kept), (int) (kept.length() - integerDigits));
    if (seconds.compareTo(MAX_SECONDS) > 0) {
      return Optional.empty();
    }
    long millis = seconds.movePointRight(3).longValue();
    return Optional.of(Instant.ofEpochMilli(negative ? -millis : millis));
  }

  /** An exponent's text as a long, clamped to {@link #HUGE_EXPONENT} either way. */
  private static long exponent(String text) {
    boolean negative = text.startsWith("-");
    String digits = text.substring(negative || text.startsWith("+") ? 1 : 0);
    digits = digits.substring(leadingZeros(digits));
    long magnitude = digits.isEmpty() ? 0 : digits.length() > 12 ? HUGE_EXPONENT
        : Math.min(Long.parseLong(digits), HUGE_EXPONENT);
    return negative ? -magnitude : magnitude;
  }

  private static int leadingZeros(String digits) {
    int zeros = 0;
    while (zeros < digits.length() && digits.charAt(zeros) == '0') {
      zeros++;
    }
    return zeros;
  }
}
