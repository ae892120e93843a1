package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The order of CreateTable's key schema checks, as dynalite's AWS-derived tests
 * (test/createTable.js) record it: a table key schema longer than its definitions, then
 * undefined key attributes, a repeated name, HASH first, RANGE second; an index's the same
 * without the count. Also the projection type's enum listing order.
 */
class CreateTableKeySchemaOrderSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  static final List<AttributeDefinition> AB =
      List.of(def("a", ScalarAttributeType.S), def("b", ScalarAttributeType.S));

  String create(List<AttributeDefinition> definitions, KeySchemaElement... keys) {
    return create(CreateTableRequest.builder().tableName("ordered")
        .attributeDefinitions(definitions).keySchema(keys)
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build());
  }

  String create(CreateTableRequest request) {
    String text = validationMessage(() -> dynamo.createTable(request));
    assertThat(tombstone.dynamoDb().hasTable("ordered")).isFalse();
    return text;
  }

  @Test
  void moreKeysThanDefinitions_comesBeforeEveryOtherKeySchemaCheck() {
    assertThat(create(List.of(), key("a", KeyType.HASH), key("a", KeyType.HASH)))
        .isEqualTo("Invalid KeySchema: Some index key attribute have no definition");
    assertThat(create(List.of(def("a", ScalarAttributeType.S)),
        key("a", KeyType.HASH), key("a", KeyType.HASH)))
        .isEqualTo("Invalid KeySchema: Some index key attribute have no definition");
    assertThat(create(List.of(def("b", ScalarAttributeType.S)),
        key("a", KeyType.HASH), key("b", KeyType.RANGE)))
        .isEqualTo("Invalid KeySchema: Some index key attribute have no definition");
  }

  @Test
  void oneUndefinedKey_isNamedWithTheDefinitions() {
    assertThat(create(List.of(def("b", ScalarAttributeType.S)), key("a", KeyType.HASH)))
        .isEqualTo("One or more parameter values were invalid: Some index key attributes are"
            + " not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]");
  }

  @Test
  void aRepeatedName_comesBeforeTheSecondElementsKeyType() {
    assertThat(create(AB, key("a", KeyType.HASH), key("a", KeyType.HASH)))
        .isEqualTo("Invalid KeySchema: Both the Hash Key and the Range Key element in the"
            + " KeySchema have the same name");
    assertThat(create(AB, key("a", KeyType.HASH), key("b", KeyType.HASH)))
        .isEqualTo("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }

  @Test
  void localIndex_undefinedKeys_comeBeforeItsKeyTypes() {
    LocalSecondaryIndex index = LocalSecondaryIndex.builder().indexName("abc")
        .keySchema(key("c", KeyType.RANGE), key("d", KeyType.RANGE))
        .projection(p -> p.projectionType("ALL")).build();

    assertThat(create(table().localSecondaryIndexes(index).build()))
        .isEqualTo("One or more parameter values were invalid: Some index key attributes are"
            + " not defined in AttributeDefinitions. Keys: [c, d], AttributeDefinitions: [a, b]");
  }

  @Test
  void localIndex_aRepeatedName_comesBeforeItsKeyTypes() {
    LocalSecondaryIndex index = LocalSecondaryIndex.builder().indexName("abc")
        .keySchema(key("a", KeyType.HASH), key("a", KeyType.HASH))
        .projection(p -> p.projectionType("ALL")).build();

    assertThat(create(table().localSecondaryIndexes(index).build()))
        .isEqualTo("Invalid KeySchema: Both the Hash Key and the Range Key element in the"
            + " KeySchema have the same name");
  }

  @Test
  void globalIndex_anUndefinedRangeKeyAlone_isReportedUndefined() {
    GlobalSecondaryIndex index = GlobalSecondaryIndex.builder().indexName("abc")
        .keySchema(key("c", KeyType.RANGE)).projection(p -> p.projectionType("ALL"))
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build();

    assertThat(create(table().globalSecondaryIndexes(index).build()))
        .isEqualTo("One or more parameter values were invalid: Some index key attributes are"
            + " not defined in AttributeDefinitions. Keys: [c], AttributeDefinitions: [a, b]");
  }

  @Test
  void badProjectionType_listsTheEnumAsDynamoDbDoes() {
    LocalSecondaryIndex index = LocalSecondaryIndex.builder().indexName("abc")
        .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE))
        .projection(p -> p.projectionType("abc")).build();

    assertThat(create(table().localSecondaryIndexes(index).build()))
        .isEqualTo("1 validation error detected: Value 'abc' at 'localSecondaryIndexes.1.member"
            + ".projection.projectionType' failed to satisfy constraint: Member must satisfy"
            + " enum value set: [ALL, INCLUDE, KEYS_ONLY]");
  }

  private static CreateTableRequest.Builder table() {
    return CreateTableRequest.builder().tableName("ordered").attributeDefinitions(AB)
        .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE))
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L));
  }
}
