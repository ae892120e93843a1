package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.dynamodb.ReturnValues;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * MagnetoDB's put_item, get_item and delete_item on one project's tables, through the same
 * domain operations and condition evaluator as the DynamoDB dialects.
 */
final class MagnetoDbItemOperations {
  static final String TIME_TO_LIVE = "time_to_live";
  private static final Set<String> WRITE_MEMBERS =
      Set.of("expected", "return_values", "returnValues");

  private MagnetoDbItemOperations() {}

  static byte[] deleteItem(DynamoDbState state, String table, Json.Obj body) throws IOException {
    // MagnetoDB's delete_item read expected, key and return_values in turn, and only then
    // refused what was left (dynamodb-api.md V88).
    ItemCondition condition = ConditionSupport.compileLegacy(MagnetoDbBody.expected(body));
    Map<String, AttributeValue> key = MagnetoDbBody.attributes(body, "key", true);
    ReturnValues returnOld = returnValues(body);
    MagnetoDbBody.onlyKnown(body, union(WRITE_MEMBERS, "key"));
    DeleteItem.Result result = state.deleteItem(
        DeleteItem.Request.of(table, key).withCondition(condition).withReturnValues(returnOld));
    return attributes("attributes", result.oldItem());
  }

  static byte[] putItem(DynamoDbState state, String table, Json.Obj body) throws IOException {
    // put_item.py read expected, item, return_values and time_to_live in turn, then refused the
    // rest.
    ItemCondition condition = ConditionSupport.compileLegacy(MagnetoDbBody.expected(body));
    Map<String, AttributeValue> item = MagnetoDbBody.attributes(body, "item", true);
    ReturnValues returnOld = returnValues(body);
    Duration timeToLive = timeToLive(body);
    MagnetoDbBody.onlyKnown(body, union(WRITE_MEMBERS, "item", TIME_TO_LIVE));
    PutItem.Request put = PutItem.Request.of(table, Item.of(item))
        .withCondition(condition).withReturnValues(returnOld);
    PutItem.Result result = timeToLive == null ? state.putItem(put)
        : state.putItem(put, timeToLive);
    return attributes("attributes", result.oldItem());
  }

  /**
   * {@code time_to_live}: whole seconds from now until the written item expires, as its
   * Cassandra backend counted a TTL; null when absent or 0 (which Cassandra read as no TTL) or
   * too far away to ever come.
   */
  static Duration timeToLive(Json.Obj body) {
    BigInteger seconds = MagnetoDbBody.integer(body, TIME_TO_LIVE, 0, null);
    if (seconds == null || seconds.signum() == 0 || seconds.bitLength() > 62) {
      return null;
    }
    return Duration.ofSeconds(seconds.longValueExact());
  }

  static byte[] getItem(DynamoDbState state, String table, Json.Obj body) throws IOException {
    // get_item.py read attributes_to_get, key and consistent_read in turn, refused the rest,
    // and only then read the key's values. It tested attributes_to_get for truth, so an empty
    // list reads the whole item.
    List<String> names = MagnetoDbBody.strings(body, "attributes_to_get");
    UnaryOperator<Item> projection =
        names == null || names.isEmpty() ? null : AttributesToGet.projection(names);
    MagnetoDbBody.object(body, "key", true);
    boolean consistent = Boolean.TRUE.equals(MagnetoDbBody.bool(body, "consistent_read"));
    MagnetoDbBody.onlyKnown(body, Set.of("key", "attributes_to_get", "consistent_read"));
    Map<String, AttributeValue> key = MagnetoDbBody.attributes(body, "key", true);
    GetItem.Request get = GetItem.Request.of(table, key).withProjection(projection);
    GetItem.Result result = state.getItem(consistent ? get.stronglyConsistent() : get);
    return attributes("item", result.item());
  }

  /**
   * {@code return_values} of put_item and delete_item: only NONE and ALL_OLD were implemented by
   * MagnetoDB.
   */
  private static ReturnValues returnValues(Json.Obj body) {
    return returnValues(body, Set.of(ReturnValues.NONE, ReturnValues.ALL_OLD));
  }

  /**
   * {@code return_values}, also spelled {@code returnValues} as in the documentation's sample;
   * two different values conflict. Values outside {@code allowed} are refused.
   */
  static ReturnValues returnValues(Json.Obj body, Set<ReturnValues> allowed) {
    String snake = MagnetoDbBody.string(body, "return_values");
    String camel = MagnetoDbBody.string(body, "returnValues");
    if (snake != null && camel != null && !snake.equals(camel)) {
      throw MagnetoDbBody.unexpected(
          new Json.Obj(Map.of("returnValues", body.get("returnValues"))));
    }
    String value = snake != null ? snake : camel;
    if (value == null) {
      return ReturnValues.NONE;
    }
    for (ReturnValues candidate : allowed) {
      if (candidate.name().equals(value)) {
        return candidate;
      }
    }
    throw MagnetoDbError.validation("Return values type '" + value + "' isn't allowed");
  }

  /** {@code attributes_to_get} as a projection; null when absent. */
  static UnaryOperator<Item> projection(Json.Obj body) {
    List<String> names = MagnetoDbBody.strings(body, "attributes_to_get");
    return names == null ? null : AttributesToGet.projection(names);
  }

  /** {@code limit}: a positive integer, or null when absent. */
  static Integer limit(Json.Obj body) {
    Json value = body.get("limit");
    if (value == null) {
      return null;
    }
    if (value instanceof Json.Num n && n.integral()) {
      try {
        int limit = Integer.parseInt(n.text());
        if (limit >= 1) {
          return limit;
        }
      } catch (NumberFormatException e) {
        // falls through to the range message
      }
      throw MagnetoDbError.validation("Wrong 'limit' value: " + n.text()
          + ". Positive integer is expected");
    }
    throw MagnetoDbBody.wrongType("limit", "Integer", value);
  }

  /** An answer holding {@code item} under {@code field}, or nothing when there is none. */
  static byte[] attributes(String field, Optional<Item> item) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (item.isPresent()) {
      out.item(field, item.get());
    }
    out.json().writeEndObject();
    return out.finish();
  }

  private static Set<String> union(Set<String> members, String... more) {
    java.util.HashSet<String> all = new java.util.HashSet<>(members);
    all.addAll(List.of(more));
    return all;
  }
}
