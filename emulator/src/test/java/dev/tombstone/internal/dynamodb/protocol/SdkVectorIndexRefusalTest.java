package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Vector search (SearchVectors, a table's {@code VectorIndexes}) is not served: CreateTable and
 * UpdateTable refuse vector indexes rather than drop them, so a test never runs against a table
 * that silently lacks the indexes it asked for.
 */
class SdkVectorIndexRefusalTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  private static CreateTableRequest.Builder table(String name) {
    return CreateTableRequest.builder().tableName(name)
        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
        .billingMode("PAY_PER_REQUEST");
  }

  @Test
  void createTableWithAVectorIndex_isRefusedAndCreatesNothing() {
    DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.createTable(table("vectors")
            .vectorIndexes(v -> v.indexName("embedding-index").dimensions(3L)
                .distanceFunction("COSINE"))
            .build()));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(refused.awsErrorDetails().errorMessage())
        .isEqualTo("VectorIndexes is not supported by Tombstone: leave it out");
    assertThat(catchThrowableOfType(ResourceNotFoundException.class,
        () -> dynamo.describeTable(b -> b.tableName("vectors")))).isNotNull();
  }

  @Test
  void createTableWithAnEmptyVectorIndexList_createsTheTable() {
    dynamo.createTable(table("no-vectors").vectorIndexes(new java.util.ArrayList<>()).build());

    assertThat(dynamo.describeTable(b -> b.tableName("no-vectors")).table().tableName())
        .isEqualTo("no-vectors");
  }

  @Test
  void updateTableWithAVectorIndexUpdate_isRefusedAndChangesNothing() {
    dynamo.createTable(table("plain").build());

    DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
        () -> dynamo.updateTable(b -> b.tableName("plain").deletionProtectionEnabled(true)
            .vectorIndexUpdates(u -> u.create(c -> c.indexName("embedding-index")
                .dimensions(3L).distanceFunction("COSINE")))));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(refused.awsErrorDetails().errorMessage())
        .isEqualTo("VectorIndexUpdates is not supported by Tombstone: leave it out");
    assertThat(dynamo.describeTable(b -> b.tableName("plain")).table()
        .deletionProtectionEnabled()).isFalse();
  }
}
