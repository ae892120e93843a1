package dev.tombstone.junit;

/** An error a service answered a provisioning request with: its code and message. */
final class ServiceRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  ServiceRefusal(String code, String message) {
    super(message);
    this.code = code;
  }

  /** The error code, e.g. {@code ValidationException}. */
  String code() {
    return code;
  }
}
