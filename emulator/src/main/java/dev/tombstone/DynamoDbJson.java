package dev.tombstone;

import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.protocol.ItemsJson;
import java.util.List;

/**
 * Reads items written in DynamoDB JSON, the format of the AWS CLI and of DynamoDB's own API, with
 * the emulator's request decoder: whatever DynamoDB would refuse in a PutItem is refused here.
 *
 * <pre>{@code
 * Item user = DynamoDbJson.item("{\"UserId\": {\"S\": \"u1\"}, \"Age\": {\"N\": \"36\"}}");
 * List<Item> users = DynamoDbJson.items(Files.readString(Path.of("users-scan.json")));
 * }</pre>
 */
public final class DynamoDbJson {
  private DynamoDbJson() {}

  /**
   * One item, e.g. {@code {"UserId": {"S": "u1"}}}.
   *
   * @throws IllegalArgumentException when {@code json} is not one valid item, with the reason
   */
  public static Item item(String json) {
    return ItemsJson.item(json);
  }

  /**
   * The items of {@code {"Items": [...]}}, as {@code aws dynamodb scan} prints them, or of a plain
   * JSON array of items.
   *
   * @throws IllegalArgumentException when an item is invalid, naming its index and attribute
   */
  public static List<Item> items(String json) {
    return ItemsJson.items(json);
  }
}
