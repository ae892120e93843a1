package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code ComparisonOperator} of legacy conditions ({@code KeyConditions}, {@code
 * QueryFilter}, {@code ScanFilter}) is checked against its enum and, a {@code Condition}'s being
 * required, for presence, as a model constraint: before any other check, never a 500.
 */
class LegacyConditionOperatorTest {
  private static final String ENUM = "Member must satisfy enum value set: [IN, NULL, BETWEEN,"
      + " LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("cmp").keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.putItem(b -> b.tableName("cmp").item(Map.of("pk", s("a"), "x", s("1"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "eq", "", "\u0000"})
  void query_keyConditionWithUnknownOperator_isAnEnumViolation(String operator) {
    String message = message(QueryRequest.builder().tableName("cmp")
        .keyConditions(Map.of("pk", condition(operator, s("a")))).build());

    assertThat(message).isEqualTo("1 validation error detected: Value '" + operator
        + "' at 'keyConditions.pk.member.comparisonOperator' failed to satisfy constraint: "
        + ENUM);
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "eq", "", "\u0000"})
  void query_queryFilterWithUnknownOperator_isAnEnumViolation(String operator) {
    String message = message(QueryRequest.builder().tableName("cmp")
        .keyConditions(Map.of("pk", condition("EQ", s("a"))))
        .queryFilter(Map.of("x", condition(operator, s("1")))).build());

    assertThat(message).isEqualTo("1 validation error detected: Value '" + operator
        + "' at 'queryFilter.x.member.comparisonOperator' failed to satisfy constraint: "
        + ENUM);
  }

  @Test
  void query_queryFilterWithUnknownOperatorAndNoValues_reportsTheEnumFirst() {
    String message = message(QueryRequest.builder().tableName("cmp")
        .keyConditions(Map.of("pk", condition("EQ", s("a"))))
        .queryFilter(Map.of("x", Condition.builder().comparisonOperator("XX").build())).build());

    assertThat(message).isEqualTo("1 validation error detected: Value 'XX' at"
        + " 'queryFilter.x.member.comparisonOperator' failed to satisfy constraint: " + ENUM);
  }

  @Test
  void query_conditionsWithoutOperator_violateNotNull() {
    Wire.Response key = wire.post("DynamoDB_20120810.Query", "{\"TableName\":\"cmp\","
        + "\"KeyConditions\":{\"pk\":{\"AttributeValueList\":[{\"S\":\"a\"}]}}}");
    Wire.Response filter = wire.post("DynamoDB_20120810.Query", "{\"TableName\":\"cmp\","
        + "\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":"
        + "[{\"S\":\"a\"}]}},\"QueryFilter\":{\"x\":{\"AttributeValueList\":[{\"S\":\"1\"}]}}}");

    assertThat(validation(key)).isEqualTo("1 validation error detected: Value null at"
        + " 'keyConditions.pk.member.comparisonOperator' failed to satisfy constraint: Member"
        + " must not be null");
    assertThat(validation(filter)).isEqualTo("1 validation error detected: Value null at"
        + " 'queryFilter.x.member.comparisonOperator' failed to satisfy constraint: Member"
        + " must not be null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "eq", "", "\\u0000"})
  void scan2011_scanFilterWithUnknownOperator_isAnEnumViolation(String operator) {
    Wire.Response response = wire.post("DynamoDB_20111205.Scan", "{\"TableName\":\"cmp\","
        + "\"ScanFilter\":{\"x\":{\"ComparisonOperator\":\"" + operator + "\","
        + "\"AttributeValueList\":[{\"S\":\"1\"}]}}}");

    String rendered = operator.equals("\\u0000") ? "\u0000" : operator;
    assertThat(validation(response)).isEqualTo("1 validation error detected: Value '" + rendered
        + "' at 'scanFilter.x.member.comparisonOperator' failed to satisfy constraint: " + ENUM);
  }

  @Test
  void scan2011_missingOperatorIsReportedWithTheOtherConstraints() {
    Wire.Response response = wire.post("DynamoDB_20111205.Scan", "{\"TableName\":\"c\","
        + "\"ScanFilter\":{\"x\":{\"AttributeValueList\":[{\"S\":\"1\"}]}}}");

    assertThat(validation(response)).isEqualTo("2 validation errors detected: Value 'c' at"
        + " 'tableName' failed to satisfy constraint: Member must have length greater than or"
        + " equal to 3; Value null at 'scanFilter.x.member.comparisonOperator' failed to"
        + " satisfy constraint: Member must not be null");
  }

  @Test
  void scan2011_validFilterStillFilters() {
    dynamo.putItem(b -> b.tableName("cmp").item(Map.of("pk", s("b"), "x", s("2"))));

    Wire.Response response = wire.post("DynamoDB_20111205.Scan", "{\"TableName\":\"cmp\","
        + "\"ScanFilter\":{\"x\":{\"ComparisonOperator\":\"EQ\","
        + "\"AttributeValueList\":[{\"S\":\"2\"}]}}}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(Members.integer(JsonTrees.object(response.body()), "Count")).isEqualTo(1);
  }

  @Test
  void transactWriteItems_ignoresExpected_whichItsElementsDoNotHave() {
    Wire.Response response = wire.post("DynamoDB_20120810.TransactWriteItems",
        "{\"TransactItems\":[{\"Put\":{\"TableName\":\"cmp\",\"Item\":{\"pk\":"
        + "{\"S\":\"t\"}},\"Expected\":{\"x\":{\"ComparisonOperator\":\"XX\","
        + "\"AttributeValueList\":[{\"S\":\"1\"}]}},\"ConditionalOperator\":\"OR\"}},"
        + "{\"Delete\":{\"TableName\":\"cmp\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
        + "\"Expected\":{\"x\":{\"Value\":{\"S\":\"other\"}}}}}]}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(dynamo.getItem(b -> b.tableName("cmp").key(Map.of("pk", s("t")))).hasItem())
        .isTrue();
    assertThat(dynamo.getItem(b -> b.tableName("cmp").key(Map.of("pk", s("a")))).hasItem())
        .isFalse();
  }

  private static Condition condition(String operator,
      software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
    return Condition.builder().comparisonOperator(operator).attributeValueList(List.of(value))
        .build();
  }

  private static String validation(Wire.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    ErrorBody error = ErrorBody.parse(response.body());
    assertThat(error.type()).endsWith("#ValidationException");
    return error.message();
  }

  private String message(QueryRequest request) {
    return validationMessage(() -> dynamo.query(request));
  }
}
