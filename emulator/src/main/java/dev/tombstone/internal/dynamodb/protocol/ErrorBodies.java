package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Error responses of the JSON dialects: {@code __type} with DynamoDB's prefixes. */
final class ErrorBodies {
  static final String SERVICE = "com.amazon.coral.service#";
  static final String VALIDATE = "com.amazon.coral.validate#";
  static final String DYNAMODB_2012 = "com.amazonaws.dynamodb.v20120810#";
  static final String DYNAMODB_2011 = "com.amazonaws.dynamodb.v20111205#";

  private ErrorBodies() {}

  static JsonResponse unknownOperation() {
    return typeOnly(SERVICE + "UnknownOperationException");
  }

  static JsonResponse serialization(String message) {
    if (message == null) {
      return typeOnly(SERVICE + "SerializationException");
    }
    return write(400, SERVICE + "SerializationException", "Message", message, null);
  }

  static JsonResponse internal() {
    return internal(DYNAMODB_2012);
  }

  static JsonResponse internal(String servicePrefix) {
    return write(500, servicePrefix + "InternalServerError", "message", "Internal server error",
        null);
  }

  static JsonResponse of(DynamoDbError error) {
    return of(error, DYNAMODB_2012);
  }

  /** Renders a domain error; {@code servicePrefix} differs between API versions. */
  static JsonResponse of(DynamoDbError error, String servicePrefix) {
    if (error instanceof DynamoDbError.Validation) {
      return write(400, VALIDATE + error.code(), "message", error.getMessage(), null);
    }
    if (error instanceof DynamoDbError.ConditionalCheckFailed failed) {
      return write(400, servicePrefix + error.code(), "message", error.getMessage(),
          out -> {
            if (failed.item().isPresent()) {
              out.item("Item", failed.item().get());
            }
          });
    }
    if (error instanceof DynamoDbError.TransactionCanceled canceled) {
      return write(400, servicePrefix + error.code(), "Message", error.getMessage(),
          out -> {
            JsonWriter json = out.json();
            json.writeArrayFieldStart("CancellationReasons");
            for (DynamoDbError.CancellationReason reason : canceled.reasons()) {
              json.writeStartObject();
              json.writeStringField("Code", reason.code());
              if (reason.message().isPresent()) {
                json.writeStringField("Message", reason.message().get());
              }
              if (reason.item().isPresent()) {
                out.item("Item", reason.item().get());
              }
              json.writeEndObject();
            }
            json.writeEndArray();
          });
    }
    // DynamoDB spells this error's message member with a capital M, as it does for a
    // cancelled transaction.
    String messageKey =
        error instanceof DynamoDbError.IdempotentParameterMismatch ? "Message" : "message";
    return write(400, servicePrefix + error.code(), messageKey, error.getMessage(), null);
  }

  /** A service error the domain has no type for, e.g. PartiQL's DuplicateItemException. */
  static JsonResponse service(String type, String message) {
    return write(400, type, "message", message, null);
  }

  private static JsonResponse typeOnly(String type) {
    return write(400, type, null, null, null);
  }

  interface Extra {
    void write(JsonOut out) throws IOException;
  }

  private static JsonResponse write(
      int status, String type, String messageKey, String message, Extra extra) {
    JsonOut out = new JsonOut();
    try {
      JsonWriter json = out.json();
      json.writeStartObject();
      json.writeStringField("__type", type);
      if (messageKey != null) {
        json.writeStringField(messageKey, message);
      }
      if (extra != null) {
        extra.write(out);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JsonResponse(status, out.finish());
  }
}
