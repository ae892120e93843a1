package dev.tombstone.internal.dynamodb.protocol;

/**
 * The JSON does not fit the operation's shape ({@code SerializationException}). Some of these
 * carry no message at all on the wire; {@code wireMessage} is then null.
 */
final class SerializationError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String wireMessage;

  SerializationError(String wireMessage) {
    super(wireMessage == null ? "SerializationException" : wireMessage, null, false, false);
    this.wireMessage = wireMessage;
  }

  String wireMessage() {
    return wireMessage;
  }
}
