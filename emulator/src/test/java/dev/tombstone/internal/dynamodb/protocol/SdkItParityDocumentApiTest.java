package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.HashMap;
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
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The document-API integration tests of the SDK for Java v2's early releases (document.
 * PutItemIntegrationTest, UpdateItemIntegrationTest, DeleteItemIntegrationTest,
 * Query_StartKeyIntegrationTest, IndexQueryIntegrationTest, TableIntegrationTest), replayed
 * with the low-level calls that API made: legacy {@code Expected} and {@code AttributeUpdates},
 * condition expressions, a paged query from a start key, a local index query, and an
 * UpdateTable to the throughput the table already has.
 */
class SdkItParityDocumentApiTest {
  private static final String TABLE = "DynamoDBTest_PrimaryHashAndRangeKey";

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName(TABLE)
        .attributeDefinitions(a -> a.attributeName("hashkeyAttr").attributeType("S"),
            a -> a.attributeName("rangekeyAttr").attributeType("N"),
            a -> a.attributeName("lsiRangekeyAttr").attributeType("N"))
        .keySchema(k -> k.attributeName("hashkeyAttr").keyType("HASH"),
            k -> k.attributeName("rangekeyAttr").keyType("RANGE"))
        .localSecondaryIndexes(l -> l.indexName("LSI")
            .keySchema(k -> k.attributeName("hashkeyAttr").keyType("HASH"),
                k -> k.attributeName("lsiRangekeyAttr").keyType("RANGE"))
            .projection(p -> p.projectionType("ALL")))
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(2L)));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static Map<String, AttributeValue> key(String hash, int range) {
    return Map.of("hashkeyAttr", s(hash), "rangekeyAttr", n(Integer.toString(range)));
  }

  private static Map<String, AttributeValue> allTypes(String hash, int range) {
    Map<String, AttributeValue> item = new HashMap<>(key(hash, range));
    item.put("binary", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3, 4})));
    item.put("binarySet", AttributeValue.fromBs(List.of(
        SdkBytes.fromByteArray(new byte[] {5, 6}), SdkBytes.fromByteArray(new byte[] {7, 8}))));
    item.put("booleanTrue", AttributeValue.fromBool(true));
    item.put("listAtr", AttributeValue.fromL(List.of(s("abc"), s("123"))));
    item.put("mapAttr", AttributeValue.fromM(Map.of("key1", s("value1"), "key2", n("999"))));
    item.put("nullAttr", AttributeValue.fromNul(true));
    item.put("intAttr", n("1234"));
    item.put("numberAttr", n("999.1234"));
    item.put("stringAttr", s("bla"));
    item.put("stringSetAttr", AttributeValue.fromSs(List.of("da", "di", "foo", "bar", "bazz")));
    return item;
  }

  private Map<String, AttributeValue> get(String hash, int range) {
    return dynamo.getItem(b -> b.tableName(TABLE).key(key(hash, range)).consistentRead(true))
        .item();
  }

  private static ExpectedAttributeValue expected(ComparisonOperator op, AttributeValue... values) {
    return ExpectedAttributeValue.builder().comparisonOperator(op).attributeValueList(values)
        .build();
  }

  private static AttributeValueUpdate update(AttributeAction action, AttributeValue value) {
    return AttributeValueUpdate.builder().action(action).value(value).build();
  }

  @Test
  void putWithLegacyExpectations_answersTheOldItem_andConditionExpressionsAnswerNothing() {
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("hashkeyAttr", s("spec"),
        "rangekeyAttr", n("0"), "intAttr", n("1234"))));
    Map<String, AttributeValue> old = dynamo.putItem(b -> b.tableName(TABLE)
        .item(allTypes("spec", 0)).returnValues(ReturnValue.ALL_OLD).expected(Map.of(
            "hashkeyAttr", expected(ComparisonOperator.NOT_CONTAINS, s("xyz")),
            "intAttr", expected(ComparisonOperator.BETWEEN, n("1"), n("9999"))))).attributes();
    assertThat(old).isEqualTo(Map.of("hashkeyAttr", s("spec"), "rangekeyAttr", n("0"),
        "intAttr", n("1234")));
    assertThat(get("spec", 0)).isEqualTo(allTypes("spec", 0));

    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("hashkeyAttr", s("spec"),
        "rangekeyAttr", n("1"), "intAttr", n("1234"))));
    var answer = dynamo.putItem(b -> b.tableName(TABLE).item(allTypes("spec", 1))
        .conditionExpression("NOT (contains (#pk, :hashkeyAttr)) AND (intAttr BETWEEN :lo AND"
            + " :hi)")
        .expressionAttributeNames(Map.of("#pk", "hashkeyAttr"))
        .expressionAttributeValues(Map.of(":hashkeyAttr", s("xyz"), ":lo", n("1"),
            ":hi", n("9999"))));
    assertThat(answer.hasAttributes()).isFalse();
    assertThat(get("spec", 1)).isEqualTo(allTypes("spec", 1));
    assertThat(dynamo.putItem(b -> b.tableName(TABLE).item(key("emptyRecord", 0)))
        .hasAttributes()).isFalse();
  }

  @Test
  void legacyAttributeUpdates_putAddRemoveAndDeleteSetElements_andCountNumbers() {
    Map<String, AttributeValue> work = new HashMap<>(key("1000", 1));
    work.put("zipcode", n("98104"));
    dynamo.putItem(b -> b.tableName(TABLE).item(work));
    java.util.function.Consumer<AttributeValueUpdate> apply = u -> updateWork("phone", u);

    apply.accept(update(AttributeAction.PUT, AttributeValue.fromSs(List.of("123-456-7890"))));
    assertThat(get("1000", 1).get("phone").ss()).containsExactly("123-456-7890");
    apply.accept(update(AttributeAction.ADD, AttributeValue.fromSs(List.of("987-654-3210"))));
    assertThat(get("1000", 1).get("phone").ss())
        .containsExactlyInAnyOrder("123-456-7890", "987-654-3210");
    apply.accept(update(AttributeAction.DELETE, AttributeValue.fromSs(List.of("987-654-3210"))));
    assertThat(get("1000", 1).get("phone").ss()).containsExactly("123-456-7890");
    apply.accept(AttributeValueUpdate.builder().action(AttributeAction.DELETE).build());
    assertThat(get("1000", 1)).doesNotContainKey("phone");

    updateWork("zipcode", update(AttributeAction.ADD, n("1")));
    assertThat(get("1000", 1).get("zipcode").n()).isEqualTo("98105");
    updateWork("zipcode", update(AttributeAction.ADD, n("-1")));
    assertThat(get("1000", 1).get("zipcode").n()).isEqualTo("98104");
  }

  private void updateWork(String attribute, AttributeValueUpdate update) {
    dynamo.updateItem(b -> b.tableName(TABLE).key(key("1000", 1))
        .attributeUpdates(Map.of(attribute, update)));
  }

  @Test
  void updatesWhoseConditionsFail_areConditionalCheckFailures_andChangeNothing() {
    Map<String, AttributeValue> work = new HashMap<>(key("1000", 1));
    work.put("zipcode", n("98104"));
    dynamo.putItem(b -> b.tableName(TABLE).item(work));

    assertThat(catchThrowableOfType(ConditionalCheckFailedException.class,
        () -> dynamo.updateItem(b -> b.tableName(TABLE).key(key("1000", 1))
            .expected(Map.of("phone", expected(ComparisonOperator.EQ,
                AttributeValue.fromSs(List.of("123-456-7890")))))
            .attributeUpdates(Map.of("phone", update(AttributeAction.ADD,
                AttributeValue.fromSs(List.of("987-654-3210")))))))).isNotNull();

    ConditionalCheckFailedException typed = catchThrowableOfType(
        ConditionalCheckFailedException.class, () -> dynamo.updateItem(b -> b.tableName(TABLE)
            .key(key("1000", 1)).updateExpression("set #mno = list_append(:phone, :phone)")
            .conditionExpression("zipcode = :zipcode")
            .expressionAttributeNames(Map.of("#mno", "phone"))
            .expressionAttributeValues(Map.of(":phone", AttributeValue.fromL(List.of(
                s("987-654-3210"))), ":zipcode", s("98104")))));
    assertThat(typed.statusCode()).isEqualTo(400);
    assertThat(typed.getMessage()).contains("conditional request failed");
    assertThat(get("1000", 1)).isEqualTo(work);

    dynamo.updateItem(b -> b.tableName(TABLE).key(key("1000", 1))
        .updateExpression("set #p = :phones").expressionAttributeNames(Map.of("#p", "phone"))
        .expressionAttributeValues(Map.of(":phones", AttributeValue.fromSs(List.of(
            "123-456-7890", "987-654-3210")))));
    assertThat(get("1000", 1).get("phone").ss()).hasSize(2);
  }

  @Test
  void deletesWithUnmetExpectations_fail_andWithMetOnes_delete_answeringTheOldItem() {
    dynamo.putItem(b -> b.tableName(TABLE).item(allTypes("deleteTest", 0)));
    Map<String, ExpectedAttributeValue> notBla =
        Map.of("stringAttr", expected(ComparisonOperator.IN, s("not bla")));
    assertThat(catchThrowableOfType(ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(b -> b.tableName(TABLE).key(key("deleteTest", 0))
            .expected(notBla)))).isNotNull();
    assertThat(catchThrowableOfType(ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(b -> b.tableName(TABLE).key(key("deleteTest", 0))
            .conditionExpression("stringAttr = :bla")
            .expressionAttributeValues(Map.of(":bla", s("not bla")))))).isNotNull();
    assertThat(get("deleteTest", 0)).isNotEmpty();

    Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(TABLE)
        .key(key("deleteTest", 0)).returnValues(ReturnValue.ALL_OLD)
        .expected(Map.of("stringAttr", expected(ComparisonOperator.IN, s("bla")))))
        .attributes();
    assertThat(old).isEqualTo(allTypes("deleteTest", 0));
    assertThat(dynamo.getItem(b -> b.tableName(TABLE).key(key("deleteTest", 0))).hasItem())
        .isFalse();
  }

  @Test
  void queryFromAStartKey_pagesTheRestOfTheRange() {
    dynamo.putItem(b -> b.tableName(TABLE).item(allTypes("allDataTypes", 0)));
    for (int i = 1; i <= 11; i++) {
      int range = i;
      dynamo.putItem(b -> b.tableName(TABLE).item(allTypes("allDataTypes", range)));
    }
    Condition between = Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN)
        .attributeValueList(n("1"), n("10")).build();
    int count = 0;
    int pages = 0;
    Map<String, AttributeValue> start = key("allDataTypes", 1);
    while (start != null) {
      Map<String, AttributeValue> from = start;
      QueryResponse page = dynamo.query(b -> b.tableName(TABLE).limit(3).exclusiveStartKey(from)
          .keyConditions(Map.of("hashkeyAttr", Condition.builder()
              .comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("allDataTypes"))
              .build(), "rangekeyAttr", between))
          .projectionExpression("hashkeyAttr, rangekeyAttr, #binary, stringSetAttr")
          .expressionAttributeNames(Map.of("#binary", "binary")));
      count += page.count();
      pages++;
      assertThat(page.items()).allSatisfy(item -> assertThat(item).containsOnlyKeys(
          "hashkeyAttr", "rangekeyAttr", "binary", "stringSetAttr"));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    }
    // Nine items in pages of three: the third page fills its Limit, so it carries a
    // LastEvaluatedKey, and a fourth, empty page ends the query.
    assertThat(count).isEqualTo(9);
    assertThat(pages).isEqualTo(4);
  }

  @Test
  void localIndexQuery_findsItemsByTheIndexSortKeyOnly() {
    for (int i = 1; i <= 10; i++) {
      Map<String, AttributeValue> item = new HashMap<>(allTypes("IndexQueryTest", i));
      item.put("lsiRangekeyAttr", n(Integer.toString(100 + i)));
      dynamo.putItem(b -> b.tableName(TABLE).item(item));
    }
    java.util.function.IntBinaryOperator count = (lo, hi) -> dynamo.query(b -> b.tableName(TABLE)
        .indexName("LSI").keyConditionExpression(
            "hashkeyAttr = :h AND lsiRangekeyAttr BETWEEN :lo AND :hi")
        .expressionAttributeValues(Map.of(":h", s("IndexQueryTest"),
            ":lo", n(Integer.toString(lo)), ":hi", n(Integer.toString(hi))))).count();
    assertThat(count.applyAsInt(0, 10)).isZero();
    assertThat(count.applyAsInt(101, 110)).isEqualTo(10);
  }

  @Test
  void updateTableToTheThroughputItHas_isRefused_namingTheEqualValue() {
    String message = SdkErrors.validationMessage(() -> dynamo.updateTable(b -> b.tableName(TABLE)
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(2L))));
    assertThat(message).contains("requested value equals the current value");
    dynamo.updateTable(b -> b.tableName(TABLE)
        .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L)));
    assertThat(dynamo.describeTable(b -> b.tableName(TABLE)).table().provisionedThroughput()
        .readCapacityUnits()).isEqualTo(2L);
  }
}
