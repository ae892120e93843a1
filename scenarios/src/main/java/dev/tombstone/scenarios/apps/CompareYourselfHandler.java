package dev.tombstone.scenarios.apps;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Flow A's {@code cyDeleteData} Lambda function: deletes the user named by the event's
 * {@code userid} only if it exists. Like the document's Node.js handler it returns the
 * success text, and lets the SDK's error (e.g. {@code ConditionalCheckFailedException})
 * escape as the function's error.
 */
final class CompareYourselfHandler {
  static final String TABLE = "compare-yourself";
  private final DynamoDbClient dynamoDb;

  CompareYourselfHandler(DynamoDbClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  /** Handles the event {@code {"userid": "..."}} that the mapping template builds. */
  String handle(Map<String, String> event) {
    String userid = event.get("userid");
    dynamoDb.deleteItem(b -> b.tableName(TABLE)
        .key(Map.of("UserId", AttributeValue.fromS(userid)))
        .conditionExpression("attribute_exists(UserId)"));
    return "Data for user " + userid + " successfully deleted";
  }
}
