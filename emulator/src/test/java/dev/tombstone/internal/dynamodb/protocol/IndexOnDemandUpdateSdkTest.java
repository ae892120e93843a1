package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalSecondaryIndexAction;

/**
 * A GlobalSecondaryIndexUpdates {@code Update} carrying {@code OnDemandThroughput}, empty or
 * not, must name a global index of the table, as every other index Update must; an empty one
 * alone on an existing index is refused, as an Update naming nothing but the index is
 * (DDB-TABLE-456 for an on-demand table).
 */
class IndexOnDemandUpdateSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  static DynamoDbClient dynamo;

  @BeforeAll
  static void client() {
    dynamo = SdkClients.dynamoDbWithoutRetries(server.tombstone().endpoint());
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @BeforeEach
  void tables() {
    dynamo.createTable(b -> b.tableName("demand")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("id", KeyType.HASH), key("at", KeyType.RANGE))
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("at", ScalarAttributeType.N),
            def("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .onDemandThroughput(o -> o.maxReadRequestUnits(7L)))
        .localSecondaryIndexes(l -> l.indexName("byGLocal")
            .keySchema(key("id", KeyType.HASH), key("g", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    dynamo.createTable(b -> b.tableName("fixed")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id", ScalarAttributeType.S),
            def("g", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));
  }

  static Runnable update(String table, Consumer<UpdateGlobalSecondaryIndexAction.Builder> u) {
    return () -> dynamo.updateTable(b -> b.tableName(table)
        .globalSecondaryIndexUpdates(x -> x.update(u)));
  }

  static String notFound(Runnable call) {
    return catchThrowableOfType(call::run, ResourceNotFoundException.class)
        .awsErrorDetails().errorMessage();
  }

  static TableDescription described(String table) {
    return dynamo.describeTable(b -> b.tableName(table)).table();
  }

  @Test
  void anEmptyOnDemandThroughput_ofAMissingIndex_isNotFound_asAnyOtherUpdateOfIt() {
    TableDescription before = described("demand");

    String empty = notFound(update("demand", u -> u.indexName("ghost")
        .onDemandThroughput(o -> { })));
    String limits = notFound(update("demand", u -> u.indexName("ghost")
        .onDemandThroughput(o -> o.maxReadRequestUnits(5L))));
    String onProvisioned = notFound(update("fixed", u -> u.indexName("ghost")
        .onDemandThroughput(o -> { })));

    assertThat(empty).isEqualTo("Requested resource not found: Index ghost for table demand");
    assertThat(limits).isEqualTo(empty);
    assertThat(onProvisioned)
        .isEqualTo("Requested resource not found: Index ghost for table fixed");
    assertThat(described("demand")).isEqualTo(before);
  }

  @Test
  void aLocalIndexName_withOnDemandThroughput_isNotAGlobalIndex_andNothingIsStored() {
    String empty = validationMessage(() -> update("demand", u -> u.indexName("byGLocal")
        .onDemandThroughput(o -> { })).run());
    String limits = validationMessage(() -> update("demand", u -> u.indexName("byGLocal")
        .onDemandThroughput(o -> o.maxWriteRequestUnits(5L))).run());

    assertThat(empty)
        .isEqualTo("Cannot update an index that is not a GlobalSecondaryIndex: byGLocal");
    assertThat(limits).isEqualTo(empty);
    assertThat(described("demand").localSecondaryIndexes()).hasSize(1);
  }

  @Test
  void anEmptyOnDemandThroughput_alone_ofAnExistingIndex_isRefused_andChangesNothing() {
    TableDescription before = described("demand");

    String onDemandTable = validationMessage(() -> update("demand", u -> u.indexName("byG")
        .onDemandThroughput(o -> { })).run());
    String provisionedTable = validationMessage(() -> update("fixed", u -> u.indexName("byG")
        .onDemandThroughput(o -> { })).run());

    assertThat(onDemandTable).isEqualTo("One or more parameter values were invalid: The only"
        + " Updates for index: byG when TableThroughputMode is PAY_PER_REQUEST can be to"
        + " OnDemandThroughput, WarmThroughput");
    assertThat(provisionedTable).isEqualTo("One or more parameter values were invalid:"
        + " OnDemandThroughput must have at least one of MaxReadRequestUnits or"
        + " MaxWriteRequestUnits specified for index: byG");
    assertThat(described("demand")).isEqualTo(before);
    assertThat(described("demand").globalSecondaryIndexes().get(0).onDemandThroughput())
        .isEqualTo(OnDemandThroughput.builder().maxReadRequestUnits(7L).build());
  }

  @Test
  void anUpdateNamingOnlyTheIndex_isRefusedByBillingMode_andNeedsAGlobalIndex() {
    TableDescription demand = described("demand");
    TableDescription fixed = described("fixed");

    String onDemandTable = validationMessage(() -> update("demand", u -> u.indexName("byG")).run());
    String provisionedTable =
        validationMessage(() -> update("fixed", u -> u.indexName("byG")).run());
    String missing = notFound(update("demand", u -> u.indexName("ghost")));
    String local = validationMessage(() -> update("demand", u -> u.indexName("byGLocal")).run());

    // DDB-TABLE-456 records this text for an Update{IndexName} alone on an on-demand table.
    assertThat(onDemandTable).isEqualTo("One or more parameter values were invalid: The only"
        + " Updates for index: byG when TableThroughputMode is PAY_PER_REQUEST can be to"
        + " OnDemandThroughput, WarmThroughput");
    assertThat(provisionedTable).isEqualTo("One or more parameter values were invalid:"
        + " ProvisionedThroughput must be specified for index: byG");
    assertThat(missing).isEqualTo("Requested resource not found: Index ghost for table demand");
    assertThat(local)
        .isEqualTo("Cannot update an index that is not a GlobalSecondaryIndex: byGLocal");
    assertThat(described("demand")).isEqualTo(demand);
    assertThat(described("fixed")).isEqualTo(fixed);
  }

  @Test
  void anEmptyOnDemandThroughput_besideAnotherIndexChange_countsAsAbsent() {
    dynamo.updateTable(b -> b.tableName("demand").globalSecondaryIndexUpdates(x -> x.update(u -> u
        .indexName("byG").onDemandThroughput(o -> { })
        .warmThroughput(w -> w.readUnitsPerSecond(13_000L)))));

    TableDescription after = described("demand");
    assertThat(after.globalSecondaryIndexes().get(0).warmThroughput().readUnitsPerSecond())
        .isEqualTo(13_000L);
    assertThat(after.globalSecondaryIndexes().get(0).onDemandThroughput())
        .isEqualTo(OnDemandThroughput.builder().maxReadRequestUnits(7L).build());
  }
}
