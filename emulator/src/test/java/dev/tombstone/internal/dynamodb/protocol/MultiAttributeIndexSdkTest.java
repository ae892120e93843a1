package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Global secondary indexes with multi-attribute keys (DynamoDB, November 2025): CreateTable and
 * UpdateTable accept up to four HASH and four RANGE elements and DescribeTable echoes them in
 * order; other shapes are refused, local indexes and tables keep one HASH and one RANGE; writes
 * check the type of every index key attribute.
 */
class MultiAttributeIndexSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void createTable_withMultiRangeIndex_describesItsKeyInOrder() {
    dynamo.createTable(motoTable("matches"));

    GlobalSecondaryIndexDescription gsi =
        dynamo.describeTable(b -> b.tableName("matches")).table().globalSecondaryIndexes().get(0);

    assertThat(gsi.indexName()).isEqualTo("test_gsi");
    assertThat(gsi.keySchema()).containsExactly(key("gsi_pk", KeyType.HASH),
        key("gsi_sk", KeyType.RANGE), key("gsi_sk2", KeyType.RANGE));
  }

  @Test
  void createTable_withFourHashAndFourRange_isServedAndQueried() {
    List<KeySchemaElement> elements = new ArrayList<>();
    List<AttributeDefinition> definitions = new ArrayList<>(List.of(def("p", "S")));
    for (String h : List.of("h1", "h2", "h3", "h4")) {
      elements.add(key(h, KeyType.HASH));
      definitions.add(def(h, "S"));
    }
    for (String[] r : new String[][] {{"r1", "N"}, {"r2", "S"}, {"r3", "B"}, {"r4", "S"}}) {
      elements.add(key(r[0], KeyType.RANGE));
      definitions.add(def(r[0], r[1]));
    }
    dynamo.createTable(table("wide", definitions, index("idx", elements)));
    Map<String, AttributeValue> item = Map.of("p", s("1"), "h1", s("a"), "h2", s("b"),
        "h3", s("c"), "h4", s("d"), "r1", n(10), "r2", s("x"),
        "r3", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(
            new byte[] {1, 2})), "r4", s("y"));
    dynamo.putItem(b -> b.tableName("wide").item(item));

    List<Map<String, AttributeValue>> found = dynamo.query(b -> b.tableName("wide")
        .indexName("idx")
        .keyConditionExpression("h1 = :a AND h2 = :b AND h3 = :c AND h4 = :d AND r1 = :r1"
            + " AND r2 = :r2 AND r3 = :r3 AND r4 = :r4")
        .expressionAttributeValues(Map.of(":a", s("a"), ":b", s("b"), ":c", s("c"),
            ":d", s("d"), ":r1", n(10), ":r2", s("x"), ":r3", item.get("r3"),
            ":r4", s("y")))).items();

    assertThat(dynamo.describeTable(b -> b.tableName("wide")).table()
        .globalSecondaryIndexes().get(0).keySchema()).isEqualTo(elements);
    assertThat(found).containsExactly(item);
  }

  @Test
  void createTable_refusesFiveHashOrFiveRangeElements() {
    for (KeyType side : List.of(KeyType.HASH, KeyType.RANGE)) {
      List<KeySchemaElement> elements = new ArrayList<>();
      List<AttributeDefinition> definitions = new ArrayList<>(List.of(def("p", "S")));
      if (side == KeyType.RANGE) {
        elements.add(key("h", KeyType.HASH));
        definitions.add(def("h", "S"));
      }
      for (int i = 0; i < 5; i++) {
        elements.add(key("a" + i, side));
        definitions.add(def("a" + i, "S"));
      }

      DynamoDbException e = refused(() -> dynamo.createTable(
          table("five" + side, definitions, index("idx", elements))));

      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("One or more parameter values were"
          + " invalid: The KeySchema exceeds the maximum allowed number of " + side
          + " key attributes");
    }
    assertThat(dynamo.listTables().tableNames()).isEmpty();
  }

  /**
   * The texts of the ack-api-quirks catalogue (DDB-TABLE-123, DDB-TABLE-442, probed on DynamoDB);
   * ScyllaDB's composite-GSI tests, run against DynamoDB, match them with {@code
   * HASH.*precede.*RANGE} and {@code same name}.
   */
  @Test
  void createTable_refusesRangeBeforeHashDuplicatesAndUndefinedAttributes() {
    List<AttributeDefinition> abc = List.of(def("p", "S"), def("a", "S"), def("b", "S"),
        def("c", "S"));

    assertThat(validationMessage(() -> dynamo.createTable(table("tab1", abc.subList(0, 3),
        index("idx", List.of(key("a", KeyType.RANGE), key("b", KeyType.HASH)))))))
        .isEqualTo("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    assertThat(validationMessage(() -> dynamo.createTable(table("tab2", abc,
        index("idx", List.of(key("a", KeyType.HASH), key("b", KeyType.RANGE),
            key("c", KeyType.HASH)))))))
        .isEqualTo("One or more parameter values were invalid: All HASH key attributes must"
            + " precede RANGE key attributes in the KeySchema");
    assertThat(validationMessage(() -> dynamo.createTable(table("tab3", abc.subList(0, 2),
        index("idx", List.of(key("a", KeyType.HASH), key("a", KeyType.HASH)))))))
        .isEqualTo("The KeySchema contains multiple key attributes with the same name");
    assertThat(validationMessage(() -> dynamo.createTable(table("tab5", abc.subList(0, 3),
        index("idx", List.of(key("a", KeyType.HASH), key("b", KeyType.HASH),
            key("a", KeyType.RANGE)))))))
        .isEqualTo("The KeySchema contains multiple key attributes with the same name");
    assertThat(validationMessage(() -> dynamo.createTable(table("tab4", abc.subList(0, 2),
        index("idx", List.of(key("a", KeyType.HASH), key("b", KeyType.HASH)))))))
        .isEqualTo("One or more parameter values were invalid: Some index key attributes are not"
            + " defined in AttributeDefinitions. Keys: [a, b], AttributeDefinitions: [p, a]");
    assertThat(dynamo.listTables().tableNames()).isEmpty();
  }

  @Test
  void createTable_keepsTableAndLocalIndexKeysToOneHashAndOneRange() {
    String lsiMessage = validationMessage(() -> dynamo.createTable(b -> b.tableName("matches")
        .keySchema(key("p", KeyType.HASH), key("c", KeyType.RANGE))
        .attributeDefinitions(def("p", "S"), def("c", "S"), def("l", "S"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
            .keySchema(key("p", KeyType.HASH), key("c", KeyType.RANGE), key("l", KeyType.RANGE))
            .projection(all()).build())));
    String tableMessage = validationMessage(() -> dynamo.createTable(b -> b.tableName("matches")
        .keySchema(key("p", KeyType.HASH), key("q", KeyType.HASH))
        .attributeDefinitions(def("p", "S"), def("q", "S"))
        .billingMode(BillingMode.PAY_PER_REQUEST)));

    assertThat(lsiMessage).startsWith("1 validation error detected: Value '")
        .contains("' at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint:"
            + " Member must have length less than or equal to 2");
    assertThat(tableMessage)
        .isEqualTo("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }

  @Test
  void updateTable_refusesFiveHashElements_andLeavesTheTableAlone() {
    dynamo.createTable(table("matches", List.of(def("p", "S")), null));
    List<AttributeDefinition> definitions = new ArrayList<>();
    List<KeySchemaElement> elements = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      definitions.add(def("a" + i, "S"));
      elements.add(key("a" + i, KeyType.HASH));
    }

    DynamoDbException e = refused(() -> dynamo.updateTable(b -> b.tableName("matches")
        .attributeDefinitions(definitions)
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("idx").keySchema(elements)
            .projection(all())))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("One or more parameter values were"
        + " invalid: The KeySchema exceeds the maximum allowed number of HASH key attributes");
    assertThat(dynamo.describeTable(b -> b.tableName("matches")).table().hasGlobalSecondaryIndexes())
        .isFalse();
  }

  @Test
  void updateTable_refusesHashAfterRange_andLeavesTheTableAlone() {
    dynamo.createTable(table("matches", List.of(def("p", "S")), null));

    String text = validationMessage(() -> dynamo.updateTable(b -> b.tableName("matches")
        .attributeDefinitions(def("a", "S"), def("b", "S"), def("c", "S"))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("idx")
            .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.HASH))
            .projection(all())))));

    assertThat(text).isEqualTo("One or more parameter values were invalid: All HASH key"
        + " attributes must precede RANGE key attributes in the KeySchema");
    assertThat(dynamo.describeTable(b -> b.tableName("matches")).table()
        .hasGlobalSecondaryIndexes()).isFalse();
  }

  @Test
  void putItem_refusesAWrongTypeForAnyIndexKeyAttribute_andWritesNothing() {
    dynamo.createTable(motoTable("matches"));

    String hash = validationMessage(() -> dynamo.putItem(b -> b.tableName("matches").item(Map.of(
        "pk", s("1"), "gsi_pk", n(1), "gsi_sk", s("a"), "gsi_sk2", n(1)))));
    String secondRange = validationMessage(() -> dynamo.putItem(b -> b.tableName("matches")
        .item(Map.of("pk", s("1"), "gsi_pk", s("p"), "gsi_sk", s("a"), "gsi_sk2", s("1")))));
    String empty = validationMessage(() -> dynamo.putItem(b -> b.tableName("matches").item(Map.of(
        "pk", s("1"), "gsi_pk", s("p"), "gsi_sk", s(""), "gsi_sk2", n(1)))));

    assertThat(hash).isEqualTo("One or more parameter values were invalid: Type mismatch for"
        + " Index Key gsi_pk Expected: S Actual: N IndexName: test_gsi");
    assertThat(secondRange).isEqualTo("One or more parameter values were invalid: Type mismatch"
        + " for Index Key gsi_sk2 Expected: N Actual: S IndexName: test_gsi");
    assertThat(empty).contains("IndexName: test_gsi, IndexKey: gsi_sk");
    assertThat(dynamo.scan(b -> b.tableName("matches")).count()).isZero();
  }

  /** The table of moto's AWS-verified tests: pk; test_gsi on gsi_pk, gsi_sk (S), gsi_sk2 (N). */
  static CreateTableRequest motoTable(String name) {
    return table(name, List.of(def("pk", "S"), def("gsi_pk", "S"), def("gsi_sk", "S"),
        def("gsi_sk2", "N")), index("test_gsi", List.of(key("gsi_pk", KeyType.HASH),
            key("gsi_sk", KeyType.RANGE), key("gsi_sk2", KeyType.RANGE))));
  }

  static CreateTableRequest table(String name, List<AttributeDefinition> definitions,
      GlobalSecondaryIndex index) {
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name)
        .keySchema(key(definitions.get(0).attributeName(), KeyType.HASH))
        .attributeDefinitions(definitions)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    return (index == null ? b : b.globalSecondaryIndexes(index)).build();
  }

  static GlobalSecondaryIndex index(String name, List<KeySchemaElement> elements) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(elements).projection(all())
        .build();
  }

  static Projection all() {
    return Projection.builder().projectionType(ProjectionType.ALL).build();
  }

  static DynamoDbException refused(Runnable call) {
    DynamoDbException e = catchThrowableOfType(call::run, DynamoDbException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e;
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static AttributeDefinition def(String name, String type) {
    return AttributeDefinition.builder().attributeName(name)
        .attributeType(ScalarAttributeType.fromValue(type)).build();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
