package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.s;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.UpdateTable;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Key attribute names are 1 to 255 characters wherever a key schema is declared, and the length
 * is reported before any other schema problem; other attribute names are under 65,536 bytes in
 * reads as in writes. ScyllaDB's AWS-run test_limits.py (the {@code *_key_len_bad*},
 * {@code *_incoherent_names} and {@code nonkey_bad} tests) shows DynamoDB answering so.
 */
class AttributeNameLengthSdkTest {
  static final String LENGTH = "Names of key attributes and attributes projected into an index"
      + " must be between 1 and 255 characters, inclusive";
  static final String LONG = "k".repeat(256);

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("base").keySchema(key("p", KeyType.HASH))
        .attributeDefinitions(def("p", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Test
  void updateTable_refusesANewIndexKeyedOnANameOf256Characters() {
    assertThat(validationMessage(() -> createIndex(LONG, LONG))).isEqualTo(LENGTH);

    assertThat(dynamo.describeTable(b -> b.tableName("base")).table()
        .hasGlobalSecondaryIndexes()).isFalse();
    createIndex("k".repeat(255), "k".repeat(255));
  }

  @Test
  void updateTable_reportsTheLength_beforeTheUndefinedKeyAttribute() {
    assertThat(validationMessage(() -> createIndex(LONG, "incoherent-short-name")))
        .isEqualTo(LENGTH);
    assertThat(validationMessage(() -> createIndex("incoherent-short-name", LONG)))
        .isEqualTo(LENGTH);
  }

  @Test
  void updateTable_inJava_refusesTheNameToo() {
    KeyAttribute key = KeyAttribute.s(LONG);
    Throwable thrown = catchThrowableOfType(RuntimeException.class,
        () -> tombstone.dynamoDb().updateTable(UpdateTable.Request.of("base")
            .creatingIndex(new TableDefinition.IndexDefinition("byLong", KeySchema.of(key),
                "ALL", List.of(), 0, 0))
            .withAttributeDefinitions(Map.of(LONG, key.type()))));

    assertThat(thrown).hasMessage(LENGTH);
  }

  @Test
  void createTable_reportsTheLength_beforeTheUndefinedKeyAttribute() {
    String shortName = "incoherent-short-name";
    // The table's HASH key, then its RANGE key, long and undefined or defined long and unused.
    assertThat(validationMessage(() -> createTable(List.of(LONG), List.of(shortName), null, null)))
        .isEqualTo(LENGTH);
    assertThat(validationMessage(() -> createTable(List.of(shortName), List.of(LONG), null, null)))
        .isEqualTo(LENGTH);
    assertThat(validationMessage(() -> createTable(List.of("x", LONG), List.of("x", shortName),
        null, null))).isEqualTo(LENGTH);
    assertThat(validationMessage(() -> createTable(List.of("x", shortName), List.of("x", LONG),
        null, null))).isEqualTo(LENGTH);

    assertThat(tombstone.dynamoDb().hasTable("created")).isFalse();
  }

  @Test
  void createTable_reportsTheLength_beforeAnIndexsUndefinedKeyAttribute() {
    String shortName = "incoherent-short-name";
    List<String> table = List.of("a", "b");

    for (boolean local : new boolean[] {false, true}) {
      assertThat(validationMessage(() -> createTable(table, List.of("a", "b", LONG), shortName,
          local))).isEqualTo(LENGTH);
      assertThat(validationMessage(() -> createTable(table, List.of("a", "b", shortName), LONG,
          local))).isEqualTo(LENGTH);
    }
    assertThat(tombstone.dynamoDb().hasTable("created")).isFalse();
  }

  /**
   * CreateTable of a table keyed on {@code keys} (HASH, then RANGE) defining {@code defined};
   * with {@code indexKey}, a global (or {@code local}) index keyed on it too.
   */
  private void createTable(List<String> keys, List<String> defined, String indexKey,
      Boolean local) {
    dynamo.createTable(b -> {
      b.tableName("created").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(keys.size() == 1 ? List.of(key(keys.get(0), KeyType.HASH))
              : List.of(key(keys.get(0), KeyType.HASH), key(keys.get(1), KeyType.RANGE)))
          .attributeDefinitions(defined.stream()
              .map(name -> def(name, ScalarAttributeType.S)).toList());
      if (indexKey != null && local) {
        b.localSecondaryIndexes(l -> l.indexName("lsi")
            .keySchema(key(keys.get(0), KeyType.HASH), key(indexKey, KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL)));
      } else if (indexKey != null) {
        b.globalSecondaryIndexes(g -> g.indexName("gsi").keySchema(key(indexKey, KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)));
      }
    });
  }

  @Test
  void attributesToGet_refusesANameOf65536Bytes_inEveryRead() {
    String longest = "a".repeat(65_535);
    String tooLong = "a".repeat(65_536);
    Map<String, AttributeValue> key = Map.of("p", s("k"));
    dynamo.putItem(b -> b.tableName("base").item(Map.of("p", s("k"), longest, s("v"))));
    String refusal = "Attribute name is too large, must be less than 65536 bytes";

    assertThat(dynamo.getItem(b -> b.tableName("base").key(key).attributesToGet(longest))
        .item()).containsOnlyKeys(longest);
    assertThat(validationMessage(() -> dynamo.getItem(b -> b.tableName("base").key(key)
        .attributesToGet(tooLong)))).isEqualTo(refusal);
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("base")
        .keyConditions(Map.of("p", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
            .attributeValueList(s("k")).build()))
        .attributesToGet(tooLong)))).isEqualTo(refusal);
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("base")
        .attributesToGet(tooLong)))).isEqualTo(refusal);
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of("base",
        KeysAndAttributes.builder().keys(key).attributesToGet(tooLong).build())))))
        .isEqualTo(refusal);
  }

  @Test
  void attributesToGet_refusesAnEmptyList_inEveryRead() {
    Map<String, AttributeValue> key = Map.of("p", s("k"));
    String refusal = "1 validation error detected: Value '[]' at 'attributesToGet' failed to"
        + " satisfy constraint: Member must have length greater than or equal to 1";

    assertThat(validationMessage(() -> dynamo.getItem(b -> b.tableName("base").key(key)
        .attributesToGet(List.of())))).isEqualTo(refusal);
    assertThat(validationMessage(() -> dynamo.query(b -> b.tableName("base")
        .keyConditions(Map.of("p", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
            .attributeValueList(s("k")).build()))
        .attributesToGet(List.of())))).isEqualTo(refusal);
    assertThat(validationMessage(() -> dynamo.scan(b -> b.tableName("base")
        .attributesToGet(List.of())))).isEqualTo(refusal);
    assertThat(validationMessage(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of("base",
        KeysAndAttributes.builder().keys(key).attributesToGet(List.of()).build())))))
        .isEqualTo("1 validation error detected: Value at 'RequestItems.base.member."
            + "AttributesToGet' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 1");
  }

  private void createIndex(String defined, String keyed) {
    dynamo.updateTable(b -> b.tableName("base")
        .attributeDefinitions(def(defined, ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("hello")
            .keySchema(key(keyed, KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)))));
  }
}
