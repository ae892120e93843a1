package dev.tombstone.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every secondary index has an id that lasts as long as the index: kept by UpdateTable changes
 * that leave the index in place, new for an index deleted and created again under its name.
 */
class IndexIdsTest {
  private static final TableDefinition.IndexDefinition BY_G = new TableDefinition.IndexDefinition(
      "byG", KeySchema.of(KeyAttribute.s("g")), "KEYS_ONLY", List.of(), 5, 5);

  private final DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());

  @Test
  void indexId_survivesAThroughputChange_butNotADeleteAndCreate() {
    Map<String, AttributeType> definitions = new LinkedHashMap<>();
    definitions.put("pk", AttributeType.S);
    definitions.put("g", AttributeType.S);
    UUID created = state.createTable(new TableDefinition("tab", KeySchema.of(KeyAttribute.s("pk")),
        definitions, TableDefinition.BillingMode.PROVISIONED, 5, 5, List.of(), List.of(BY_G),
        false)).indexIds().get("byG");

    UUID afterThroughput = state.updateTable(UpdateTable.Request.of("tab")
        .withIndexChange(new UpdateTable.IndexChange.Update("byG", 7, 7))).indexIds().get("byG");
    state.updateTable(UpdateTable.Request.of("tab").deletingIndex("byG"));
    UUID recreated = state.updateTable(UpdateTable.Request.of("tab")
        .withAttributeDefinitions(Map.of("g", AttributeType.S)).creatingIndex(BY_G))
        .indexIds().get("byG");

    assertThat(created).isNotNull().isEqualTo(afterThroughput);
    assertThat(recreated).isNotNull().isNotEqualTo(created);
    assertThat(state.describeTable("tab").indexIds()).containsEntry("byG", recreated);
  }
}
