package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * An index {@code Delete} or {@code Update} naming no global index: AWS's texts as the
 * ack-api-quirks catalogue recorded them in 2026 (DDB-TABLE-161, -446, -137).
 */
class UpdateTableIndexNotFoundSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    dynamo.createTable(b -> b.tableName("orders")
        .keySchema(key("id", KeyType.HASH), key("at", KeyType.RANGE))
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("at", ScalarAttributeType.N),
            def("customer", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
        .localSecondaryIndexes(l -> l.indexName("byCustomer")
            .keySchema(key("id", KeyType.HASH), key("customer", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
  }

  @Test
  void anUnknownIndex_isNotFound_namingTheTable() {
    GlobalSecondaryIndexUpdate delete =
        GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("ghost")).build();
    GlobalSecondaryIndexUpdate update = GlobalSecondaryIndexUpdate.builder()
        .update(u -> u.indexName("ghost")
            .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L)))
        .build();

    for (GlobalSecondaryIndexUpdate change : new GlobalSecondaryIndexUpdate[] {delete, update}) {
      ResourceNotFoundException e = catchThrowableOfType(() -> dynamo.updateTable(b -> b
          .tableName("orders").globalSecondaryIndexUpdates(change)),
          ResourceNotFoundException.class);
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("Requested resource not found: Index ghost for table orders");
    }
  }

  @Test
  void aLocalIndexName_isNotAGlobalIndex() {
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("orders")
        .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byCustomer"))))))
        .isEqualTo("Cannot delete an index that is not a GlobalSecondaryIndex: byCustomer");
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("orders")
        .globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byCustomer")
            .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L)))))))
        .isEqualTo("Cannot update an index that is not a GlobalSecondaryIndex: byCustomer");
    assertThat(dynamo.describeTable(b -> b.tableName("orders")).table().localSecondaryIndexes())
        .hasSize(1);
  }
}
