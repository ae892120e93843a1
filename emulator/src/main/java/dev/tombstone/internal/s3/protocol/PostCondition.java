package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.JsonStrings;
import java.util.Locale;
import java.util.Optional;

/**
 * One condition of a POST policy, as written in it. S3 prints a failed one in its refusal with
 * the policy's own spelling, a simple condition ({@code {"key": "a"}}) as the {@code eq} it means.
 */
sealed interface PostCondition {
  /** The condition as S3 prints it: {@code ["eq", "$key", "a"]}. */
  String printed();

  /**
   * {@code eq} or {@code starts-with}.
   *
   * @param operation as written, e.g. {@code StArTs-WiTh}
   * @param operand as written: {@code $} and the field's name
   */
  record Match(String operation, String operand, String value) implements PostCondition {
    boolean startsWith() {
      return operation.equalsIgnoreCase("starts-with");
    }

    /** The field named, lower-case; empty when the operand does not start with {@code $}. */
    Optional<String> field() {
      return operand.startsWith("$")
          ? Optional.of(operand.substring(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    @Override
    public String printed() {
      return "[" + quoted(operation) + ", " + quoted(operand) + ", " + quoted(value) + "]";
    }
  }

  /** {@code content-length-range} with its two bounds as written. */
  record LengthRange(String operation, Bound min, Bound max) implements PostCondition {
    @Override
    public String printed() {
      return "[" + quoted(operation) + ", " + min.printed() + ", " + max.printed() + "]";
    }
  }

  /**
   * A bound of a length range: an integer, or a string that S3 reads as one.
   *
   * @param quoted whether the policy wrote it as a string
   */
  record Bound(String text, boolean quoted) {
    String printed() {
      return quoted ? PostCondition.quoted(text) : text;
    }

    /** The bound's value; empty when the text is not a whole number. */
    Optional<Long> value() {
      try {
        return Optional.of(Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  private static String quoted(String text) {
    return JsonStrings.escape(text, new StringBuilder("\"")).append('"').toString();
  }
}
