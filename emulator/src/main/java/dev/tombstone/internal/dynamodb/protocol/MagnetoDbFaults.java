package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;

/**
 * MagnetoDB's fault document ({@code FaultWrapper}): status code, WebOb's title and explanation
 * for it, and the error's message and type. Domain errors are renamed to MagnetoDB's exceptions.
 */
final class MagnetoDbFaults {
  private MagnetoDbFaults() {}

  /** The fault for a domain error raised while serving {@code table}. */
  static MagnetoDbResponse of(DynamoDbError error, String table) {
    return of(rename(error, table));
  }

  /** A domain error as the MagnetoDB exception that stood for it. */
  static MagnetoDbError rename(DynamoDbError error, String table) {
    if (error instanceof DynamoDbError.ResourceNotFound) {
      return MagnetoDbError.tableNotExists(table);
    }
    if (error instanceof DynamoDbError.ResourceInUse) {
      return new MagnetoDbError(400, "TableAlreadyExistsException",
          "Table " + table + " already exists");
    }
    if (error instanceof DynamoDbError.Validation) {
      return MagnetoDbError.validation(error.getMessage());
    }
    return new MagnetoDbError(400, error.code(), error.getMessage());
  }

  static MagnetoDbResponse of(MagnetoDbError error) {
    return write(error.status(), error.type(), error.getMessage());
  }

  /** What MagnetoDB answered for any exception of its own making. */
  static MagnetoDbResponse internal() {
    return write(500, "InternalError", "An Internal Error Occurred");
  }

  static MagnetoDbResponse write(int status, String type, String message) {
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeNumberField("code", status);
    json.writeStringField("title", title(status));
    json.writeStringField("explanation", explanation(status));
    json.writeObjectFieldStart("error");
    json.writeStringField("message", message);
    json.writeStringField("type", type);
    json.writeNullField("traceback");
    json.writeEndObject();
    json.writeEndObject();
    return new MagnetoDbResponse(status, out.finish());
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Request Entity Too Large";
      default -> "Internal Server Error";
    };
  }

  // WebOb's texts, line breaks included.
  private static String explanation(int status) {
    return switch (status) {
      case 400 -> "The server could not comply with the request since\r\nit is either malformed"
          + " or otherwise incorrect.\r\n";
      case 404 -> "The resource could not be found.";
      case 405 -> "The method is not allowed for this resource.";
      case 413 -> "The request is larger than the server is willing or able to process.";
      default -> "The server has either erred or is incapable of performing\r\nthe requested"
          + " operation.\r\n";
    };
  }
}
