package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.def;
import static dev.tombstone.internal.dynamodb.protocol.QuerySdkTest.key;
import static dev.tombstone.internal.dynamodb.protocol.SdkErrors.validationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The order of model violations AWS reports for throughput units and new global index names
 * (ack-api-quirks catalogue, DDB-TABLE-038, -058 and -457, AWS 2026).
 */
class ConstraintOrderSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void zeroUnits_reportWriteBeforeRead_inCreateTableAndUpdateTable() {
    String text = "2 validation errors detected: Value '0' at"
        + " 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must"
        + " have value greater than or equal to 1; Value '0' at"
        + " 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must"
        + " have value greater than or equal to 1";

    assertThat(validationMessage(() -> dynamo.createTable(b -> b.tableName("zero")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id", ScalarAttributeType.S))
        .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L)))))
        .isEqualTo(text);
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("zero")
        .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L)))))
        .isEqualTo(text);
  }

  @Test
  void anEmptyGlobalIndexName_reportsTheLengthBeforeThePattern() {
    String lengthThenPattern = "failed to satisfy constraint: Member must have length greater"
        + " than or equal to 3; Value '' at '%s' failed to satisfy constraint: Member must satisfy"
        + " regular expression pattern: [a-zA-Z0-9_.-]+";
    dynamo.createTable(b -> b.tableName("indexed").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));

    assertThat(validationMessage(() -> dynamo.createTable(b -> b.tableName("unnamed")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(def("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(g -> g.indexName("").keySchema(key("id", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))))))
        .isEqualTo("2 validation errors detected: Value '' at"
            + " 'globalSecondaryIndexes.1.member.indexName' " + String.format(lengthThenPattern,
                "globalSecondaryIndexes.1.member.indexName"));
    GlobalSecondaryIndexUpdate create = GlobalSecondaryIndexUpdate.builder()
        .create(c -> c.indexName("").keySchema(key("a", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)))
        .build();
    assertThat(validationMessage(() -> dynamo.updateTable(b -> b.tableName("indexed")
        .attributeDefinitions(def("a", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(create))))
        .isEqualTo("2 validation errors detected: Value '' at"
            + " 'globalSecondaryIndexUpdates.1.member.create.indexName' "
            + String.format(lengthThenPattern,
                "globalSecondaryIndexUpdates.1.member.create.indexName"));
  }
}
