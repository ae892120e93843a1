package dev.tombstone.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchGetItem as the fault layer sees it: the keys it reads, and keys held back into
 * {@code UnprocessedKeys} with their table's request members, as DynamoDB hands them back.
 */
final class BatchGetFaults {
  private BatchGetFaults() {}

  /** One key of a BatchGetItem: its table and JSON. */
  record Key(String table, Object json) {}

  static List<Key> keys(Object body) {
    List<Key> keys = new ArrayList<>();
    if (JsonTree.member(body, "RequestItems") instanceof Map<?, ?> tables) {
      for (Map.Entry<?, ?> entry : tables.entrySet()) {
        if (JsonTree.member(entry.getValue(), "Keys") instanceof List<?> list) {
          for (Object key : list) {
            keys.add(new Key((String) entry.getKey(), key));
          }
        }
      }
    }
    return keys;
  }

  /**
   * @param remaining the body without the held-back keys; null when none is left to read
   * @param held per table, {@code KeysAndAttributes} of the held-back keys
   */
  record Split(Object remaining, Map<String, Map<String, Object>> held) {}

  /** Holds back the last {@code count} keys the rule selects. */
  @SuppressWarnings("unchecked")
  static Split split(Object body, int count, FaultRules.Firing firing,
      PartitionKeys partitionKeys) {
    List<Key> keys = keys(body);
    List<Integer> chosen = new ArrayList<>();
    for (int i = keys.size() - 1; i >= 0 && chosen.size() < count; i--) {
      Key key = keys.get(i);
      if (firing.selects(
          DynamoDbFaults.target(key.table(), partitionKeys.ofKey(key.table(), key.json())))) {
        chosen.add(0, i);
      }
    }
    Map<String, Object> tables = (Map<String, Object>) JsonTree.member(body, "RequestItems");
    Map<String, List<Object>> keptKeys = new LinkedHashMap<>();
    Map<String, List<Object>> heldKeys = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Key key = keys.get(i);
      (chosen.contains(i) ? heldKeys : keptKeys)
          .computeIfAbsent(key.table(), t -> new ArrayList<>()).add(key.json());
    }
    Map<String, Map<String, Object>> held = new LinkedHashMap<>();
    heldKeys.forEach((table, list) -> held.put(table, withKeys(tables.get(table), list)));
    if (keptKeys.isEmpty()) {
      return new Split(null, held);
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    keptKeys.forEach((table, list) -> kept.put(table, withKeys(tables.get(table), list)));
    Map<String, Object> remaining = new LinkedHashMap<>((Map<String, Object>) body);
    remaining.put("RequestItems", kept);
    return new Split(remaining, held);
  }

  /** The protocol's answer with the held-back keys added to its {@code UnprocessedKeys}. */
  @SuppressWarnings("unchecked")
  static byte[] mergeUnprocessed(byte[] answer, Map<String, Map<String, Object>> held) {
    try {
      Map<String, Object> tree = (Map<String, Object>) JsonTree.parse(answer);
      Map<String, Object> unprocessed = new LinkedHashMap<>();
      if (tree.get("UnprocessedKeys") instanceof Map<?, ?> existing) {
        existing.forEach((table, keys) -> unprocessed.put((String) table, keys));
      }
      held.forEach((table, keysAndAttributes) -> {
        if (unprocessed.get(table) instanceof Map<?, ?> before
            && before.get("Keys") instanceof List<?> beforeKeys) {
          List<Object> merged = new ArrayList<>(beforeKeys);
          merged.addAll((List<Object>) keysAndAttributes.get("Keys"));
          unprocessed.put(table, withKeys(before, merged));
        } else {
          unprocessed.put(table, keysAndAttributes);
        }
      });
      tree.put("UnprocessedKeys", unprocessed);
      return JsonTree.write(tree);
    } catch (JsonTree.Malformed | ClassCastException e) {
      return answer;
    }
  }

  // The table's KeysAndAttributes with other keys: projection and consistency stay as asked.
  private static Map<String, Object> withKeys(Object keysAndAttributes, List<Object> keys) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (keysAndAttributes instanceof Map<?, ?> map) {
      map.forEach((name, value) -> copy.put((String) name, value));
    }
    copy.put("Keys", keys);
    return copy;
  }
}
