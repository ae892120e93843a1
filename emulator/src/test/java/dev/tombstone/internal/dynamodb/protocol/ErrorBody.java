package dev.tombstone.internal.dynamodb.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The {@code __type} and message of a DynamoDB error body. */
record ErrorBody(String type, String message) {
  static ErrorBody parse(String body) {
    try {
      Json.Obj json = (Json.Obj) Json.parse(body.getBytes(StandardCharsets.UTF_8));
      String message = Members.string(json, "message");
      return new ErrorBody(
          Members.string(json, "__type"),
          message != null ? message : Members.string(json, "Message"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
