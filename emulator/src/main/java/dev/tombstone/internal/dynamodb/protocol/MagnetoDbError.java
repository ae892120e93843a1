package dev.tombstone.internal.dynamodb.protocol;

/**
 * A MagnetoDB fault: the HTTP status, the exception class name MagnetoDB put in {@code
 * error.type}, and the message.
 */
final class MagnetoDbError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String type;

  MagnetoDbError(int status, String type, String message) {
    // Faults are expected answers to bad requests, so no stack trace is captured.
    super(message, null, false, false);
    this.status = status;
    this.type = type;
  }

  static MagnetoDbError validation(String message) {
    return new MagnetoDbError(400, "ValidationError", message);
  }

  static MagnetoDbError tableNotExists(String table) {
    return new MagnetoDbError(404, "TableNotExistsException",
        "Table '" + table + "' does not exist");
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }
}
