package dev.tombstone.internal.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.TableDefinition;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DynamoDbNamespacesTest {
  final DynamoDbState shared = new DynamoDbState("us-east-1", Clock.systemUTC());
  final DynamoDbNamespaces namespaces =
      new DynamoDbNamespaces(shared, "default_tenant", "us-east-1", Clock.systemUTC());

  static TableDefinition table(String name, String key) {
    return TableDefinition.onDemand(name, KeySchema.of(KeyAttribute.s(key)));
  }

  @Test
  void theDefaultProject_isTheDynamoDbDialectsNamespace() {
    namespaces.create("default_tenant", state -> state.createTable(table("users", "id")));

    assertThat(namespaces.find("default_tenant")).containsSame(shared);
    assertThat(shared.hasTable("users")).isTrue();
  }

  @Test
  void anotherProject_getsItsNamespaceFromItsFirstCreateTable() {
    assertThat(namespaces.find("p1")).isEmpty();

    namespaces.create("p1", state -> state.createTable(table("users", "id")));
    namespaces.create("p1", state -> state.createTable(table("orders", "id")));

    assertThat(namespaces.find("p1")).hasValueSatisfying(state -> {
      assertThat(state).isNotSameAs(shared);
      assertThat(state.hasTable("users")).isTrue();
      assertThat(state.hasTable("orders")).isTrue();
    });
    assertThat(shared.hasTable("users")).isFalse();
  }

  @Test
  void aRefusedFirstCreateTable_leavesNoNamespaceBehind() {
    Throwable refused = catchThrowable(() ->
        namespaces.create("p2", state -> state.createTable(table("users", ""))));

    assertThat(refused).isInstanceOf(DynamoDbError.Validation.class);
    assertThat(namespaces.find("p2")).isEmpty();
  }

  @Test
  void aRefusedLaterCreateTable_keepsTheProjectsTables() {
    namespaces.create("p3", state -> state.createTable(table("users", "id")));

    Throwable refused = catchThrowable(() ->
        namespaces.create("p3", state -> state.createTable(table("users", "id"))));

    assertThat(refused).isInstanceOf(DynamoDbError.ResourceInUse.class);
    assertThat(namespaces.find("p3")).hasValueSatisfying(
        state -> assertThat(state.hasTable("users")).isTrue());
  }
}
