package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchGetItem's and BatchWriteItem's constraint texts as AWS gives them in 2026
 * (paritysuite/dynamodb-conformance tests/tier3/error-messages/batchGetItem.test.ts and
 * batchWriteItem.test.ts): member paths in AWS's casing, no value where AWS prints none, and the
 * request map echoed as AWS echoes it.
 */
class BatchConstraintTextsSdkTest {
  static final String ENVELOPE = "1 validation error detected: ";
  static final String NAME_RULES = "Map keys must satisfy constraint: [Member must have length"
      + " less than or equal to 255, Member must have length greater than or equal to 3, Member"
      + " must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("users").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S)));
  }

  @Test
  void batchGetItem_emptyRequestItemsAndEmptyKeys_nameThePathWithoutAValue() {
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of()))))
        .isEqualTo(ENVELOPE + "Value at 'RequestItems' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 1");
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(
        Map.of("users", KeysAndAttributes.builder().keys(List.of()).build())))))
        .isEqualTo(ENVELOPE + "Value at 'RequestItems.users.member.Keys' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
  }

  @Test
  void batchGetItem_malformedTableName_echoesTheMapAsJson() {
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of("bad!name",
        KeysAndAttributes.builder().keys(Map.of("pk", AttributeValue.fromS("a"))).build())))))
        .isEqualTo(ENVELOPE + "Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at"
            + " 'requestItems' failed to satisfy constraint: " + NAME_RULES);
  }

  @Test
  void batchWriteItem_emptyRequestItems_namesThePathWithoutAValue() {
    assertThat(validationMessage(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of()))))
        .isEqualTo(ENVELOPE + "Value at 'RequestItems' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 1");
  }

  @Test
  void batchWriteItem_malformedTableName_echoesTheRequestsInJavaForm() {
    WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder()
        .item(Map.of("pk", AttributeValue.fromS("x"))).build()).build();

    assertThat(validationMessage(() -> dynamo.batchWriteItem(b -> b.requestItems(
        Map.of("bad!name", List.of(put))))))
        .isEqualTo(ENVELOPE + "Value '{bad!name=[WriteRequest(putRequest=PutRequest(item="
            + "{pk=AttributeValue(S=x)}))]}' at 'requestItems' failed to satisfy constraint: "
            + NAME_RULES);
  }
}
