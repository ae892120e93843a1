package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An empty binary key value in DeleteItem, UpdateItem, BatchGetItem and a BatchWriteItem delete
 * is "are not valid.", as AWS answers (paritysuite/dynamodb-conformance tier3 error-messages
 * deleteItem, updateItem, batchGetItem, batchWriteItem); an empty string keeps "were invalid:".
 */
class EmptyBinaryKeySdkTest {
  static final String BINARY = "binary_keys";
  static final String STRING = "string_keys";
  static final String NOT_VALID = "One or more parameter values are not valid. The AttributeValue"
      + " for a key attribute cannot contain an empty binary value. Key: pk";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    create(BINARY, ScalarAttributeType.B);
    create(STRING, ScalarAttributeType.S);
  }

  private void create(String name, ScalarAttributeType type) {
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(type)));
  }

  @Test
  void emptyBinaryKey_isNotValid_inEverySingleItemKeyCheck() {
    Map<String, AttributeValue> key =
        Map.of("pk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])));

    List<String> got = List.of(
        validationMessage(() -> dynamo.deleteItem(b -> b.tableName(BINARY).key(key))),
        validationMessage(() -> dynamo.updateItem(b -> b.tableName(BINARY).key(key)
            .updateExpression("SET a = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x"))))),
        validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(
            Map.of(BINARY, KeysAndAttributes.builder().keys(key).build())))),
        validationMessage(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(BINARY, List.of(
            WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build())
                .build()))))));

    assertThat(got).containsOnly(NOT_VALID);
  }

  @Test
  void emptyStringKey_keepsWereInvalid() {
    assertThat(validationMessage(() -> dynamo.deleteItem(b -> b.tableName(STRING)
        .key(Map.of("pk", AttributeValue.fromS(""))))))
        .isEqualTo("One or more parameter values were invalid: The AttributeValue for a key"
            + " attribute cannot contain an empty string value. Key: pk");
  }
}
