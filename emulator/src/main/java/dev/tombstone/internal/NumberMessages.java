package dev.tombstone.internal;

/**
 * DynamoDB's ValidationException texts for a number it cannot store.
 *
 * <p>Internal: text only, so that the store's number parser and the request decoders' reading
 * of the older validation layer give the same answers.
 */
public final class NumberMessages {
  /** Not a number at all; followed by {@code ": "} and the text, except for an empty one. */
  public static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";
  /** A magnitude of 1E+126 or more. */
  public static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  /** A magnitude below 1E-130. */
  public static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";

  private NumberMessages() {}
}
