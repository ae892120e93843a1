package dev.tombstone;

import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.internal.dynamodb.protocol.ItemsJson;
import dev.tombstone.internal.dynamodb.protocol.TableDefinitionsJson;
import java.util.List;

/**
 * Reads items and table definitions written in DynamoDB JSON, the format of the AWS CLI and of
 * DynamoDB's own API, with the emulator's request decoder: whatever DynamoDB would refuse in a
 * PutItem or a CreateTable is refused here, with its message.
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

  /**
   * The table a CreateTable request defines, checked as CreateTable checks it; create it with
   * {@code dynamoDb().createTable(definition)}. Members that are not part of the definition
   * ({@code Tags}, {@code SSESpecification}, {@code VectorIndexes}, …) are not read.
   *
   * <pre>{@code
   * TableDefinition orders = DynamoDbJson.tableDefinition("""
   *     {"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
   *      "AttributeDefinitions": [{"AttributeName": "Id", "AttributeType": "S"}],
   *      "KeySchema": [{"AttributeName": "Id", "KeyType": "HASH"}]}""");
   * }</pre>
   *
   * @throws dev.tombstone.dynamodb.DynamoDbError.Validation with CreateTable's message when
   *     DynamoDB would refuse the definition
   * @throws IllegalArgumentException when {@code json} is not a JSON object, or a member has the
   *     wrong JSON type
   */
  public static TableDefinition tableDefinition(String json) {
    return TableDefinitionsJson.createTableRequest(json);
  }
}
