package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.n;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Paths into key attributes of the table or of its indexes, and UpdateItem's index key types
 * (dynalite's AWS-validated test/getItem.js, scan.js, query.js and updateItem.js cases). The
 * table: key a (HASH) and b (RANGE), a local index on c, a global index on d.
 */
class ScalarKeyPathsSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private static final String KEY_TEXT =
      "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed:";

  final DynamoDbClient dynamo = server.dynamoDb();
  final Map<String, AttributeValue> itemKey = Map.of("a", s("p"), "b", s("r"));

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("keyed")
        .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE))
        .attributeDefinitions(def("a", ScalarAttributeType.S), def("b", ScalarAttributeType.S),
            def("c", ScalarAttributeType.S), def("d", ScalarAttributeType.S))
        .localSecondaryIndexes(l -> l.indexName("byC")
            .keySchema(key("a", KeyType.HASH), key("c", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL)))
        .globalSecondaryIndexes(g -> g.indexName("byD").keySchema(key("d", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void getItem_projectionIntoAnIndexKey_namesTheIndexKey() {
    for (String path : new String[] {"#c.x.y", "#c[0]", "d[1]"}) {
      assertThat(validationMessage(() -> dynamo.getItem(b -> b.tableName("keyed").key(itemKey)
          .projectionExpression(path)
          .expressionAttributeNames(path.startsWith("#") ? Map.of("#c", "c") : null))))
          .isEqualTo(KEY_TEXT + " IndexKey: " + path.replace("#", "").substring(0, 1));
    }
  }

  @Test
  void getItem_projectionIntoATableKey_namesTheKeyBeforeAnIndexKey() {
    assertThat(validationMessage(() -> dynamo.getItem(b -> b.tableName("keyed").key(itemKey)
        .projectionExpression("d.x, b.x"))))
        .isEqualTo(KEY_TEXT + " Key: b");
  }

  @Test
  void scan_filterIntoAKey_isRefused_andATopLevelKeyIsNot() {
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("keyed")
        .filterExpression("attribute_exists(a.b.c)"))))
        .isEqualTo(KEY_TEXT + " Key: a");
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("keyed")
        .filterExpression("size(d[0]) > :n").expressionAttributeValues(Map.of(":n", n(1))))))
        .isEqualTo(KEY_TEXT + " IndexKey: d");
    assertThat(dynamo.scan(b -> b.tableName("keyed")
        .filterExpression("attribute_exists(a) AND e.f = :n")
        .expressionAttributeValues(Map.of(":n", n(1)))).count()).isZero();
  }

  @Test
  void scan_filterIntoAKey_comesAfterTheIndexAndTheStartKey() {
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("keyed").indexName("none")
        .filterExpression("attribute_exists(a.b)"))))
        .isEqualTo("The table does not have the specified index: none");
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("keyed")
        .exclusiveStartKey(Map.of("a", n(1), "b", s("r")))
        .filterExpression("attribute_exists(a.b)"))))
        .startsWith("The provided starting key is invalid");
  }

  @Test
  void query_filterIntoAnIndexKey_isRefused() {
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("keyed")
        .keyConditionExpression("a = :a").filterExpression("attribute_exists(c.x) AND e = :n")
        .expressionAttributeValues(Map.of(":a", s("p"), ":n", n(1))))))
        .isEqualTo(KEY_TEXT + " IndexKey: c");
  }

  @Test
  void updateItem_pathIntoAnIndexKey_writtenOrRead_isRefused_andNothingIsStored() {
    assertThat(validationMessage(() -> update("ADD c.x :n", Map.of(":n", n(1)))))
        .isEqualTo(KEY_TEXT + " IndexKey: c");
    assertThat(validationMessage(() -> update("SET d[1] = :n", Map.of(":n", n(1)))))
        .isEqualTo(KEY_TEXT + " IndexKey: d");
    assertThat(validationMessage(() -> update("SET e = list_append(f, g), h = d[1]", null)))
        .isEqualTo(KEY_TEXT + " IndexKey: d");
    assertThat(dynamo.scan(b -> b.tableName("keyed")).count()).isZero();
  }

  @Test
  void updateItem_indexKeyOfAKnownWrongType_comesBeforeThePaths() {
    assertThat(validationMessage(() -> update("SET d.x = e ADD c :n", Map.of(":n", n(1)))))
        .isEqualTo("One or more parameter values were invalid: Type mismatch for Index Key c"
            + " Expected: S Actual: N IndexName: byC");
    assertThat(validationMessage(() -> update("SET e = c[1], d = f + :n", Map.of(":n", n(1)))))
        .isEqualTo("One or more parameter values were invalid: Type mismatch for Index Key d"
            + " Expected: S Actual: N IndexName: byD");
    assertThat(dynamo.scan(b -> b.tableName("keyed")).count()).isZero();
  }

  @Test
  void updateItem_indexKeySetFromTheItem_ofTheWrongType_isAnUnsupportedType() {
    update("SET e = :n", Map.of(":n", n(1)));

    assertThat(validationMessage(() -> update("SET c = e", null)))
        .isEqualTo("The update expression attempted to update the secondary index key to"
            + " unsupported type");
    assertThat(validationMessage(() -> update("SET d = if_not_exists(d, e)", null)))
        .isEqualTo("The update expression attempted to update the secondary index key to"
            + " unsupported type");
    assertThat(dynamo.getItem(b -> b.tableName("keyed").key(itemKey)).item())
        .isEqualTo(Map.of("a", s("p"), "b", s("r"), "e", n(1)));
  }

  @Test
  void updateItem_indexKeySetFromTheItem_ofTheRightType_isStored() {
    update("SET e = :s", Map.of(":s", s("x")));
    update("SET c = e, d = e", null);

    assertThat(dynamo.query(b -> b.tableName("keyed").indexName("byD")
        .keyConditionExpression("d = :x").expressionAttributeValues(Map.of(":x", s("x"))))
        .count()).isEqualTo(1);
  }

  private void update(String expression, Map<String, AttributeValue> values) {
    dynamo.updateItem(b -> b.tableName("keyed").key(itemKey).updateExpression(expression)
        .expressionAttributeValues(values));
  }
}
