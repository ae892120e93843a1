package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Legacy {@code AttributeUpdates} name a type ADD or DELETE cannot take as on the wire
 * ({@code S}, {@code BOOL}), not with UpdateExpression's long names (dynalite test/updateItem.js,
 * 'should return ValidationException if trying to add incorrect types', '... delete incorrect
 * types', '... add type B').
 */
class LegacyUpdateTypeNamesSdkTest {
  static final String TABLE = "legacy_types";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    SdkTables.stringHashKey(dynamo, TABLE, "pk");
  }

  @Test
  void add_ofAType_itCannotTake_namesTheWireType() {
    Map<String, AttributeValue> values = Map.of(
        "S", AttributeValue.fromS("1"),
        "B", AttributeValue.fromB(SdkBytes.fromUtf8String("b")),
        "NULL", AttributeValue.fromNul(true),
        "BOOL", AttributeValue.fromBool(true),
        "M", AttributeValue.fromM(Map.of()));

    values.forEach((type, value) -> assertThat(refusal(AttributeAction.ADD, value))
        .isEqualTo("One or more parameter values were invalid: ADD action is not supported for"
            + " the type " + type));
  }

  @Test
  void delete_withAValueOfANonSetType_namesTheWireType() {
    Map<String, AttributeValue> values = Map.of(
        "S", AttributeValue.fromS("1"),
        "N", AttributeValue.fromN("1"),
        "BOOL", AttributeValue.fromBool(true),
        "L", AttributeValue.fromL(List.of()));

    values.forEach((type, value) -> assertThat(refusal(AttributeAction.DELETE, value))
        .isEqualTo("One or more parameter values were invalid: DELETE action with value is not"
            + " supported for the type " + type));
    assertThat(dynamo.scan(b -> b.tableName(TABLE)).items()).isEmpty();
  }

  private String refusal(AttributeAction action, AttributeValue value) {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.updateItem(b -> b.tableName(TABLE)
            .key(Map.of("pk", AttributeValue.fromS("k")))
            .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().action(action)
                .value(value).build()))));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return error.awsErrorDetails().errorMessage();
  }
}
