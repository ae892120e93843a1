package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** {@code @DynamoDbTable(stream = …)}: the table's stream, created with it. */
class StreamDeclarationTest {

  @TombstoneTest
  @DynamoDbTable(name = "users", partitionKey = "Id", stream = DynamoDbTable.Stream.OLD_IMAGE)
  static class Declared {
    @Test
    void aDeleteIsRecordedWithTheItemItRemoved(DynamoDbClient dynamo,
        DynamoDbStreamsClient streams, Tombstone tombstone) {
      TableDescription table = dynamo.describeTable(b -> b.tableName("users")).table();
      assertThat(table.streamSpecification().streamEnabled()).isTrue();
      assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("OLD_IMAGE");

      dynamo.putItem(b -> b.tableName("users").item(Map.of(
          "Id", AttributeValue.fromS("u1"), "Name", AttributeValue.fromS("Ada"))));
      dynamo.deleteItem(b -> b.tableName("users").key(Map.of("Id", AttributeValue.fromS("u1"))));

      String shard = streams.describeStream(b -> b.streamArn(table.latestStreamArn()))
          .streamDescription().shards().get(0).shardId();
      String iterator = streams.getShardIterator(b -> b.streamArn(table.latestStreamArn())
          .shardId(shard).shardIteratorType("TRIM_HORIZON")).shardIterator();
      List<Record> records = streams.getRecords(b -> b.shardIterator(iterator)).records();

      assertThat(records).extracting(Record::eventNameAsString).containsExactly("INSERT", "REMOVE");
      assertThat(records.get(1).dynamodb().oldImage())
          .containsEntry("Name", AttributeValue.fromS("Ada"));
      assertThat(records.get(1).dynamodb().newImage()).isEmpty();
      assertThat(tombstone.requests()).as("the set-up's requests are not the test's")
          .noneMatch(r -> r.toString().contains("CreateTable"));
    }
  }

  @Test
  void aDeclaredStream_isCreatedWithTheTable() {
    Kit.run(Declared.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @TombstoneTest
  @DynamoDbTable(name = "users", partitionKey = "Id", stream = DynamoDbTable.Stream.OLD_IMAGE)
  static class Redeclared {
    @Test
    @DynamoDbTable(name = "users", partitionKey = "Id",
        stream = DynamoDbTable.Stream.NEW_AND_OLD_IMAGES)
    void test() {}
  }

  @Test
  void redeclaredWithAnotherStream_failsNamingIt() throws Exception {
    assertThat(Kit.onlyFailure(Kit.run(Redeclared.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("stream NEW_AND_OLD_IMAGES instead of OLD_IMAGE");
  }

  @TombstoneTest(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class KeptTable {
    @Test
    @Order(1)
    @DynamoDbTable(name = "audit", partitionKey = "Id")
    void streamEnabledByATest(DynamoDbClient dynamo) {
      dynamo.updateTable(b -> b.tableName("audit")
          .streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")));
    }

    @Test
    @Order(2)
    @DynamoDbTable(name = "audit", partitionKey = "Id")
    void keyOnlyDeclaration_keepsTheStream(DynamoDbClient dynamo) {
      assertThat(dynamo.describeTable(b -> b.tableName("audit")).table().streamSpecification()
          .streamViewTypeAsString()).isEqualTo("KEYS_ONLY");
    }

    @Test
    @Order(3)
    @DynamoDbTable(name = "audit", partitionKey = "Id", stream = DynamoDbTable.Stream.OLD_IMAGE)
    void declaredWithAnotherStream() {}
  }

  @Test
  void keptTable_withAnotherStreamThanDeclared_isRefused() throws Exception {
    EngineExecutionResults results = Kit.run(KeptTable.class);

    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(1));
    assertThat(Kit.onlyFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("table audit already exists, with stream KEYS_ONLY instead of"
            + " OLD_IMAGE");
  }
}
