package dev.tombstone.internal.dynamodb.protocol;

/**
 * An error DynamoDB reports with a code of its own that the store does not know, such as
 * PartiQL's {@code DuplicateItemException} for an INSERT of an existing key, or
 * {@code PolicyNotFoundException} of the resource-policy operations.
 */
final class StatementError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String DUPLICATE_ITEM = "DuplicateItemException";
  static final String DUPLICATE_MESSAGE = "Duplicate primary key exists in table";

  private final String code;

  StatementError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  static StatementError duplicateItem() {
    return new StatementError(DUPLICATE_ITEM, DUPLICATE_MESSAGE);
  }

  String code() {
    return code;
  }
}
