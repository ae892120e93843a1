package dev.tombstone.internal.server;

import dev.tombstone.faults.FaultRule.Service;
import dev.tombstone.internal.TableNames;
import dev.tombstone.internal.server.RequestFacts.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** DynamoDB JSON as the fault layer sees it: what a request touches, and partial batches. */
final class DynamoDbFaults {
  static final String PREFIX_2012 = "DynamoDB_20120810.";
  static final String PREFIX_2011 = "DynamoDB_20111205.";

  /**
   * The operations whose requests name a partition key, in {@code Key}, {@code Item} or the
   * elements of a batch or transaction (see {@link #facts}); rules with a key match no other.
   */
  static final Set<String> KEYED_OPERATIONS = new TreeSet<>(Set.of("GetItem", "PutItem",
      "DeleteItem", "UpdateItem", "BatchGetItem", "BatchWriteItem", "TransactWriteItems"));

  private DynamoDbFaults() {}

  /**
   * The operation named by an {@code X-Amz-Target}; null for anything else, and for an
   * operation its API version does not serve (2011-12-05 has no TransactWriteItems, for one):
   * the protocol answers UnknownOperationException, which no rule changes.
   */
  static String operation(String target) {
    if (target == null) {
      return null;
    }
    if (target.startsWith(PREFIX_2012)) {
      String operation = target.substring(PREFIX_2012.length());
      return ErrorCatalog.DYNAMODB_OPERATIONS.contains(operation) ? operation : null;
    }
    if (target.startsWith(PREFIX_2011)) {
      String operation = target.substring(PREFIX_2011.length());
      return ErrorCatalog.DYNAMODB_2011_OPERATIONS.contains(operation) ? operation : null;
    }
    return null;
  }

  /** The {@code __type} prefix of service errors for the target's API version. */
  static String servicePrefix(String target) {
    return target != null && target.startsWith(PREFIX_2011)
        ? ErrorCatalog.DYNAMODB_2011 : ErrorCatalog.DYNAMODB_2012;
  }

  /**
   * What the request touches, in request order.
   *
   * @param keys reads the partition key values in the request's API version
   */
  static RequestFacts facts(String operation, Object body, PartitionKeys keys) {
    List<Target> targets = new ArrayList<>();
    switch (operation) {
      case "BatchWriteItem" -> {
        for (WriteRequest request : writeRequests(body)) {
          targets.add(target(request.table(), request.partitionKey(keys)));
        }
      }
      case "BatchGetItem" -> {
        for (BatchGetFaults.Key key : BatchGetFaults.keys(body)) {
          targets.add(target(key.table(), keys.ofKey(key.table(), key.json())));
        }
      }
      case "TransactWriteItems" -> {
        for (Object action : actions(body)) {
          targets.add(actionTarget(action, keys));
        }
      }
      default -> {
        String table = JsonTree.string(body, "TableName");
        if (table != null) {
          targets.add(target(table, keys.ofKeyOrItem(table, body)));
        }
        for (String named : DynamoDbTableMembers.tables(body)) {
          targets.add(new Target(named, null));
        }
      }
    }
    return new RequestFacts(Service.DYNAMODB, operation, targets);
  }

  /** One write request of a BatchWriteItem: its table, position and JSON. */
  record WriteRequest(String table, Object json) {
    /** The partition key value of its DeleteRequest's Key or PutRequest's Item. */
    PartitionKeys.Value partitionKey(PartitionKeys keys) {
      Object delete = JsonTree.member(json, "DeleteRequest");
      return keys.ofKeyOrItem(table,
          delete != null ? delete : JsonTree.member(json, "PutRequest"));
    }
  }

  static List<WriteRequest> writeRequests(Object body) {
    List<WriteRequest> requests = new ArrayList<>();
    if (JsonTree.member(body, "RequestItems") instanceof Map<?, ?> items) {
      for (Map.Entry<?, ?> entry : items.entrySet()) {
        if (entry.getValue() instanceof List<?> list) {
          for (Object request : list) {
            requests.add(new WriteRequest((String) entry.getKey(), request));
          }
        }
      }
    }
    return requests;
  }

  static List<?> actions(Object body) {
    return JsonTree.member(body, "TransactItems") instanceof List<?> list ? list : List.of();
  }

