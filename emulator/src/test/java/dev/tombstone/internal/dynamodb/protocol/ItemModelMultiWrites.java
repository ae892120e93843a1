package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.CONDITION_FAILED;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.DDB;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertError;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertItem;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertOk;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tombstone.internal.dynamodb.protocol.ItemModel.InvalidUpdate;
import dev.tombstone.internal.dynamodb.protocol.ItemModel.Key;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.CheckWrite;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.DeleteWrite;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.PutWrite;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.UpdateWrite;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Write;
import dev.tombstone.internal.dynamodb.protocol.ItemModelWire.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The item model test's writes of several items: BatchWriteItem (each write on its own, no
 * conditions) and TransactWriteItems (all or nothing), checked against {@link ItemModel}
 * (dynamodb-api §3.8, §3.9).
 */
final class ItemModelMultiWrites {
  private final ItemModelWire wire;
  private final ItemModel model;

  ItemModelMultiWrites(ItemModelWire wire, ItemModel model) {
    this.wire = wire;
    this.model = model;
  }

  /** BatchWriteItem; two requests for one key refuse the whole batch. */
  void batch(List<Write> writes) {
    ArrayNode list = ItemValue.JSON.arrayNode();
    for (int i = 0; i < writes.size(); i++) {
      // Every other write spells its numbers and sets another way (ItemValue#json(boolean)).
      boolean respell = i % 2 == 1;
      if (writes.get(i) instanceof PutWrite put) {
        list.addObject().putObject("PutRequest").set("Item", ItemValue.item(item(put), respell));
      } else {
        list.addObject().putObject("DeleteRequest")
            .set("Key", ItemValue.item(writes.get(i).key().attributes(), respell));
      }
    }
    ObjectNode request = ItemValue.JSON.objectNode();
    request.putObject("RequestItems").set(ItemModel.TABLE, list);

    Answer answer = wire.send("BatchWriteItem", request);

    if (hasDuplicates(writes)) {
      assertValidation(answer, "Provided list of item keys contains duplicates");
      return;
    }
    assertOk(answer, "UnprocessedItems");
    assertThat(answer.body().get("UnprocessedItems").size()).as("UnprocessedItems of %s",
        answer.describe()).isZero();
    for (Write write : writes) {
      if (write instanceof PutWrite put) {
        model.put(put.key(), put.attributes());
      } else {
        model.delete(write.key());
      }
    }
  }

  /**
   * TransactWriteItems: every condition is evaluated on the items as they were before; one
   * failure cancels all, with one reason per action in request order.
   */
  void transact(List<Write> writes) {
    ObjectNode request = ItemValue.JSON.objectNode();
    ArrayNode items = request.putArray("TransactItems");
    for (int i = 0; i < writes.size(); i++) {
      items.add(action(writes.get(i), new ItemPlaceholders(i % 2 == 1)));
    }

    Answer answer = wire.send("TransactWriteItems", request);

    if (hasDuplicates(writes)) {
      assertValidation(answer,
          "Transaction request cannot include multiple operations on one item");
      return;
    }
    List<Boolean> holds = new ArrayList<>();
    for (Write write : writes) {
      holds.add(write.condition().map(c -> c.holds(model.seen(write.key()))).orElse(true));
    }
    if (holds.contains(false)) {
      assertCancelled(answer, writes, holds);
      return;
    }
    assertOk(answer);
    for (Write write : writes) {
      apply(write);
    }
  }

  private void assertCancelled(Answer answer, List<Write> writes, List<Boolean> holds) {
    List<String> codes = holds.stream().map(h -> h ? "None" : "ConditionalCheckFailed").toList();
    assertError(answer, DDB + "TransactionCanceledException", "Message",
        "Transaction cancelled, please refer cancellation reasons for specific reasons ["
            + String.join(", ", codes) + "]", "CancellationReasons");
    JsonNode reasons = answer.body().get("CancellationReasons");
    assertThat(reasons.size()).as("reasons of %s", answer.describe()).isEqualTo(writes.size());
    for (int i = 0; i < writes.size(); i++) {
      JsonNode reason = reasons.get(i);
      List<String> members = new ArrayList<>();
      reason.fieldNames().forEachRemaining(members::add);
      Optional<SortedMap<String, ItemValue>> item = model.get(writes.get(i).key());
      String what = "reason " + i + " of " + answer.describe();
      if (holds.get(i)) {
        assertThat(members).as(what).containsExactly("Code");
        assertThat(reason.get("Code").asText()).as(what).isEqualTo("None");
        continue;
      }
      assertThat(reason.get("Code").asText()).as(what).isEqualTo("ConditionalCheckFailed");
      assertThat(reason.path("Message").asText()).as(what).isEqualTo(CONDITION_FAILED);
      if (writes.get(i).returnOnFailure() && item.isPresent()) {
        assertThat(members).as(what).containsExactlyInAnyOrder("Code", "Message", "Item");
        assertItem(answer, reason.get("Item"), item.get(), "Item of reason " + i);
      } else {
        assertThat(members).as(what).containsExactlyInAnyOrder("Code", "Message");
      }
    }
  }

  private static ObjectNode action(Write write, ItemPlaceholders placeholders) {
    ObjectNode action = ItemValue.JSON.objectNode();
    ObjectNode body;
    if (write instanceof PutWrite put) {
      body = action.putObject("Put").put("TableName", ItemModel.TABLE);
      body.set("Item", ItemValue.item(item(put), placeholders.respell()));
    } else {
      String kind = write instanceof DeleteWrite ? "Delete"
          : write instanceof UpdateWrite ? "Update" : "ConditionCheck";
      body = action.putObject(kind).put("TableName", ItemModel.TABLE);
      body.set("Key", ItemValue.item(write.key().attributes(), placeholders.respell()));
    }
    if (write instanceof UpdateWrite update) {
      body.put("UpdateExpression",
          ItemModelRequests.updateExpression(update.actions(), placeholders));
    }
    ItemModelRequests.condition(body, placeholders, write.condition(), false, 0);
    placeholders.addTo(body);
    ItemModelRequests.returnOnFailure(body, write.returnOnFailure());
    return action;
  }

  private void apply(Write write) {
    if (write instanceof PutWrite put) {
      model.put(put.key(), put.attributes());
    } else if (write instanceof DeleteWrite) {
      model.delete(write.key());
    } else if (write instanceof UpdateWrite update) {
      try {
        model.putUpdated(update.key(), model.updated(update.key(), update.actions()));
      } catch (InvalidUpdate e) {
        throw new IllegalStateException("a transaction's update is always valid", e);
      }
    } else if (!(write instanceof CheckWrite)) {
      throw new IllegalStateException(write.toString());
    }
  }

  private static SortedMap<String, ItemValue> item(PutWrite put) {
    SortedMap<String, ItemValue> item = new TreeMap<>(put.attributes());
    item.putAll(put.key().attributes());
    return item;
  }

  private static boolean hasDuplicates(List<Write> writes) {
    Set<Key> keys = new HashSet<>();
    return !writes.stream().allMatch(write -> keys.add(write.key()));
  }
}
