package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tombstone.DynamoDbJson;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DynamoDbJson#tableDefinition}: CreateTable's reading and checks, without HTTP. */
class TableDefinitionJsonTest {
  private static final String ORDERS = """
      {"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
       "AttributeDefinitions": [{"AttributeName": "Customer", "AttributeType": "S"},
                                {"AttributeName": "Order", "AttributeType": "N"},
                                {"AttributeName": "Status", "AttributeType": "S"}],
       "KeySchema": [{"AttributeName": "Customer", "KeyType": "HASH"},
                     {"AttributeName": "Order", "KeyType": "RANGE"}],
       "GlobalSecondaryIndexes": [{"IndexName": "byStatus",
           "KeySchema": [{"AttributeName": "Status", "KeyType": "HASH"}],
           "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["Total"]}}],
       "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "OLD_IMAGE"}}""";

  @Test
  void aCreateTableRequest_becomesTheDefinitionTheStateCreates() {
    TableDefinition definition = DynamoDbJson.tableDefinition(ORDERS);

    assertThat(definition.name()).isEqualTo("Orders");
    assertThat(definition.billingMode()).isEqualTo(TableDefinition.BillingMode.PAY_PER_REQUEST);
    assertThat(definition.keySchema().partitionKey().name()).isEqualTo("Customer");
    assertThat(definition.keySchema().sortKey().type()).isEqualTo(AttributeType.N);
    assertThat(definition.globalSecondaryIndexes()).singleElement().satisfies(index -> {
      assertThat(index.name()).isEqualTo("byStatus");
      assertThat(index.projectionType()).isEqualTo("INCLUDE");
      assertThat(index.nonKeyAttributes()).containsExactly("Total");
    });
    assertThat(definition.streamViewType()).isEqualTo(StreamViewType.OLD_IMAGE);

    DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());
    state.createTable(definition);
    assertThat(state.tableDefinition("Orders").globalSecondaryIndexes())
        .extracting(TableDefinition.IndexDefinition::name).containsExactly("byStatus");
  }

  @Test
  void whatCreateTableRefuses_isRefusedWithItsMessage() {
    String localIndexWithoutTableSortKey = """
        {"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
         "AttributeDefinitions": [{"AttributeName": "Id", "AttributeType": "S"},
                                  {"AttributeName": "At", "AttributeType": "N"}],
         "KeySchema": [{"AttributeName": "Id", "KeyType": "HASH"}],
         "LocalSecondaryIndexes": [{"IndexName": "byAt",
             "KeySchema": [{"AttributeName": "Id", "KeyType": "HASH"},
                           {"AttributeName": "At", "KeyType": "RANGE"}],
             "Projection": {"ProjectionType": "ALL"}}]}""";

    assertThatThrownBy(() -> DynamoDbJson.tableDefinition(localIndexWithoutTableSortKey))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessage("One or more parameter values were invalid: Table KeySchema does not have a"
            + " range key, which is required when specifying a LocalSecondaryIndex");
    assertThatThrownBy(() -> DynamoDbJson.tableDefinition(
            "{\"TableName\": \"x\", \"BillingMode\": \"PAY_PER_REQUEST\","
                + " \"AttributeDefinitions\": [], \"KeySchema\": []}"))
        .isInstanceOf(DynamoDbError.Validation.class)
        .hasMessageStartingWith("2 validation errors detected: Value 'x' at 'tableName' failed"
            + " to satisfy constraint: Member must have length greater than or equal to 3");
  }

  @Test
  void textThatIsNoCreateTableRequest_isAnIllegalArgument() {
    for (String json : List.of("not json", "[]", "{\"TableName\": 5}")) {
      assertThatThrownBy(() -> DynamoDbJson.tableDefinition(json))
          .as(json).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
