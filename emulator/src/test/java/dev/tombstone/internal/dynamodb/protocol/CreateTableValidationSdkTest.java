package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.Tombstone;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.testing.RunningTombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * CreateTable requests DynamoDB refuses, through the SDK v2 client: each answers 400
 * ValidationException with DynamoDB's text and creates nothing.
 */
class CreateTableValidationSdkTest {
  private static final Projection ALL =
      Projection.builder().projectionType(ProjectionType.ALL).build();

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final Tombstone tombstone = server.tombstone();
  final DynamoDbClient dynamo = server.dynamoDb();
  final Wire wire = new Wire(server.tombstone().endpoint());

  @Test
  void threeKeySchemaElements_areEchoedAsDynamoDbPrintsThem() {
    String message = validationMessage(() -> dynamo.createTable(b -> b.tableName("three")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE), key("x", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)));

    assertThat(message).isEqualTo("1 validation error detected: Value '["
        + "KeySchemaElement(attributeName=pk, keyType=HASH), "
        + "KeySchemaElement(attributeName=sk, keyType=RANGE), "
        + "KeySchemaElement(attributeName=x, keyType=RANGE)]' at 'keySchema' failed to satisfy"
        + " constraint: Member must have length less than or equal to 2");
    assertThat(tombstone.dynamoDb().hasTable("three")).isFalse();
  }

  @Test
  void keySchemaElementWithoutAKeyType_isEchoedWithNull() {
    Wire.Response response = wire.post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"three\","
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"sk\"},{\"KeyType\":\"RANGE\",\"AttributeName\":null}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body()).message()).isEqualTo(
        "3 validation errors detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH),"
            + " KeySchemaElement(attributeName=sk, keyType=null),"
            + " KeySchemaElement(attributeName=null, keyType=RANGE)]' at 'keySchema' failed to"
            + " satisfy constraint: Member must have length less than or equal to 2;"
            + " Value null at 'keySchema.2.member.keyType' failed to satisfy constraint:"
            + " Member must not be null;"
            + " Value null at 'keySchema.3.member.attributeName' failed to satisfy constraint:"
            + " Member must not be null");
  }

  @Test
  void capacityUnits_aboveOneTrillion_areOutOfBounds_readsReportedFirst() {
    assertThat(validationMessage(() -> dynamo.createTable(provisioned("big", 1_000_000_000_001L,
        1_000_000_000_001L))))
        .isEqualTo("Given value 1000000000001 for ReadCapacityUnits is out of bounds");
    assertThat(validationMessage(() -> dynamo.createTable(
        provisioned("big", 1L, 1_000_000_000_001L))))
        .isEqualTo("Given value 1000000000001 for WriteCapacityUnits is out of bounds");
    assertThat(tombstone.dynamoDb().hasTable("big")).isFalse();

    // Up to the bound it is the per-table quota that refuses them (TableThroughputQuotaSdkTest).
    dynamo.createTable(provisioned("big", 40_000L, 40_000L));
    assertThat(tombstone.dynamoDb().tableDefinition("big").readCapacityUnits())
        .isEqualTo(40_000L);
  }

  @Test
  void capacityUnits_outOfBounds_isReportedBeforeTheTableIsFoundToExist() {
    dynamo.createTable(provisioned("taken", 1L, 1L));

    assertThat(validationMessage(() -> dynamo.createTable(
        provisioned("taken", 1_000_000_000_001L, 1L))))
        .isEqualTo("Given value 1000000000001 for ReadCapacityUnits is out of bounds");
  }

  /** A request problem with its indexes, applied to a valid table keyed pk, sk. */
  record IndexCase(String name, Consumer<CreateTableRequest.Builder> indexes, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<IndexCase> indexCases() {
    String invalid = "One or more parameter values were invalid: ";
    return Stream.of(
        new IndexCase("two GSIs of one name",
            b -> b.globalSecondaryIndexes(gsi("gsi1", "x"), gsi("gsi1", "y")),
            invalid + "Duplicate index name: gsi1"),
        new IndexCase("an LSI and a GSI of one name",
            b -> b.localSecondaryIndexes(lsi("idx", "pk", "x"))
                .globalSecondaryIndexes(gsi("idx", "y")),
            invalid + "Duplicate index name: idx"),
        new IndexCase("an LSI on a table without a sort key",
            b -> b.keySchema(key("pk", KeyType.HASH))
                .localSecondaryIndexes(lsi("lsi1", "pk", "x")),
            invalid + "Table KeySchema does not have a range key, which is required when"
                + " specifying a LocalSecondaryIndex"),
        new IndexCase("an LSI with another hash key",
            b -> b.localSecondaryIndexes(lsi("lsi1", "y", "x")),
            invalid + "Index KeySchema does not have the same leading hash key as table"
                + " KeySchema for index: lsi1. index hash key: y, table hash key: pk"),
        new IndexCase("an LSI without a range key",
            b -> b.localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi1")
                .keySchema(key("pk", KeyType.HASH)).projection(ALL).build()),
            invalid + "Index KeySchema does not have a range key for index: lsi1"),
        new IndexCase("KEYS_ONLY with NonKeyAttributes",
            b -> b.globalSecondaryIndexes(gsi("gsi1", "x").toBuilder().projection(p -> p
                .projectionType(ProjectionType.KEYS_ONLY).nonKeyAttributes("a")).build()),
            invalid + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified"),
        new IndexCase("INCLUDE without NonKeyAttributes",
            b -> b.globalSecondaryIndexes(gsi("gsi1", "x").toBuilder().projection(p -> p
                .projectionType(ProjectionType.INCLUDE)).build()),
            invalid + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified"),
        new IndexCase("INCLUDE naming an attribute twice",
            b -> b.globalSecondaryIndexes(gsi("gsi1", "x").toBuilder().projection(p -> p
                .projectionType(ProjectionType.INCLUDE).nonKeyAttributes("a", "a")).build()),
            invalid + "Duplicate element in NonKeyAttributes: a"),
        new IndexCase("ALL with NonKeyAttributes",
            b -> b.localSecondaryIndexes(lsi("lsi1", "pk", "x").toBuilder().projection(p -> p
                .projectionType(ProjectionType.ALL).nonKeyAttributes("a")).build()),
            invalid + "ProjectionType is ALL, but NonKeyAttributes is specified"),
        new IndexCase("a projection without a type",
            b -> b.globalSecondaryIndexes(gsi("gsi1", "x").toBuilder()
                .projection(Projection.builder().build()).build()),
            invalid + "Unknown ProjectionType: null"),
        new IndexCase("no GSIs", b -> b.globalSecondaryIndexes(List.of()),
            invalid + "List of GlobalSecondaryIndexes is empty"),
        new IndexCase("no LSIs", b -> b.localSecondaryIndexes(List.of()),
            invalid + "List of LocalSecondaryIndexes is empty"),
        new IndexCase("21 GSIs", b -> b.globalSecondaryIndexes(IntStream.rangeClosed(1, 21)
                .mapToObj(i -> gsi("gsi" + i, "x")).toList()),
            invalid + "GlobalSecondaryIndex count exceeds the per-table limit of 20"),
        new IndexCase("6 LSIs", b -> b.localSecondaryIndexes(IntStream.rangeClosed(1, 6)
                .mapToObj(i -> lsi("lsi" + i, "pk", "x")).toList()),
            invalid + "Number of LocalSecondaryIndexes exceeds per-table limit of 5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexCases")
  void invalidIndexes_areRefused_beforeTheTableIsFoundToExist(IndexCase problem) {
    assertThat(validationMessage(() -> dynamo.createTable(withIndexes("fresh", problem))))
        .isEqualTo(problem.message());
    assertThat(tombstone.dynamoDb().hasTable("fresh")).isFalse();

    dynamo.createTable(provisioned("taken", 1L, 1L));
    assertThat(validationMessage(() -> dynamo.createTable(withIndexes("taken", problem))))
        .isEqualTo(problem.message());
  }

  @Test
  void indexModelConstraints_areReportedWithTheTables() {
    String message = validationMessage(() -> dynamo.createTable(withIndexes("t", new IndexCase("",
        b -> b.tableName("t").globalSecondaryIndexes(gsi("g", "x").toBuilder()
            .keySchema(List.of()).projection(p -> p.projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(List.of())).build()), null))));

    assertThat(message).startsWith("4 validation errors detected: ").contains(
        "Value 't' at 'tableName' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 3",
        "Value 'g' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 3",
        "Value '[]' at 'globalSecondaryIndexes.1.member.keySchema' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1",
        "Value '[]' at 'globalSecondaryIndexes.1.member.projection.nonKeyAttributes' failed"
            + " to satisfy constraint: Member must have length greater than or equal to 1");
  }

  /**
   * AWS lists a global index's model violations before a local index's, whatever the request's
   * order and the names (the 2026 AWS-run conformance suite, validation-ordering
   * createTable.test.ts, "index name errors across index kinds").
   */
  @ParameterizedTest
  @MethodSource("shortIndexNames")
  void globalIndexModelViolations_areReportedBeforeLocalOnes(String local, String global) {
    String message = validationMessage(() -> dynamo.createTable(withIndexes("vo_ct_index_names",
        new IndexCase("", b -> b.localSecondaryIndexes(lsi(local, "pk", "x"))
            .globalSecondaryIndexes(gsi(global, "y")), null))));

    assertThat(message).isEqualTo("2 validation errors detected: Value '" + global
        + "' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint:"
        + " Member must have length greater than or equal to 3; Value '" + local
        + "' at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint:"
        + " Member must have length greater than or equal to 3");
    assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
  }

  static Stream<Arguments> shortIndexNames() {
    return Stream.of(Arguments.of("l1", "g1"), Arguments.of("aa", "zz"));
  }

  @Test
  void globalIndexModelViolations_areReportedBeforeLocalOnes_whenTheJsonListsTheLocalFirst() {
    Wire.Response response = wire.post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"t1x\","
        + "\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
        + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
        + "\"LocalSecondaryIndexes\":[{\"IndexName\":\"l1\",\"KeySchema\":["
        + "{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"lr\",\"KeyType\":\"RANGE\"}],"
        + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],"
        + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"g1\",\"KeySchema\":["
        + "{\"AttributeName\":\"gh\",\"KeyType\":\"HASH\"}],"
        + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ErrorBody.parse(response.body()).message()).startsWith(
        "2 validation errors detected: Value 'g1' at 'globalSecondaryIndexes.1.member.indexName'");
  }

  /**
   * AWS's text contains "Invalid KeySchema" (the 2026 AWS-run conformance suite,
   * validation-ordering createTable.test.ts, "rejects a duplicate attribute in KeySchema"). With
   * one definition for two key elements the count check answers first (dynalite
   * test/createTable.js, "missing key attr definition when double and same"); with two
   * definitions, the repeated name ("hash key and range key having same name").
   */
  @Test
  void oneNameForTheHashAndTheRangeKey_isAnInvalidKeySchema() {
    String message = validationMessage(() -> dynamo.createTable(b -> b.tableName("dupkey")
        .keySchema(key("pk", KeyType.HASH), key("pk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)));
    String withTwoDefinitions = validationMessage(() -> dynamo.createTable(b -> b
        .tableName("dupkey")
        .keySchema(key("pk", KeyType.HASH), key("pk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)));

    assertThat(message)
        .isEqualTo("Invalid KeySchema: Some index key attribute have no definition");
    assertThat(withTwoDefinitions).isEqualTo("Invalid KeySchema: Both the Hash Key and the"
        + " Range Key element in the KeySchema have the same name");
    assertThat(tombstone.dynamoDb().hasTable("dupkey")).isFalse();
  }

  static CreateTableRequest withIndexes(String table, IndexCase problem) {
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(table)
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
            def("x", ScalarAttributeType.S), def("y", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST);
    problem.indexes().accept(b);
    return b.build();
  }

  static GlobalSecondaryIndex gsi(String name, String hash) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(hash, KeyType.HASH))
        .projection(ALL).build();
  }

  static LocalSecondaryIndex lsi(String name, String hash, String range) {
    return LocalSecondaryIndex.builder().indexName(name)
        .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE)).projection(ALL).build();
  }

  @Test
  void globalIndexOfAProvisionedTable_withoutThroughput_isRefused() {
    assertThat(validationMessage(() -> dynamo.createTable(provisioned("games", 1L, 1L).toBuilder()
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("x", ScalarAttributeType.S))
        .globalSecondaryIndexes(gsi("byX", "x")).build())))
        .isEqualTo("One or more parameter values were invalid: ProvisionedThroughput is not"
            + " specified for index: byX");
  }

  @Test
  void unusedAttributeDefinitions_areRefused_whenTheTableHasIndexes_namingTheKeysUsed() {
    String message = validationMessage(() -> dynamo.createTable(b -> b.tableName("vt1")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
            def("zz", ScalarAttributeType.S), def("a", ScalarAttributeType.S),
            def("l", ScalarAttributeType.N))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(lsi("byL", "pk", "l"))
        .globalSecondaryIndexes(gsi("byA", "a"))));

    assertThat(message).isEqualTo("One or more parameter values were invalid: Some"
        + " AttributeDefinitions are not used. AttributeDefinitions: [pk, sk, zz, a, l], keys"
        + " used: [pk, sk, l, a]");
    assertThat(validationMessage(() -> dynamo.createTable(b -> b.tableName("vt2")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
            def("l", ScalarAttributeType.N), def("zz", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .localSecondaryIndexes(lsi("byL", "pk", "l")))))
        .isEqualTo("One or more parameter values were invalid: Some AttributeDefinitions are"
            + " not used. AttributeDefinitions: [pk, sk, l, zz], keys used: [pk, sk, l]");
    assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
  }

  @Test
  void globalIndexOfAnOnDemandTable_withThroughput_isRefused() {
    assertThat(validationMessage(() -> dynamo.createTable(b -> b.tableName("games")
        .keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("x", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(gsi("gix", "x").toBuilder()
            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
            .build()))))
        .isEqualTo("One or more parameter values were invalid: ProvisionedThroughput should"
            + " not be specified for index: gix when BillingMode is PAY_PER_REQUEST");
    assertThat(tombstone.dynamoDb().hasTable("games")).isFalse();
  }

  @Test
  void nonKeyAttributes_summedOverAllIndexes_mayNotExceed100_aNameInTwoIndexesCountingTwice() {
    List<String> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "n" + i).toList();
    Function<Integer, List<GlobalSecondaryIndex>> indexes = count -> IntStream
        .rangeClosed(1, count).mapToObj(i -> gsi("ix" + i, "x").toBuilder().projection(p -> p
            .projectionType(ProjectionType.INCLUDE).nonKeyAttributes(twenty)).build())
        .toList();
    Function<Integer, CreateTableRequest> table = count -> CreateTableRequest.builder()
        .tableName("wide" + count).keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("x", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST).globalSecondaryIndexes(indexes.apply(count))
        .build();

    assertThat(validationMessage(() -> dynamo.createTable(table.apply(6))))
        .isEqualTo("No more than 100 attributes per table can be projected into Local"
            + " Secondary Indices");
    assertThat(tombstone.dynamoDb().hasTable("wide6")).isFalse();
    dynamo.createTable(table.apply(5));
    assertThat(tombstone.dynamoDb().hasTable("wide5")).isTrue();
  }

  static CreateTableRequest provisioned(String name, long read, long write) {
    return CreateTableRequest.builder().tableName(name).keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S))
        .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write))
        .build();
  }

  static Stream<Arguments> namesCreateTableRefuses() {
    return Stream.of(
        Arguments.of("x", "pk", ""),
        Arguments.of("bad name!", "pk", ""),
        Arguments.of("x!", "pk", ""),
        Arguments.of("t".repeat(256), "pk", ""),
        Arguments.of("orders", "", ""),
        Arguments.of("orders", "k".repeat(256), ""),
        Arguments.of("orders", "pk", "k".repeat(256)));
  }

  /** The in-process API refuses what a request is refused, with the same message. */
  @ParameterizedTest
  @MethodSource("namesCreateTableRefuses")
  void inProcessCreateTable_refusesWhatCreateTableRefuses(String name, String partitionKey,
      String sortKey) {
    boolean ranged = !sortKey.isEmpty();
    List<KeySchemaElement> keys = new ArrayList<>(List.of(key(partitionKey, KeyType.HASH)));
    List<AttributeDefinition> definitions =
        new ArrayList<>(List.of(def(partitionKey, ScalarAttributeType.S)));
    if (ranged) {
      keys.add(key(sortKey, KeyType.RANGE));
      definitions.add(def(sortKey, ScalarAttributeType.N));
    }
    String overHttp = validationMessage(() -> dynamo.createTable(b -> b.tableName(name)
        .keySchema(keys).attributeDefinitions(definitions)
        .billingMode(BillingMode.PAY_PER_REQUEST)));
    KeySchema schema = ranged
        ? KeySchema.of(KeyAttribute.s(partitionKey), KeyAttribute.n(sortKey))
        : KeySchema.of(KeyAttribute.s(partitionKey));

    Throwable inProcess = catchThrowable(() -> tombstone.dynamoDb().createTable(name, schema));

    assertThat(inProcess).isInstanceOf(DynamoDbError.Validation.class).hasMessage(overHttp);
    assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
  }

  @Test
  void sseTypeAes256_isRefusedAsNotSupported_andAnUnknownTypeByTheModel() {
    String aes = validationMessage(() -> dynamo.createTable(encrypted("aes", "AES256")));
    String unknown = validationMessage(() -> dynamo.createTable(encrypted("des", "DES")));

    assertThat(aes).isEqualTo(
        "One or more parameter values were invalid: SSEType AES256 is not supported");
    assertThat(unknown).isEqualTo("1 validation error detected: Value 'DES' at"
        + " 'sSESpecification.sSEType' failed to satisfy constraint: Member must satisfy enum"
        + " value set: [AES256, KMS]");
    assertThat(tombstone.dynamoDb().tableNames()).isEmpty();
  }

  private static Consumer<CreateTableRequest.Builder> encrypted(String name, String sseType) {
    return b -> b.tableName(name).keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .sseSpecification(s -> s.enabled(true).sseType(sseType));
  }
}