  private static Target actionTarget(Object action, PartitionKeys keys) {
    if (action instanceof Map<?, ?> map && !map.isEmpty()) {
      Object inner = map.values().iterator().next();
      String table = JsonTree.string(inner, "TableName");
      return table == null ? new Target(null, null)
          : target(table, keys.ofKeyOrItem(table, inner));
    }
    return new Target(null, null);
  }

  /**
   * What a request touches in the table it names; a table ARN becomes the table's name, as the
   * state resolves it, so rules scoped to a table match either spelling.
   */
  static Target target(String nameOrArn, PartitionKeys.Value key) {
    return new Target(TableNames.fromNameOrArn(nameOrArn), key == null ? null : key.text(),
        key != null && key.number());
  }

  /**
   * Splits a BatchWriteItem: the last {@code count} write requests the rule selects are held
   * back.
   *
   * @param remaining the body without them; null when nothing is left to apply
   * @param held the held-back requests by table, in request order
   */
  record Split(Object remaining, Map<String, List<Object>> held) {}

  static Split split(Object body, int count, FaultRules.Firing firing, PartitionKeys keys) {
    List<WriteRequest> requests = writeRequests(body);
    List<Integer> chosen = new ArrayList<>();
    for (int i = requests.size() - 1; i >= 0 && chosen.size() < count; i--) {
      WriteRequest request = requests.get(i);
      if (firing.selects(target(request.table(), request.partitionKey(keys)))) {
        chosen.add(0, i);
      }
    }
    Map<String, List<Object>> kept = new LinkedHashMap<>();
    Map<String, List<Object>> held = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      WriteRequest request = requests.get(i);
      (chosen.contains(i) ? held : kept)
          .computeIfAbsent(request.table(), t -> new ArrayList<>()).add(request.json());
    }
    if (kept.isEmpty()) {
      return new Split(null, held);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> remaining = new LinkedHashMap<>((Map<String, Object>) body);
    remaining.put("RequestItems", kept);
    return new Split(remaining, held);
  }

  /** The protocol's BatchWriteItem answer with the held-back requests in UnprocessedItems. */
  static byte[] mergeUnprocessed(byte[] answer, Map<String, List<Object>> held) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) JsonTree.parse(answer);
      Map<String, Object> unprocessed = new LinkedHashMap<>();
      if (tree.get("UnprocessedItems") instanceof Map<?, ?> existing) {
        existing.forEach((table, list) -> unprocessed.put((String) table, list));
      }
      held.forEach((table, list) -> {
        List<Object> merged = new ArrayList<>();
        if (unprocessed.get(table) instanceof List<?> before) {
          merged.addAll(before);
        }
        merged.addAll(list);
        unprocessed.put(table, merged);
      });
      tree.put("UnprocessedItems", unprocessed);
      return JsonTree.write(tree);
    } catch (JsonTree.Malformed | ClassCastException e) {
      return answer;
    }
  }

  /**
   * A TransactionCanceledException with one reason per action: {@code TransactionConflict} for
   * those the rule selects (the first action when it has no table or key filter), {@code None}
   * for the others.
   */
  static Map<String, Object> canceled(String type, RequestFacts facts, FaultRules.Firing firing) {
    boolean filtered = firing.rule().resource().isPresent() || firing.rule().key().isPresent()
        || firing.rule().keyPrefix().isPresent();
    List<Object> reasons = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<Target> targets = facts.targets();
    for (int i = 0; i < Math.max(1, targets.size()); i++) {
      boolean conflict = filtered ? i < targets.size() && firing.selects(targets.get(i)) : i == 0;
      Map<String, Object> reason = new LinkedHashMap<>();
      reason.put("Code", conflict ? "TransactionConflict" : "None");
      if (conflict) {
        reason.put("Message", ErrorCatalog.CONFLICT_MESSAGE);
      }
      reasons.add(reason);
      codes.add(conflict ? "TransactionConflict" : "None");
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("__type", type);
    error.put("Message", ErrorCatalog.find(Service.DYNAMODB, ErrorCatalog.TRANSACTION_CANCELED)
        .orElseThrow().message() + " [" + String.join(", ", codes) + "]");
    error.put("CancellationReasons", reasons);
    return error;
  }
}
