package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A table description lists its attribute definitions by name, not in the order CreateTable
 * gave them, as DynamoDB answers in every capture on record (README, CreateTable).
 */
class AttributeDefinitionsOrderSdkTest {
  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @Test
  void createTableAndDescribeTable_listTheDefinitionsByName() {
    TableDescription created = dynamo.createTable(b -> b.tableName("movies")
        .attributeDefinitions(a -> a.attributeName("year").attributeType("N"),
            a -> a.attributeName("title").attributeType("S"),
            a -> a.attributeName("Genre").attributeType("S"))
        .keySchema(k -> k.attributeName("year").keyType("HASH"),
            k -> k.attributeName("title").keyType("RANGE"))
        .globalSecondaryIndexes(g -> g.indexName("byGenre")
            .keySchema(k -> k.attributeName("Genre").keyType("HASH"))
            .projection(p -> p.projectionType("KEYS_ONLY")))
        .billingMode("PAY_PER_REQUEST")).tableDescription();

    assertThat(created.attributeDefinitions()).extracting(AttributeDefinition::attributeName)
        .containsExactly("Genre", "title", "year");
    assertThat(dynamo.describeTable(b -> b.tableName("movies")).table().attributeDefinitions())
        .isEqualTo(created.attributeDefinitions());
  }
}
