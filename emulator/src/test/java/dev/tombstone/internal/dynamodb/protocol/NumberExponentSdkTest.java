package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Numbers written with exponents far out of range, and zero written with an exponent, on every
 * surface (paritysuite numberExponent.test.ts, valueLayers.test.ts and
 * partiqlParameterNumbers.test.ts, checked against AWS in 2026).
 */
class NumberExponentSdkTest {
  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("nums").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S)));
    dynamo.createTable(b -> b.tableName("numkeys").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.N)));
    dynamo.createTable(b -> b.tableName("sortnums").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S),
            def("sk", ScalarAttributeType.N)));
  }

  private static AttributeValue n(String text) {
    return AttributeValue.fromN(text);
  }

  private static String refusal(Executable call) {
    DynamoDbException thrown = catchThrowableOfType(() -> {
      try {
        call.execute();
      } catch (Throwable t) {
        throw t instanceof Exception e ? e : new IllegalStateException(t);
      }
    }, DynamoDbException.class);
    assertThat(thrown).as("refused").isNotNull();
    assertThat(thrown.statusCode()).isEqualTo(400);
    assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    return thrown.awsErrorDetails().errorMessage();
  }

  private int itemCount() {
    return dynamo.scan(b -> b.tableName("nums")).count()
        + dynamo.scan(b -> b.tableName("numkeys")).count();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0e126|" + OVERFLOW, "0E999|" + OVERFLOW, "0e-131|" + UNDERFLOW,
      "1e99999999999|" + OVERFLOW, "-1e99999999999|" + OVERFLOW, "1e-99999999999|" + UNDERFLOW,
      "1e2147483648|" + OVERFLOW, "1e2147483647|" + OVERFLOW, "1e-2147483648|" + UNDERFLOW,
      "100e2147483647|" + OVERFLOW,
      "1e9223372036854775808|" + NOT_NUMERIC + ": 1e9223372036854775808"})
  void putItem_refusesOutOfRangeExponents_andStoresNothing(String text, String message) {
    // PutItem reports bad values inside the request validation envelope (the current layer).
    String enveloped = "1 validation error detected: " + message;
    assertThat(refusal(() -> dynamo.putItem(b -> b.tableName("nums")
        .item(Map.of("pk", s("z"), "val", n(text)))))).isEqualTo(enveloped);
    assertThat(refusal(() -> dynamo.putItem(b -> b.tableName("numkeys")
        .item(Map.of("pk", n(text)))))).isEqualTo(enveloped);
    assertThat(itemCount()).isZero();
  }

  @Test
  void zeroWithAnExponentInRange_isStoredAsZero() {
    dynamo.putItem(b -> b.tableName("nums").item(Map.of("pk", s("z"), "val", n("0e125"),
        "small", n("1e-130"), "low", n("0e-130"))));

    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("nums")
        .key(Map.of("pk", s("z"))).consistentRead(true)).item();
    assertThat(item.get("val")).isEqualTo(n("0"));
    assertThat(item.get("low")).isEqualTo(n("0"));
    assertThat(item.get("small").n()).isEqualTo("0." + "0".repeat(129) + "1");
  }

  @Test
  void exponentsPast32Bits_overflowInEveryCurrentLayerPosition() {
    Map<String, AttributeValue> huge = Map.of("pk", n("1e99999999999"));
    List<String> got = List.of(
        refusal(() -> dynamo.updateItem(b -> b.tableName("nums").key(Map.of("pk", s("u")))
            .updateExpression("SET m = :v")
            .expressionAttributeValues(Map.of(":v", n("1e99999999999"))))),
        refusal(() -> dynamo.putItem(b -> b.tableName("nums").item(Map.of("pk", s("c")))
            .conditionExpression("attribute_not_exists(n) OR n = :v")
            .expressionAttributeValues(Map.of(":v", n("1e99999999999"))))),
        refusal(() -> dynamo.getItem(b -> b.tableName("numkeys").key(huge))),
        refusal(() -> dynamo.deleteItem(b -> b.tableName("numkeys").key(huge))),
        refusal(() -> dynamo.updateItem(b -> b.tableName("numkeys").key(huge)
            .updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", s("x"))))),
        refusal(() -> dynamo.query(b -> b.tableName("sortnums")
            .keyConditionExpression("pk = :p AND sk = :v")
            .expressionAttributeValues(Map.of(":p", s("q"), ":v", n("1e99999999999"))))),
        refusal(() -> dynamo.batchGetItem(b -> b.requestItems(
            Map.of("numkeys", KeysAndAttributes.builder().keys(List.of(huge)).build())))));

    // The suite asserts the text as a substring: the wrappers around it are another matter.
    assertThat(got).hasSize(7).allSatisfy(message -> assertThat(message).contains(OVERFLOW));
    assertThat(itemCount()).isZero();
  }

  /** valueLayers.test.ts: BatchWriteItem reads numbers as BigDecimal does. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1e2147483647|" + UNDERFLOW,
      "1e99999999999|" + NOT_NUMERIC + ": 1e99999999999",
      "1e126|" + OVERFLOW,
      "abc|" + NOT_NUMERIC + ": abc"})
  void batchWriteItem_readsTheOlderLayersWay(String text, String message) {
    assertThat(refusal(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of("nums", List.of(
        WriteRequest.builder()
            .putRequest(p -> p.item(Map.of("pk", s("w"), "n", n(text)))).build()))))))
        .isEqualTo(message);
    assertThat(itemCount()).isZero();
  }

  @Test
  void transactions_readTheOlderLayersWay() {
    String put = refusal(() -> dynamo.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p
        .tableName("nums").item(Map.of("pk", s("w"), "n", n("1e2147483647")))))));
    String update = refusal(() -> dynamo.transactWriteItems(b -> b.transactItems(t -> t.update(
        u -> u.tableName("nums").key(Map.of("pk", s("w"))).updateExpression("SET n = :v")
            .expressionAttributeValues(Map.of(":v", n("1e2147483647")))))));
    String get = refusal(() -> dynamo.transactGetItems(b -> b.transactItems(t -> t.get(g -> g
        .tableName("numkeys").key(Map.of("pk", n("1e2147483648")))))));

    assertThat(put).isEqualTo(UNDERFLOW);
    assertThat(update).isEqualTo(
        "ExpressionAttributeValues contains invalid value: " + UNDERFLOW + " for key :v");
    assertThat(get).isEqualTo(NOT_NUMERIC + ": 1e2147483648");
    assertThat(itemCount()).isZero();
  }

  /** partiqlParameterNumbers.test.ts: a parameter is read as BigDecimal reads it. */
  @ParameterizedTest
  @ValueSource(strings = {"1e99999999999", "-1e99999999999", "1e-99999999999", "1e2147483648",
      "1e-2147483648"})
  void partiqlParameter_pastAnInt_cannotBeConverted(String text) {
    List<String> statements = List.of(
        "SELECT * FROM \"sortnums\" WHERE pk = 'p' AND n = ?",
        "INSERT INTO \"sortnums\" VALUE {'pk': 'p', 'sk': 1, 'n': ?}",
        "UPDATE \"sortnums\" SET n = ? WHERE pk = 'p' AND sk = 1",
        "SELECT * FROM \"numkeys\" WHERE pk = ?");
    for (String statement : statements) {
      assertThat(refusal(() -> dynamo.executeStatement(b -> b.statement(statement)
          .parameters(n(text))))).as(statement).isEqualTo(NOT_NUMERIC + ": " + text);
    }
    assertThat(dynamo.scan(b -> b.tableName("sortnums")).count()).isZero();
  }

  @Test
  void partiqlParameters_inEveryShape_getAwsTexts() {
    String select = "SELECT * FROM \"sortnums\" WHERE pk = 'p' AND n = ?";
    assertThat(refusal(() -> dynamo.executeStatement(b -> b.statement(select)
        .parameters(n("1e2147483647"))))).isEqualTo(UNDERFLOW);
    assertThat(refusal(() -> dynamo.executeStatement(b -> b.statement(select)
        .parameters(n(""))))).isEqualTo(NOT_NUMERIC);
    assertThat(refusal(() -> dynamo.executeStatement(b -> b.statement(select)
        .parameters(n("abc"))))).isEqualTo(NOT_NUMERIC + ": abc");
    assertThat(refusal(() -> dynamo.executeStatement(b -> b.statement(select)
        .parameters(AttributeValue.fromL(List.of(n("1"), n("1e99999999999")))))))
        .isEqualTo(NOT_NUMERIC + ": 1e99999999999");
    assertThat(refusal(() -> dynamo.executeStatement(b -> b.statement(select)
        .parameters(AttributeValue.fromM(Map.of("x", n("1e99999999999")))))))
        .isEqualTo(NOT_NUMERIC + ": 1e99999999999");
    assertThat(refusal(() -> dynamo.executeStatement(b -> b.statement(select)
        .parameters(AttributeValue.fromNs(List.of("1", "1e99999999999"))))))
        .isEqualTo(NOT_NUMERIC + ": 1e99999999999");
    assertThat(refusal(() -> dynamo.executeTransaction(b -> b.transactStatements(t -> t
        .statement("UPDATE \"sortnums\" SET n = ? WHERE pk = 'p' AND sk = 1")
        .parameters(n("1e99999999999"))))))
        .isEqualTo(NOT_NUMERIC + ": 1e99999999999");

    List<BatchStatementResponse> batch = dynamo.batchExecuteStatement(b -> b.statements(t -> t
        .statement("SELECT * FROM \"sortnums\" WHERE pk = 'p' AND sk = 1 AND n = ?")
        .parameters(n("1e99999999999")))).responses();
    assertThat(batch).hasSize(1);
    assertThat(batch.get(0).error().codeAsString()).isEqualTo("ValidationError");
    assertThat(batch.get(0).error().message()).isEqualTo(NOT_NUMERIC + ": 1e99999999999");
  }
}
