package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateVectorIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;
import software.amazon.awssdk.services.dynamodb.model.VectorIndexDescription;

/** Vector indexes in CreateTable, UpdateTable and DescribeTable, over HTTP with the SDK. */
class VectorIndexSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  static CreateTableRequest.Builder table(String name) {
    return CreateTableRequest.builder().tableName(name)
        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
        .billingMode("PAY_PER_REQUEST");
  }

  static VectorIndex.Builder vectorIndex(String name, long dimensions, String distance) {
    return VectorIndex.builder().indexName(name).dimensions(dimensions)
        .distanceFunction(distance).vectorAttribute(v -> v.attributeName("embedding"))
        .projection(p -> p.projectionType("ALL"));
  }

  static AttributeValue vector(double... values) {
    return AttributeValue.fromL(java.util.Arrays.stream(values)
        .mapToObj(v -> AttributeValue.fromN(Double.toString(v))).toList());
  }

  private DynamoDbException refused(Runnable call) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e;
  }

  @Test
  void createTable_keepsTheVectorIndexAndDescribesItActive() {
    TableDescription created = dynamo.createTable(table("docs")
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
            AttributeDefinition.builder().attributeName("category").attributeType("S").build())
        .vectorIndexes(vectorIndex("by-meaning", 3, "COSINE")
            .searchSchema(s -> s.attributeName("category").searchSchemaElementType("HASH"))
            .build())
        .build()).tableDescription();
    dynamo.putItem(b -> b.tableName("docs").item(Map.of("pk", AttributeValue.fromS("a"),
        "category", AttributeValue.fromS("news"), "embedding", vector(1, 0, 0))));
    dynamo.putItem(b -> b.tableName("docs").item(Map.of("pk", AttributeValue.fromS("b"),
        "embedding", vector(1, 0, 0))));

    assertThat(created.vectorIndexes()).singleElement()
        .satisfies(v -> assertThat(v.indexStatusAsString()).isEqualTo("ACTIVE"));
    TableDescription described = dynamo.describeTable(b -> b.tableName("docs")).table();
    VectorIndexDescription index = described.vectorIndexes().get(0);
    assertThat(index.indexName()).isEqualTo("by-meaning");
    assertThat(index.dimensions()).isEqualTo(3L);
    assertThat(index.distanceFunctionAsString()).isEqualTo("COSINE");
    assertThat(index.vectorAttribute().attributeName()).isEqualTo("embedding");
    assertThat(index.searchSchema()).singleElement().satisfies(e -> {
      assertThat(e.attributeName()).isEqualTo("category");
      assertThat(e.searchSchemaElementTypeAsString()).isEqualTo("HASH");
    });
    assertThat(index.projection().projectionTypeAsString()).isEqualTo("ALL");
    assertThat(index.itemCount()).as("the item without its HASH attribute is left out")
        .isEqualTo(1L);
    assertThat(index.indexSizeBytes()).isPositive();
    assertThat(index.indexArn()).isEqualTo(described.tableArn() + "/index/by-meaning");
    assertThat(described.attributeDefinitions()).extracting(AttributeDefinition::attributeName)
        .containsExactly("category", "pk");
  }

  @Test
  void createTable_refusesProvisionedTables() {
    DynamoDbException e = refused(() -> dynamo.createTable(table("prov")
        .billingMode("PROVISIONED")
        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
        .vectorIndexes(vectorIndex("v-index", 3, "COSINE").build()).build()));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
        "One or more parameter values were invalid: " + VectorIndexDefinitions.ON_DEMAND_ONLY);
    assertThat(catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.describeTable(b -> b.tableName("prov")))).isNotNull();
  }

  @Test
  void createTable_refusesASearchSchemaAttributeWithoutDefinition() {
    DynamoDbException e = refused(() -> dynamo.createTable(table("undefined")
        .vectorIndexes(vectorIndex("v-index", 3, "COSINE")
            .searchSchema(s -> s.attributeName("category").searchSchemaElementType("HASH"))
            .build()).build()));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("One element in SearchSchema is not defined in attribute definitions");
  }

  @Test
  void createTable_checksTheModelConstraints() {
    DynamoDbException e = refused(() -> dynamo.createTable(table("constraints")
        .vectorIndexes(vectorIndex("v", 0, "MANHATTAN").build()).build()));

    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("3 validation errors detected: ")
        .contains("Value 'v' at 'vectorIndexes.1.member.indexName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 3")
        .contains("Value '0' at 'vectorIndexes.1.member.dimensions' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1")
        .contains("Value 'MANHATTAN' at 'vectorIndexes.1.member.distanceFunction' failed to"
            + " satisfy constraint: Member must satisfy enum value set: [COSINE, DOT_PRODUCT,"
            + " EUCLIDEAN]");
  }

  @Test
  void createTable_refusesTooManyDimensionsAndDuplicateNames() {
    assertThat(refused(() -> dynamo.createTable(table("big")
        .vectorIndexes(vectorIndex("v-index", 4097, "COSINE").build()).build()))
        .awsErrorDetails().errorMessage()).contains("Dimensions must be between 1 and 4096");
    assertThat(refused(() -> dynamo.createTable(table("twice")
        .vectorIndexes(vectorIndex("v-index", 3, "COSINE").build(),
            vectorIndex("v-index", 3, "EUCLIDEAN").build()).build()))
        .awsErrorDetails().errorMessage())
        .isEqualTo("One or more parameter values were invalid: Duplicate index name: v-index");
  }

  @Test
  void createTable_refusesTwoIndexesOnOneAttributeWithDifferentDimensions() {
    assertThat(refused(() -> dynamo.createTable(table("mixed")
        .vectorIndexes(vectorIndex("first", 3, "COSINE").build(),
            vectorIndex("second", 4, "EUCLIDEAN").build()).build()))
        .awsErrorDetails().errorMessage()).contains("must all have the same Dimensions");
  }

  @Test
  void updateTable_createsThenDeletesAVectorIndex() {
    dynamo.createTable(table("grow").build());
    dynamo.putItem(b -> b.tableName("grow").item(Map.of("pk", AttributeValue.fromS("a"),
        "embedding", vector(0.5, 0.5))));

    TableDescription afterCreate = dynamo.updateTable(b -> b.tableName("grow")
        .vectorIndexUpdates(u -> u.create(CreateVectorIndexAction.builder()
            .indexName("added").dimensions(2L).distanceFunction("EUCLIDEAN")
            .vectorAttribute(v -> v.attributeName("embedding"))
            .projection(p -> p.projectionType("KEYS_ONLY")).build()))).tableDescription();

    assertThat(afterCreate.vectorIndexes()).singleElement().satisfies(v -> {
      assertThat(v.indexName()).isEqualTo("added");
      assertThat(v.itemCount()).as("backfilled at once").isEqualTo(1L);
    });

    TableDescription afterDelete = dynamo.updateTable(b -> b.tableName("grow")
        .vectorIndexUpdates(u -> u.delete(d -> d.indexName("added")))).tableDescription();

    assertThat(afterDelete.hasVectorIndexes()).isFalse();
    assertThat(dynamo.describeTable(b -> b.tableName("grow")).table().hasVectorIndexes())
        .isFalse();
  }

  @Test
  void updateTable_refusesDeletingAnUnknownIndexAndCombinedChanges() {
    dynamo.createTable(table("plain").build());

    ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.updateTable(b -> b.tableName("plain")
            .vectorIndexUpdates(u -> u.delete(d -> d.indexName("nothing")))));
    assertThat(missing.awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Index nothing for table plain");

    DynamoDbException combined = refused(() -> dynamo.updateTable(b -> b.tableName("plain")
        .deletionProtectionEnabled(true)
        .vectorIndexUpdates(u -> u.create(CreateVectorIndexAction.builder()
            .indexName("v-index").dimensions(2L).distanceFunction("COSINE")
            .vectorAttribute(v -> v.attributeName("embedding"))
            .projection(p -> p.projectionType("ALL")).build()))));
    assertThat(combined.awsErrorDetails().errorMessage()).contains(VectorIndexUpdates.NOT_ALONE);
    TableDescription unchanged = dynamo.describeTable(b -> b.tableName("plain")).table();
    assertThat(unchanged.deletionProtectionEnabled()).isFalse();
    assertThat(unchanged.hasVectorIndexes()).isFalse();
  }

  @Test
  void updateTable_newSearchSchemaAttributeNeedsItsDefinition() {
    dynamo.createTable(table("schema").build());
    CreateVectorIndexAction action = CreateVectorIndexAction.builder()
        .indexName("by-kind").dimensions(2L).distanceFunction("DOT_PRODUCT")
        .vectorAttribute(v -> v.attributeName("embedding"))
        .searchSchema(s -> s.attributeName("kind").searchSchemaElementType("INLINE_FILTER"))
        .projection(p -> p.projectionType("INCLUDE").nonKeyAttributes("title")).build();

    assertThat(refused(() -> dynamo.updateTable(b -> b.tableName("schema")
        .vectorIndexUpdates(u -> u.create(action)))).awsErrorDetails().errorMessage())
        .isEqualTo(VectorIndexDefinitions.SEARCH_SCHEMA_UNDEFINED);

    TableDescription updated = dynamo.updateTable(b -> b.tableName("schema")
        .attributeDefinitions(a -> a.attributeName("kind").attributeType("N"))
        .vectorIndexUpdates(u -> u.create(action))).tableDescription();
    assertThat(updated.vectorIndexes().get(0).projection().nonKeyAttributes())
        .isEqualTo(List.of("title"));
    assertThat(updated.attributeDefinitions()).extracting(AttributeDefinition::attributeName)
        .containsExactly("kind", "pk");
  }
}
