package dev.tombstone.internal.dynamodb.protocol;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Tables the SDK tests make again and again. */
final class SdkTables {
  private SdkTables() {}

  /** An on-demand table keyed by one string attribute, {@code hashKey}. */
  static void stringHashKey(DynamoDbClient dynamo, String table, String hashKey) {
    dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName(hashKey).keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName(hashKey)
            .attributeType(ScalarAttributeType.S)));
  }

  /** An on-demand table keyed by two string attributes, {@code hashKey} and {@code rangeKey}. */
  static void stringKeys(DynamoDbClient dynamo, String table, String hashKey, String rangeKey) {
    dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName(hashKey).keyType(KeyType.HASH),
            k -> k.attributeName(rangeKey).keyType(KeyType.RANGE))
        .attributeDefinitions(
            d -> d.attributeName(hashKey).attributeType(ScalarAttributeType.S),
            d -> d.attributeName(rangeKey).attributeType(ScalarAttributeType.S)));
  }
}
