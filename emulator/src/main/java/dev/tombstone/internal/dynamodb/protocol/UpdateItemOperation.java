package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.ItemUpdate;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.UpdateItem;
import dev.tombstone.internal.dynamodb.ValueLayer;
import dev.tombstone.internal.dynamodb.expression.CompiledUpdate;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.IndexCheckedUpdate;
import dev.tombstone.internal.dynamodb.expression.LegacyUpdate;
import java.io.IOException;
import java.util.Map;

/** UpdateItem of API 2012-08-10: decode, validate in DynamoDB's order, update, encode. */
final class UpdateItemOperation {
  static final String UPDATES_MAP =
      "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValueUpdate>";
  private static final String[] ACTIONS = {"ADD", "PUT", "DELETE"};

  private final DynamoDbState state;
  private final ConditionSupport conditions;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT, ValueLayer.CURRENT);

  UpdateItemOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** The request as read off the wire: JSON type errors have failed, values are unchecked. */
  private record Wire(String tableName, Decoded key, String updateExpression,
      Map<String, LegacyUpdate> attributeUpdates, WriteOptions options) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = decode(request);
    UpdateItem.Request update = validate(wire);
    UpdateItem.Result result = state.updateItem(update);
    // Only a request asking for SIZE looks the table up.
    Map<String, AttributeValue> collection = wire.options().returnsItemCollection()
        ? ItemCollections.key(state, wire.tableName(), update.key()::get) : null;
    return wire.options().writeResult(result.attributes(), result.consumedCapacity(), collection);
  }

  private Wire decode(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    Decoded key = decoder.map(request, "Key");
    String updateExpression = Members.string(request, "UpdateExpression");
    Map<String, LegacyUpdate> updates = attributeUpdates(request, decoder);
    return new Wire(tableName, key, updateExpression, updates,
        WriteOptions.read(request, decoder));
  }

  /** Legacy {@code AttributeUpdates} in request order, or null when absent. */
  static Map<String, LegacyUpdate> attributeUpdates(Json.Obj request,
      AttributeValueDecoder decoder) {
    return Members.entries(request, "AttributeUpdates", UPDATES_MAP,
        raw -> Members.element(raw, "AttributeValueUpdate"), entry -> legacyUpdate(entry, decoder));
  }

  /** One {@code AttributeValueUpdate}: its {@code Action} and {@code Value}, unchecked. */
  static LegacyUpdate legacyUpdate(Json.Obj entry, AttributeValueDecoder decoder) {
    AttributeValueDecoder.Result value = decoder.single(entry.get("Value"));
    return new LegacyUpdate(Members.string(entry, "Action"),
        value == null ? null : value.value, value == null ? null : value.problem);
  }

  /**
   * DynamoDB's order: the model's constraints, the mix of expression and legacy parameters,
   * the key's values, then the update and the condition with their placeholders. The table,
   * the key schema, key attributes in the update and the condition's outcome are the store's.
   */
  private UpdateItem.Request validate(Wire wire) {
    WriteOptions options = wire.options();
    ConditionParameters condition = options.condition();
    Constraints constraints = new Constraints();
    options.checkLeadingConstraints(constraints, wire.tableName());
    // AWS lists ConditionalOperator before the missing key (conformance suite tier3
    // validation-ordering updateItem, 2026-10-09).
    options.checkConditionalOperator(constraints);
    constraints.notNull("key", wire.key());
    if (wire.attributeUpdates() != null) {
      wire.attributeUpdates().forEach((name, update) -> constraints.oneOf(
          "attributeUpdates." + name + ".member.action", update.action(), ACTIONS));
    }
    options.checkConditionConstraints(constraints);
    constraints.check();

    new ParameterMix()
        .legacy("AttributeUpdates", wire.attributeUpdates())
        .expression("UpdateExpression", wire.updateExpression())
        .writeCondition(condition)
        .check();
    Map<String, AttributeValue> key;
    try {
      checkPlaceholders(wire, condition);
      key = wire.key().valid();
    } catch (DynamoDbError.Validation e) {
      throw CurrentLayer.envelope(e);
    }
    ReturnValues returnValues = options.returnValues() == null
        ? ReturnValues.NONE : ReturnValues.valueOf(options.returnValues());
    ItemUpdate update;
    ItemCondition itemCondition;
    if (wire.updateExpression() == null && !condition.hasExpression()
        && condition.names() == null && condition.values() == null) {
      update = legacyUpdate(wire.attributeUpdates() == null ? Map.of() : wire.attributeUpdates());
      try {
        itemCondition = conditions.compile(condition, ValueLayer.CURRENT);
      } catch (DynamoDbError.Validation e) {
        throw CurrentLayer.compilation(e);
      }
    } else {
      ConditionSupport.WriteExpressions compiled;
      try {
        compiled = conditions.update(wire.updateExpression(), condition, ValueLayer.CURRENT);
      } catch (DynamoDbError.Validation e) {
        throw CurrentLayer.compilation(e);
      }
      update = compiled.update() != null ? compiled.update()
          : ExpressionCompiler.legacyUpdate(Map.of());
      itemCondition = compiled.condition();
    }
    if (update instanceof CompiledUpdate compiledUpdate) {
      update = indexChecked(compiledUpdate, wire.tableName(), key);
    }
    return UpdateItem.Request.of(wire.tableName(), key, update)
        .withCondition(itemCondition)
        .withReturnValues(returnValues)
        .withReturnValuesOnConditionCheckFailure(
            WriteOptions.onConditionFailure(options.returnValuesOnConditionCheckFailure()));
  }

  /**
   * The legacy {@code AttributeUpdates}: a bad value is reported inside the envelope, as AWS
   * reports it (conformance suite valueLayers.test.ts, 2026-10-09); names and actions stay bare.
   */
  private static ItemUpdate legacyUpdate(Map<String, LegacyUpdate> updates) {
    try {
      return ExpressionCompiler.legacyUpdate(updates);
    } catch (DynamoDbError.Validation e) {
      for (LegacyUpdate update : updates.values()) {
        if (e.getMessage().equals(update.problem())) {
          throw CurrentLayer.envelope(e);
        }
      }
      throw e;
    }
  }

  /**
   * The update held to the table's secondary index keys ({@link IndexCheckedUpdate}), once the
   * store's own first checks would pass: a key of the schema's attributes and types, and no key
   * attribute updated (those refusals come first, from the store).
   */
  private ItemUpdate indexChecked(CompiledUpdate update, String tableName,
      Map<String, AttributeValue> key) {
    TableDefinition table = state.tableDefinition(tableName);
    KeySchema schema = table.keySchema();
    if (key.size() != schema.size()) {
      return update;
    }
    for (KeyAttribute attribute : schema.attributes()) {
      AttributeValue value = key.get(attribute.name());
      if (value == null || value.type() != attribute.type()
          || update.attributeNames().contains(attribute.name())) {
        return update;
      }
    }
    return IndexCheckedUpdate.of(update, table);
  }

  /** A ConditionalOperator without Expected, and placeholder maps without an expression. */
  private static void checkPlaceholders(Wire wire, ConditionParameters condition) {
    ConditionSupport.requireConditions(condition.conditionalOperator(), condition.expected());
    boolean noExpression = wire.updateExpression() == null && !condition.hasExpression();
    if (condition.names() != null && noExpression) {
      throw ServiceErrors.namesWithoutExpression();
    }
    if (condition.values() != null && noExpression) {
      throw new DynamoDbError.Validation("ExpressionAttributeValues can only be specified when"
          + " using expressions: UpdateExpression and ConditionExpression are null");
    }
  }
}
