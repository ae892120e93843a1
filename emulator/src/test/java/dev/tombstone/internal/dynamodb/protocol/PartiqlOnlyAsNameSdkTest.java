package dev.tombstone.internal.dynamodb.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.testing.RunningTombstone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Only} is no PartiQL keyword for DynamoDB: a bare {@code SET Only = set_delete(Only,
 * <<'only'>>)} is an update, and taking the last member out removes the attribute (floci's
 * DynamoDbPartiQLDocumentedSyntaxIntegrationTest, captured from DynamoDB 2026-09-17).
 */
class PartiqlOnlyAsNameSdkTest {
  static final String TABLE = "bands";
  static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("b1"));

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final DynamoDbClient dynamo = server.dynamoDb();

  @BeforeEach
  void table() {
    SdkTables.stringHashKey(dynamo, TABLE, "pk");
    dynamo.putItem(b -> b.tableName(TABLE).item(Map.of(
        "pk", AttributeValue.fromS("b1"),
        "Only", AttributeValue.fromSs(List.of("only")),
        "Members", AttributeValue.fromSs(List.of("m1", "m2")))));
  }

  @Test
  void setDelete_ofTheLastMember_underABareOnly_removesTheAttribute() {
    dynamo.executeStatement(b -> b.statement(
        "UPDATE bands SET Only = set_delete(Only, <<'only'>>) WHERE pk = 'b1'"));

    Map<String, AttributeValue> item = stored();
    assertThat(item).doesNotContainKey("Only");
    assertThat(item.get("Members").ss()).containsExactlyInAnyOrder("m1", "m2");
  }

  @Test
  void bareOnly_readsAndWritesAsAName() {
    dynamo.executeStatement(b -> b.statement(
        "UPDATE bands SET Only = set_add(Only, <<'two'>>) WHERE pk = 'b1'"));

    assertThat(dynamo.executeStatement(b -> b.statement(
        "SELECT Only FROM bands WHERE pk = 'b1' AND contains(Only, 'two')")).items())
        .singleElement()
        .satisfies(i -> assertThat(i.get("Only").ss()).containsExactlyInAnyOrder("only", "two"));
  }

  private Map<String, AttributeValue> stored() {
    return dynamo.getItem(b -> b.tableName(TABLE).key(KEY).consistentRead(true)).item();
  }
}
