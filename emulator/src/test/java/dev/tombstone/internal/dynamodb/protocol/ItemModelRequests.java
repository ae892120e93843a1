package dev.tombstone.internal.dynamodb.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tombstone.internal.dynamodb.protocol.ItemModel.Key;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.AddA;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.AddTags;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.DeleteTags;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.Remove;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.SetA;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.SetB;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.SetDeleted;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.SetNested;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Writes the members of the item model test's requests: keys, conditions and updates. */
final class ItemModelRequests {
  private ItemModelRequests() {}

  /**
   * A request for the item at {@code key}: table name and {@code Key}, its sort key written as
   * {@code "1.0"} when {@code respell}, which names the same item.
   */
  static ObjectNode keyed(Key key, boolean respell) {
    ObjectNode request = ItemModelWire.request();
    request.set("Key", ItemValue.item(key.attributes(), respell));
    return request;
  }

  /**
   * Adds {@code condition} as a ConditionExpression, or as {@code Expected} when
   * {@code legacy} and the condition has that form.
   */
  static void condition(ObjectNode request, ItemPlaceholders placeholders,
      Optional<ItemCondition> condition, boolean legacy, int legacyForm) {
    if (condition.isEmpty()) {
      return;
    }
    Optional<ObjectNode> expected =
        legacy ? condition.get().expected(legacyForm) : Optional.empty();
    if (expected.isPresent()) {
      request.setAll(expected.get());
    } else {
      request.put("ConditionExpression", condition.get().expression(placeholders));
    }
  }

  static void returnOnFailure(ObjectNode request, boolean returnOnFailure) {
    if (returnOnFailure) {
      request.put("ReturnValuesOnConditionCheckFailure", "ALL_OLD");
    }
  }

  /** The UpdateExpression for {@code actions}: SET, REMOVE, ADD and DELETE clauses. */
  static String updateExpression(List<ItemUpdateAction> actions, ItemPlaceholders p) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    List<String> add = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    for (ItemUpdateAction action : actions) {
      if (action instanceof SetA a) {
        set.add(p.name("a") + " = " + p.value(ItemValue.N.of(a.value())));
      } else if (action instanceof SetB b) {
        set.add(p.name("b") + " = " + p.value(new ItemValue.S(b.value())));
      } else if (action instanceof SetDeleted) {
        set.add(p.name("deleted") + " = " + p.value(new ItemValue.Bool(true)));
      } else if (action instanceof SetNested n) {
        set.add(p.name("m") + "." + p.name("n") + " = " + p.value(ItemValue.N.of(n.value())));
      } else if (action instanceof Remove r) {
        remove.add(p.name(r.attribute()));
      } else if (action instanceof AddA a) {
        add.add(p.name("a") + " " + p.value(ItemValue.N.of(a.value())));
      } else if (action instanceof AddTags t) {
        add.add(p.name("tags") + " " + p.value(new ItemValue.Ss(new TreeSet<>(t.tags()))));
      } else if (action instanceof DeleteTags t) {
        delete.add(p.name("tags") + " "
            + p.value(new ItemValue.Ss(new TreeSet<>(t.tags()))));
      }
    }
    StringBuilder text = new StringBuilder();
    clause(text, "SET", set);
    clause(text, "REMOVE", remove);
    clause(text, "ADD", add);
    clause(text, "DELETE", delete);
    return text.toString();
  }

  private static void clause(StringBuilder text, String keyword, List<String> parts) {
    if (!parts.isEmpty()) {
      text.append(text.length() == 0 ? "" : " ").append(keyword).append(' ')
          .append(String.join(", ", parts));
    }
  }
}
