package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.ItemUpdate;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.UpdateItem;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import dev.tombstone.internal.dynamodb.expression.LegacyUpdate;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * MagnetoDB's update_item: {@code key}, {@code attribute_updates} (per attribute an {@code
 * action} of PUT, ADD or DELETE and maybe a {@code value}), {@code expected} and {@code
 * return_values}, run as DynamoDB's UpdateItem with legacy AttributeUpdates on the project's
 * table. All five documented {@code return_values} are served, with DynamoDB's meaning.
 */
final class MagnetoDbUpdateItemOperation {
  private static final Set<String> ACTIONS = Set.of("PUT", "ADD", "DELETE");
  private static final Set<String> MEMBERS =
      Set.of("key", "attribute_updates", "expected", "return_values", "returnValues",
          MagnetoDbItemOperations.TIME_TO_LIVE);
  private static final Set<String> UPDATE_MEMBERS = Set.of("action", "value");

  private MagnetoDbUpdateItemOperation() {}

  static byte[] handle(DynamoDbState state, String table, Json.Obj body) throws IOException {
    // update_item.py read expected, attribute_updates, key and return_values in turn, then
    // refused the rest (it required attribute_updates, which the documentation makes optional).
    ItemCondition condition = ConditionSupport.compileLegacy(MagnetoDbBody.expected(body));
    Map<String, LegacyUpdate> updates = attributeUpdates(body);
    Map<String, AttributeValue> key = MagnetoDbBody.attributes(body, "key", true);
    ReturnValues returnValues =
        MagnetoDbItemOperations.returnValues(body, EnumSet.allOf(ReturnValues.class));
    // The documentation lists time_to_live for update_item too; the code never read it.
    Duration timeToLive = MagnetoDbItemOperations.timeToLive(body);
    MagnetoDbBody.onlyKnown(body, MEMBERS);
    ItemUpdate update = ExpressionCompiler.legacyUpdate(updates);

    UpdateItem.Request request = UpdateItem.Request.of(table, key, update)
        .withCondition(condition).withReturnValues(returnValues);
    UpdateItem.Result result = timeToLive == null ? state.updateItem(request)
        : state.updateItem(request, timeToLive);
    return MagnetoDbItemOperations.attributes("attributes", result.attributes());
  }

  /** {@code attribute_updates} in request order; empty when absent (it is optional). */
  private static Map<String, LegacyUpdate> attributeUpdates(Json.Obj body) {
    Json.Obj map = MagnetoDbBody.object(body, "attribute_updates", false);
    Map<String, LegacyUpdate> updates = new LinkedHashMap<>();
    if (map == null) {
      return updates;
    }
    for (Map.Entry<String, Json> e : map.members().entrySet()) {
      if (!(e.getValue() instanceof Json.Obj entry)) {
        throw MagnetoDbBody.wrongType(e.getKey(), "Object", e.getValue());
      }
      MagnetoDbBody.onlyKnown(e.getKey(), entry, UPDATE_MEMBERS);
      MagnetoDbBody.required(entry, "action");
      String action = MagnetoDbBody.string(entry, "action");
      if (!ACTIONS.contains(action)) {
        throw MagnetoDbError.validation("Update action '" + action + "' isn't allowed");
      }
      Json value = entry.get("value");
      updates.put(e.getKey(),
          new LegacyUpdate(action, value == null ? null : MagnetoDbBody.typed(value), null));
    }
    return updates;
  }
}
