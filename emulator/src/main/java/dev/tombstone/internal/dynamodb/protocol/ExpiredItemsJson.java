package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.ExpiredItem;
import java.nio.charset.StandardCharsets;

/** How the request journal shows a delete made by the TTL sweep. Internal. */
public final class ExpiredItemsJson {
  private ExpiredItemsJson() {}

  /** {@code {"TableName":"...","Item":{...}}}: the deleted item in DynamoDB JSON. */
  public static String describe(ExpiredItem expired) {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("TableName", expired.tableName());
    out.item("Item", expired.item());
    out.json().writeEndObject();
    return new String(out.finish(), StandardCharsets.UTF_8);
  }
}
