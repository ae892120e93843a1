package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertConditionFailed;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertItem;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertOk;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertValidation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tombstone.internal.dynamodb.protocol.ItemModel.InvalidUpdate;
import dev.tombstone.internal.dynamodb.protocol.ItemModel.Key;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Delete;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Put;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Update;
import dev.tombstone.internal.dynamodb.protocol.ItemModelWire.Answer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The item model test's single-item writes, DeleteItem, PutItem and UpdateItem: each sends one
 * request, checks the answer against {@link ItemModel} and then changes the model as DynamoDB
 * changes the table.
 */
final class ItemModelWrites {
  private final ItemModelWire wire;
  private final ItemModel model;

  ItemModelWrites(ItemModelWire wire, ItemModel model) {
    this.wire = wire;
    this.model = model;
  }

  /**
   * DeleteItem: a missing item deletes fine unless the condition, evaluated on an empty item,
   * fails; {@code ALL_OLD} returns the whole deleted item (dynamodb-api §2.2, §2.3, §2.5).
   */
  void delete(Delete step) {
    ObjectNode request = ItemModelRequests.keyed(step.key(), step.respell());
    ItemPlaceholders placeholders = new ItemPlaceholders(step.respell());
    ItemModelRequests.condition(request, placeholders, step.condition(), step.legacy(),
        step.legacyForm());
    placeholders.addTo(request);
    request.put("ReturnValues", step.returnOld() ? "ALL_OLD" : "NONE");
    ItemModelRequests.returnOnFailure(request, step.returnOnFailure());

    Answer answer = wire.send("DeleteItem", request);

    Optional<SortedMap<String, ItemValue>> old = model.get(step.key());
    if (!holds(step.condition(), step.key())) {
      assertConditionFailed(answer, step.returnOnFailure() ? old : Optional.empty());
      return;
    }
    returned(answer, step.returnOld() ? old : Optional.empty());
    model.delete(step.key());
  }

  /** PutItem: replaces the whole item; {@code ALL_OLD} returns the replaced one (§3.5). */
  void put(Put step) {
    ObjectNode request = ItemModelWire.request();
    SortedMap<String, ItemValue> item = new TreeMap<>(step.attributes());
    item.putAll(step.key().attributes());
    request.set("Item", ItemValue.item(item, step.respell()));
    ItemPlaceholders placeholders = new ItemPlaceholders(step.respell());
    ItemModelRequests.condition(request, placeholders, step.condition(), false, 0);
    placeholders.addTo(request);
    if (step.returnOld()) {
      request.put("ReturnValues", "ALL_OLD");
    }
    ItemModelRequests.returnOnFailure(request, step.returnOnFailure());

    Answer answer = wire.send("PutItem", request);

    Optional<SortedMap<String, ItemValue>> old = model.get(step.key());
    if (!holds(step.condition(), step.key())) {
      assertConditionFailed(answer, step.returnOnFailure() ? old : Optional.empty());
      return;
    }
    returned(answer, step.returnOld() ? old : Optional.empty());
    model.put(step.key(), item);
  }

  /**
   * UpdateItem: creates a missing item; ReturnValues as AWS's UpdateItem reference documents
   * them (UPDATED_* hold only the attributes the expression changes, and no member at all
   * when none of them is there).
   */
  void update(Update step) {
    ObjectNode request = ItemModelRequests.keyed(step.key(), step.respell());
    ItemPlaceholders placeholders = new ItemPlaceholders(step.respell());
    request.put("UpdateExpression",
        ItemModelRequests.updateExpression(step.actions(), placeholders));
    ItemModelRequests.condition(request, placeholders, step.condition(), false, 0);
    placeholders.addTo(request);
    request.put("ReturnValues", step.returnValues().name());
    ItemModelRequests.returnOnFailure(request, step.returnOnFailure());

    Answer answer = wire.send("UpdateItem", request);

    Optional<SortedMap<String, ItemValue>> old = model.get(step.key());
    if (!holds(step.condition(), step.key())) {
      assertConditionFailed(answer, step.returnOnFailure() ? old : Optional.empty());
      return;
    }
    Optional<SortedMap<String, ItemValue>> updated;
    try {
      updated = model.updated(step.key(), step.actions());
    } catch (InvalidUpdate e) {
      assertValidation(answer, e.getMessage());
      return;
    }
    returned(answer, switch (step.returnValues()) {
      case NONE -> Optional.empty();
      case ALL_OLD -> old;
      case ALL_NEW -> updated;
      case UPDATED_OLD -> changed(old.orElseGet(TreeMap::new), step.actions());
      case UPDATED_NEW -> changed(updated.orElseGet(TreeMap::new), step.actions());
    });
    model.putUpdated(step.key(), updated);
  }

  private boolean holds(Optional<ItemCondition> condition, Key key) {
    return condition.map(c -> c.holds(model.seen(key))).orElse(true);
  }

  /** A 200 with {@code Attributes} exactly when {@code attributes} is present. */
  private static void returned(Answer answer,
      Optional<SortedMap<String, ItemValue>> attributes) {
    if (attributes.isPresent()) {
      assertOk(answer, "Attributes");
      assertItem(answer, answer.body().get("Attributes"), attributes.get(), "Attributes");
    } else {
      assertOk(answer);
    }
  }

  /** The attributes of {@code item} that {@code actions} change; empty when there are none. */
  private static Optional<SortedMap<String, ItemValue>> changed(
      Map<String, ItemValue> item, List<ItemUpdateAction> actions) {
    SortedMap<String, ItemValue> changed = new TreeMap<>();
    for (ItemUpdateAction action : actions) {
      if (item.containsKey(action.attribute())) {
        changed.put(action.attribute(), item.get(action.attribute()));
      }
    }
    return changed.isEmpty() ? Optional.empty() : Optional.of(changed);
  }
}
