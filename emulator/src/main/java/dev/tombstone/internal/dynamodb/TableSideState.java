package dev.tombstone.internal.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Settings a table carries outside its definition (resource policies, Contributor Insights),
 * held per table name and stamped with the table's id: a table deleted by any path (DeleteTable,
 * the Java API, a reset) and created again under its name gets a new id, and with it none of
 * the old table's settings. So the settings die with their table without the store being told.
 *
 * <pre>{@code
 * TableSideState<String> notes = new TableSideState<>();
 * notes.put("orders", tableId, "", "first");
 * notes.get("orders", tableId, "");        // Optional[first]
 * notes.get("orders", otherTableId, "");   // empty: another table of that name
 * }</pre>
 *
 * <p>Thread-safe: every method holds the store's monitor, which callers may also hold to read,
 * check and write as one step. Internal.
 *
 * @param <V> what is kept per key of a table, e.g. a policy per resource ARN
 */
public final class TableSideState<V> {
  private record Slot<V>(UUID tableId, Map<String, V> values) {}

  private final Map<String, Slot<V>> tables = new HashMap<>();

  /** The value under {@code key} of the table {@code tableName} with id {@code tableId}. */
  public synchronized Optional<V> get(String tableName, UUID tableId, String key) {
    Slot<V> slot = current(tableName, tableId);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.values().get(key));
  }

  /** Every value of that table, in the order first put. */
  public synchronized Map<String, V> all(String tableName, UUID tableId) {
    Slot<V> slot = current(tableName, tableId);
    return slot == null ? Map.of() : new LinkedHashMap<>(slot.values());
  }

  /** Sets the value under {@code key}, dropping what an older table of that name left. */
  public synchronized void put(String tableName, UUID tableId, String key, V value) {
    Slot<V> slot = current(tableName, tableId);
    if (slot == null) {
      slot = new Slot<>(tableId, new LinkedHashMap<>());
      tables.put(tableName, slot);
    }
    slot.values().put(key, value);
  }

  /** Removes the value under {@code key}; returns it if there was one. */
  public synchronized Optional<V> remove(String tableName, UUID tableId, String key) {
    Slot<V> slot = current(tableName, tableId);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.values().remove(key));
  }

  /** The names of the tables that have (or had, before a delete) a value. */
  public synchronized List<String> tableNames() {
    return new ArrayList<>(tables.keySet());
  }

  /** Forgets everything. */
  public synchronized void reset() {
    tables.clear();
  }

  private Slot<V> current(String tableName, UUID tableId) {
    Slot<V> slot = tables.get(tableName);
    if (slot != null && !slot.tableId().equals(tableId)) {
      tables.remove(tableName);
      return null;
    }
    return slot;
  }
}
