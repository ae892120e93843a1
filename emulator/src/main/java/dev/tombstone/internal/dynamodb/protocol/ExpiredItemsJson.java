package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.ExpiredItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** How the request journal shows a delete made by the TTL sweep. Internal. */
public final class ExpiredItemsJson {
  private ExpiredItemsJson() {}

  /** {@code {"TableName":"...","Item":{...}}}: the deleted item in DynamoDB JSON. */
  public static String describe(ExpiredItem expired) {
    JsonOut out = new JsonOut();
    try {
      out.json().writeStartObject();
      out.json().writeStringField("TableName", expired.tableName());
      out.item("Item", expired.item());
      out.json().writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String(out.finish(), StandardCharsets.UTF_8);
  }
}
