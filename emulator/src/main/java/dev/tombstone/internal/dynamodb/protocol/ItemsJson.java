package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Item;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Items written in DynamoDB JSON, read with the same decoder as PutItem's {@code Item} member, so
 * a fixture is refused for exactly the reasons DynamoDB would refuse it. Internal: users call
 * {@code dev.tombstone.DynamoDbJson}.
 */
public final class ItemsJson {
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT);

  private ItemsJson() {}

  /** One item: {@code {"UserId": {"S": "u1"}}}. */
  public static Item item(String json) {
    return item(parse(json));
  }

  /** {@code {"Items": [...]}} as {@code aws dynamodb scan} prints it, or an array of items. */
  public static List<Item> items(String json) {
    Json root = parse(json);
    if (root instanceof Json.Obj obj && obj.get("Items") instanceof Json.Arr wrapped) {
      root = wrapped;
    }
    if (!(root instanceof Json.Arr array)) {
      throw new IllegalArgumentException(
          "expected {\"Items\": [...]} (the output of aws dynamodb scan) or an array of items");
    }
    List<Item> items = new ArrayList<>(array.elements().size());
    for (int i = 0; i < array.elements().size(); i++) {
      try {
        items.add(item(array.elements().get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("item " + i + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(items);
  }

  private static Item item(Json json) {
    if (!(json instanceof Json.Obj obj)) {
      throw new IllegalArgumentException("an item must be a JSON object, was a " + json.kind());
    }
    Decoded decoded;
    try {
      decoded = DECODER.entries(obj);
    } catch (SerializationError e) {
      throw new IllegalArgumentException(
          e.wireMessage() == null ? "not DynamoDB JSON" : e.wireMessage(), e);
    }
    if (decoded.problem() != null) {
      throw new IllegalArgumentException(
          "attribute " + decoded.problemKey() + ": " + decoded.problem());
    }
    return Item.of(decoded.values());
  }

  private static Json parse(String json) {
    try {
      return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getMessage(), e);
    }
  }
}
