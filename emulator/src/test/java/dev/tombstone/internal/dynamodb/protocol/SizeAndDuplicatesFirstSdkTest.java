package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Problems AWS reports before it looks a table up or compiles a condition: an oversized item in
 * BatchWriteItem and PutItem, duplicate keys in BatchGetItem (dynalite test/batchWriteItem.js,
 * 'should return ValidationException if item is too big with small attribute';
 * test/batchGetItem.js, 'should return ValidationException for duplicated keys';
 * test/putItem.js, 'should return ValidationException if item is too big with small
 * attribute').
 */
class SizeAndDuplicatesFirstSdkTest {
  static final String TOO_BIG = "Item size has exceeded the maximum allowed size";
  static final String TABLE = "present";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    SdkTables.stringHashKey(dynamo, TABLE, "a");
  }

  private static Map<String, AttributeValue> item(int bytesOfB) {
    return Map.of("a", AttributeValue.fromS("k"), "b", AttributeValue.fromS("x".repeat(bytesOfB)));
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  @Test
  void batchWriteItem_oversizedItemOnAMissingTable_isTheSizeError() {
    assertThat(validationMessage(() -> dynamo.batchWriteItem(b -> b.requestItems(
        Map.of("missing", List.of(put(item(409_600)))))))).isEqualTo(TOO_BIG);
    // One byte less fits (a: 1 + 1, b: 1 + 409,597), and the missing table is reported.
    DynamoDbException notFound = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.batchWriteItem(b -> b.requestItems(
            Map.of("missing", List.of(put(item(409_597)))))));
    assertThat(notFound.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
  }

  @Test
  void batchWriteItem_oversizedItemInALaterTable_comesBeforeAnEarlierMissingOne() {
    assertThat(validationMessage(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(
        "missing", List.of(put(item(1))), TABLE, List.of(put(item(409_600))))))))
        .isEqualTo(TOO_BIG);
    assertThat(dynamo.scan(b -> b.tableName(TABLE)).items()).isEmpty();
  }

  @Test
  void batchGetItem_duplicateKeysOnAMissingTable_areTheDuplicatesError() {
    Map<String, AttributeValue> key = Map.of("a", AttributeValue.fromS("k"),
        "b", AttributeValue.fromN("1"));
    Map<String, AttributeValue> reordered = Map.of("b", AttributeValue.fromN("1.0"),
        "a", AttributeValue.fromS("k"));

    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of("missing",
        KeysAndAttributes.builder().keys(key, reordered, key).build())))))
        .isEqualTo("Provided list of item keys contains duplicates");
  }

  @Test
  void putItem_oversizedItem_isReportedBeforeAMalformedExpected() {
    Map<String, ExpectedAttributeValue> malformed =
        Map.of("a", ExpectedAttributeValue.builder().build());

    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("missing")
        .item(item(409_600))
        .expected(malformed)))).isEqualTo(TOO_BIG);
    assertThat(validationMessage(() -> dynamo.putItem(b -> b.tableName("missing").item(item(1))
        .expected(malformed)))).endsWith("Value must be provided when Exists is null for"
        + " Attribute: a");
  }
}
