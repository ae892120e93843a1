package dev.tombstone.internal.dynamodb.partiql;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.UpdateItem;
import dev.tombstone.internal.dynamodb.expression.CompiledUpdate;
import java.util.List;

/**
 * Plans DELETE, INSERT and UPDATE as a DeleteItem, PutItem or UpdateItem of the one item their
 * key names, with the rest of the WHERE clause as its condition.
 */
final class WritePlanner {
  // AWS's text (moto's AWS-verified test_execute_statement_on_unknown_gsi_table).
  static final String ON_INDEX = "This operation is not supported on an index";
  static final String INSERT_ON_INDEX =
      "FROM clause may only contain a single table name in data manipulation statements";
  static final String DELETE_RETURNING =
      "Invalid returning clause: %s. Only RETURNING ALL OLD * is allowed in DELETE statements.";
  static final String INSERT_RETURNING = "RETURNING is not supported in INSERT";
  static final String KEY_PRESENT = "Key attribute should be present in the item: Key %s";

  private final PlanCompiler compiler;

  WritePlanner(PlanCompiler compiler) {
    this.compiler = compiler;
  }

  Plan delete(Statement.Delete delete, TableDefinition definition,
      List<AttributeValue> parameters, Planner.Options options) {
    if (delete.target().index() != null) {
      throw new DynamoDbError.Validation(ON_INDEX);
    }
    Statement.Returning returning = delete.returning();
    if (returning != null && !(returning.all() && returning.old())) {
      throw new DynamoDbError.Validation(String.format(DELETE_RETURNING, returning));
    }
    WhereClause where = singleItem(delete.where(), definition.keySchema(), parameters);
    ExpressionWriter writer = new ExpressionWriter(parameters);
    ItemCondition condition = compiler.condition(writer, where.condition());
    // DynamoDB: no item with the key is a success, whatever the rest of the clause says.
    ItemCondition guard = condition == null ? null
        : item -> item == null || item.isEmpty() || condition.matches(item);
    return new Plan.Delete(DeleteItem.Request.of(definition.name(), where.keys())
        .withCondition(guard)
        .withReturnValues(returning == null ? ReturnValues.NONE : ReturnValues.ALL_OLD)
        .withReturnValuesOnConditionCheckFailure(options.onConditionFailure()));
  }

  Plan insert(Statement.Insert insert, TableDefinition definition,
      List<AttributeValue> parameters) {
    if (insert.target().index() != null) {
      throw new DynamoDbError.Validation(INSERT_ON_INDEX);
    }
    if (insert.returning() != null) {
      throw new DynamoDbError.Validation(INSERT_RETURNING);
    }
    AttributeValue.M value = (AttributeValue.M) ValueBinder.bind(insert.value(), parameters);
    for (KeyAttribute key : definition.keySchema().attributes()) {
      AttributeValue v = value.values().get(key.name());
      if (v == null) {
        throw new DynamoDbError.Validation(String.format(KEY_PRESENT, key.name()));
      }
      if (v.type() != key.type()) {
        throw new DynamoDbError.Validation(String.format(WhereClause.KEY_TYPE, key.name()));
      }
    }
    ItemCondition absent = item -> item == null || item.isEmpty();
    return new Plan.Insert(
        PutItem.Request.of(definition.name(), Item.of(value.values())).withCondition(absent));
  }

  Plan update(Statement.Update update, TableDefinition definition,
      List<AttributeValue> parameters, Planner.Options options) {
    if (update.target().index() != null) {
      throw new DynamoDbError.Validation(ON_INDEX);
    }
    WhereClause where = singleItem(update.where(), definition.keySchema(), parameters);
    ExpressionWriter writer = new ExpressionWriter(parameters);
    String text = writer.update(update.actions());
    ItemCondition condition = compiler.condition(writer, where.condition());
    CompiledUpdate compiledUpdate = compiler.update(writer, text);
    // DynamoDB: an UPDATE of an item that does not exist fails its condition.
    ItemCondition guard = item -> item != null && !item.isEmpty()
        && (condition == null || condition.matches(item));
    Statement.Returning returning = update.returning();
    ReturnValues returnValues = returning == null ? ReturnValues.NONE
        : returning.all() ? (returning.old() ? ReturnValues.ALL_OLD : ReturnValues.ALL_NEW)
        : (returning.old() ? ReturnValues.UPDATED_OLD : ReturnValues.UPDATED_NEW);
    return new Plan.Update(UpdateItem.Request.of(definition.name(), where.keys(), compiledUpdate)
        .withCondition(guard)
        .withReturnValues(returnValues)
        .withReturnValuesOnConditionCheckFailure(options.onConditionFailure()));
  }

  private static WhereClause singleItem(Expr whereExpr, KeySchema keySchema,
      List<AttributeValue> parameters) {
    List<KeyAttribute> keys = keySchema.attributes();
    WhereClause where = WhereClause.split(whereExpr, keys, parameters, true);
    if (!where.hasAll(keys)) {
      throw new DynamoDbError.Validation(Planner.KEY_EQUALITY);
    }
    return where;
  }
}
