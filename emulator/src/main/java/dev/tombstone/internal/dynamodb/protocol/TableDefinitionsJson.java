package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.TableDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The table a CreateTable request written in DynamoDB JSON defines, read and checked by the same
 * code as CreateTable's, so a definition is refused for exactly the reasons and with the messages
 * DynamoDB would give. Internal: users call {@code dev.tombstone.DynamoDbJson}.
 */
public final class TableDefinitionsJson {
  private TableDefinitionsJson() {}

  /**
   * The definition of {@code {"TableName": …, "KeySchema": […], …}}.
   *
   * @throws dev.tombstone.dynamodb.DynamoDbError.Validation as CreateTable's answer would be
   * @throws IllegalArgumentException when the text is not JSON, or a member has the wrong JSON
   *     type (a SerializationException on the wire)
   */
  public static TableDefinition createTableRequest(String json) {
    Json root;
    try {
      root = Json.parse(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getMessage(), e);
    }
    if (!(root instanceof Json.Obj request)) {
      throw new IllegalArgumentException(
          "a CreateTable request must be a JSON object, was a " + root.kind());
    }
    try {
      return CreateTableOperation.define(request, "", new Constraints(), true);
    } catch (SerializationError e) {
      throw new IllegalArgumentException(
          e.wireMessage() == null ? "SerializationException" : e.wireMessage(), e);
    }
  }
}
