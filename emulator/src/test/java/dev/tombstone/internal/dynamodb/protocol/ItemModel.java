package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.AddA;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.AddTags;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.DeleteTags;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.Remove;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.SetA;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.SetB;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.SetDeleted;
import dev.tombstone.internal.dynamodb.protocol.ItemUpdateAction.SetNested;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference model of one table (hash key {@code pk} S, range key {@code sk} N): its items in
 * key order, and DynamoDB's documented effect of each write on them.
 */
final class ItemModel {
  static final String TABLE = "model";

  /** A primary key; orders as a Query of one partition does, by number. */
  record Key(String pk, long sk) implements Comparable<Key> {
    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::pk).thenComparingLong(Key::sk);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }

    SortedMap<String, ItemValue> attributes() {
      SortedMap<String, ItemValue> key = new TreeMap<>();
      key.put("pk", new ItemValue.S(pk));
      key.put("sk", ItemValue.N.of(sk));
      return key;
    }

    static Key of(Map<String, ItemValue> item) {
      return new Key(((ItemValue.S) item.get("pk")).value(),
          ((ItemValue.N) item.get("sk")).value().longValueExact());
    }
  }

  /** An update that DynamoDB refuses for the item it meets, with its message. */
  static final class InvalidUpdate extends Exception {
    InvalidUpdate(String message) {
      super(message, null, false, false);
    }
  }

  private final NavigableMap<Key, SortedMap<String, ItemValue>> items = new TreeMap<>();

  Optional<SortedMap<String, ItemValue>> get(Key key) {
    return Optional.ofNullable(items.get(key));
  }

  /** The item as a condition sees it: empty when missing. */
  SortedMap<String, ItemValue> seen(Key key) {
    return get(key).orElseGet(TreeMap::new);
  }

  void put(Key key, Map<String, ItemValue> attributes) {
    SortedMap<String, ItemValue> item = new TreeMap<>(attributes);
    item.putAll(key.attributes());
    items.put(key, item);
  }

  void delete(Key key) {
    items.remove(key);
  }

  /** All items in key order. */
  List<SortedMap<String, ItemValue>> all() {
    return List.copyOf(items.values());
  }

  /** The items of {@code partition} with sort keys in {@code low..high}, ascending. */
  List<SortedMap<String, ItemValue>> partition(String partition, long low, long high) {
    return List.copyOf(items.subMap(new Key(partition, low), true, new Key(partition, high), true)
        .values());
  }

  /**
   * The item {@code actions} make of the stored item, or of the key alone when there is none:
   * UpdateItem creates a missing item, unless the update only removes (none of the attributes
   * it names is on the result), which creates nothing (ScyllaDB's tests, run against AWS).
   */
  Optional<SortedMap<String, ItemValue>> updated(Key key, List<ItemUpdateAction> actions)
      throws InvalidUpdate {
    SortedMap<String, ItemValue> item = new TreeMap<>(seen(key));
    item.putAll(key.attributes());
    for (ItemUpdateAction action : actions) {
      apply(item, action);
    }
    if (get(key).isEmpty()
        && actions.stream().noneMatch(action -> item.containsKey(action.attribute()))) {
      return Optional.empty();
    }
    return Optional.of(item);
  }

  /** Stores the result of an update: an item, or nothing for a missing one left missing. */
  void putUpdated(Key key, Optional<SortedMap<String, ItemValue>> updated) {
    updated.ifPresent(item -> put(key, item));
  }

  private static void apply(SortedMap<String, ItemValue> item, ItemUpdateAction action)
      throws InvalidUpdate {
    if (action instanceof SetA set) {
      item.put("a", ItemValue.N.of(set.value()));
    } else if (action instanceof SetB set) {
      item.put("b", new ItemValue.S(set.value()));
    } else if (action instanceof SetDeleted) {
      item.put("deleted", new ItemValue.Bool(true));
    } else if (action instanceof SetNested set) {
      if (!(item.get("m") instanceof ItemValue.M m)) {
        throw new InvalidUpdate(
            "The document path provided in the update expression is invalid for update");
      }
      SortedMap<String, ItemValue> members = new TreeMap<>(m.members());
      members.put("n", ItemValue.N.of(set.value()));
      item.put("m", new ItemValue.M(members));
    } else if (action instanceof Remove remove) {
      item.remove(remove.attribute());
    } else if (action instanceof AddA add) {
      ItemValue.N old = (ItemValue.N) item.getOrDefault("a", ItemValue.N.of(0));
      item.put("a", new ItemValue.N(old.value().add(ItemValue.N.of(add.value()).value())));
    } else if (action instanceof AddTags add) {
      TreeSet<String> tags = new TreeSet<>(add.tags());
      if (item.get("tags") instanceof ItemValue.Ss old) {
        tags.addAll(old.values());
      }
      item.put("tags", new ItemValue.Ss(tags));
    } else if (action instanceof DeleteTags delete
        && item.get("tags") instanceof ItemValue.Ss old) {
      TreeSet<String> tags = new TreeSet<>(old.values());
      tags.removeAll(delete.tags());
      if (tags.isEmpty()) {
        item.remove("tags");
      } else {
        item.put("tags", new ItemValue.Ss(tags));
      }
    }
  }

  @Override
  public String toString() {
    return items.values().toString();
  }
}
