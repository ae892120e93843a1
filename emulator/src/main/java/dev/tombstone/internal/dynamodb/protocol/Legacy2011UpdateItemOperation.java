package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.ItemUpdate;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.UpdateItem;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.LegacyUpdate;
import java.io.IOException;
import java.util.Map;

/**
 * UpdateItem of API 2011-12-05: a positional {@code Key}, {@code AttributeUpdates} (PUT, ADD,
 * DELETE) and {@code Expected}, run as the current API's UpdateItem with legacy parameters and
 * answered with {@code Attributes} and {@code ConsumedCapacityUnits}.
 */
final class Legacy2011UpdateItemOperation {
  private static final String[] ACTIONS = {"ADD", "PUT", "DELETE"};

  private final DynamoDbState state;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.LEGACY_2011);

  Legacy2011UpdateItemOperation(DynamoDbState state) {
    this.state = state;
  }

  /** The request as read off the wire: JSON type errors have failed, values are unchecked. */
  private record Wire(String tableName, Legacy2011Keys.Positional key,
      Map<String, LegacyUpdate> attributeUpdates, Map<String, ExpectedEntry> expected,
      String returnValues) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = new Wire(Members.string(request, "TableName"),
        Legacy2011Keys.read(request, "Key", decoder),
        Legacy2011Requests.attributeUpdates(request, decoder),
        Legacy2011Requests.expected(request, decoder),
        Members.string(request, "ReturnValues"));
    UpdateItem.Result result = state.updateItem(validate(wire));
    return Legacy2011Requests.itemAndUnits("Attributes", result.attributes(),
        result.consumedCapacity().total());
  }

  /**
   * The model's constraints (the 2011 model requires {@code AttributeUpdates}), the key's values,
   * the updates, the expectations, then the table and its key schema.
   */
  private UpdateItem.Request validate(Wire wire) {
    Constraints constraints = new Constraints()
        .tableName("tableName", wire.tableName(), true)
        .notNull("key", wire.key())
        .notNull("attributeUpdates", wire.attributeUpdates());
    if (wire.attributeUpdates() != null) {
      wire.attributeUpdates().forEach((name, update) -> constraints.oneOf(
          "attributeUpdates." + name + ".member.action", update.action(), ACTIONS));
    }
    constraints.oneOf("returnValues", wire.returnValues(), Constraints.RETURN_VALUES).check();

    wire.key().valid();
    ItemUpdate update = ExpressionCompiler.legacyUpdate(wire.attributeUpdates());
    ItemCondition condition = ConditionSupport.compileLegacy(wire.expected());
    ReturnValues returnValues = wire.returnValues() == null
        ? ReturnValues.NONE : ReturnValues.valueOf(wire.returnValues());
    KeySchema schema = state.keySchema(wire.tableName());
    return UpdateItem.Request.of(wire.tableName(), wire.key().named(schema), update)
        .withCondition(condition)
        .withReturnValues(returnValues);
  }
}
