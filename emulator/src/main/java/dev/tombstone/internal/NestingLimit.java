package dev.tombstone.internal;

/**
 * DynamoDB's limit of 32 levels of nested attribute values, and its answer past it.
 *
 * <p>Internal: text only, so that the HTTP dialects' value decoder (which refuses a too-deep
 * value in a request) and the store's UpdateItem (which refuses an update whose result is too
 * deep) give the same answer.
 */
public final class NestingLimit {
  /** The levels an attribute value may have; a top-level attribute's value is level 1. */
  public static final int MAX_LEVELS = 32;
  /**
   * DynamoDB's ValidationException message for a value nested deeper, in an item as in an
   * expression value (captured from AWS in nubo-db/dynoxide#110).
   */
  public static final String EXCEEDED = "Nesting Levels have exceeded supported limits:"
      + " Attributes in the item have nested levels beyond supported limit";

  private NestingLimit() {}
}
