package dev.tombstone.junit;

import dev.tombstone.dynamodb.DynamoDbState;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an emulator's DynamoDB tables; {@link #table(String)} leads to the items.
 *
 * <pre>{@code
 * assertThat(tombstone.dynamoDb()).hasTable("users").table("users").hasSize(2);
 * }</pre>
 */
public final class DynamoDbStateAssert extends AbstractAssert<DynamoDbStateAssert, DynamoDbState> {

  DynamoDbStateAssert(DynamoDbState actual) {
    super(actual, DynamoDbStateAssert.class);
  }

  /** Verifies that a table of that name exists. */
  public DynamoDbStateAssert hasTable(String name) {
    isNotNull();
    if (!actual.hasTable(name)) {
      failWithMessage("%nExpecting a table named %s but the tables were:%n  %s",
          name, actual.tableNames());
    }
    return this;
  }

  /** Verifies that no table of that name exists. */
  public DynamoDbStateAssert doesNotHaveTable(String name) {
    isNotNull();
    if (actual.hasTable(name)) {
      failWithMessage("%nExpecting no table named %s but it exists", name);
    }
    return this;
  }

  /** Verifies that the table exists and continues with assertions on its items. */
  public DynamoDbTableAssert table(String name) {
    hasTable(name);
    return new DynamoDbTableAssert(actual, name);
  }
}
