package dev.tombstone.lincheck;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.PutItem;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * The item store's single-item operations (put, get, delete, conditional delete) are
 * linearizable: every concurrent history Lincheck explores matches some order of a plain
 * HashMap's. Two keys, small values, so histories collide on purpose.
 */
@Param(name = "key", gen = IntGen.class, conf = "1:2")
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class ItemStoreLinearizabilityTest {
  private final DynamoDbState state = new DynamoDbState("us-east-1", Clock.systemUTC());

  public ItemStoreLinearizabilityTest() {
    state.createTable("tab", KeySchema.of(KeyAttribute.n("id")));
  }

  private static Map<String, AttributeValue> key(int key) {
    return Map.of("id", new AttributeValue.N(BigDecimal.valueOf(key)));
  }

  private static Integer value(Optional<Item> item) {
    return item.map(i -> ((AttributeValue.N) i.attributes().get("v")).value().intValue())
        .orElse(null);
  }

  @Operation
  public Integer put(@Param(name = "key") int key, @Param(name = "value") int value) {
    Item item = Item.of(Map.of("id", new AttributeValue.N(BigDecimal.valueOf(key)),
        "v", new AttributeValue.N(BigDecimal.valueOf(value))));
    return value(state.putItem(PutItem.Request.of("tab", item).returningOldItem()).oldItem());
  }

  @Operation
  public Integer get(@Param(name = "key") int key) {
    return value(state.getItem(GetItem.Request.of("tab", key(key))).item());
  }

  @Operation
  public Integer delete(@Param(name = "key") int key) {
    return value(state.deleteItem(DeleteItem.Request.of("tab", key(key)).returningOldItem())
        .oldItem());
  }

  /** Deletes only when the item's value is {@code expected}; -1 when the condition fails. */
  @Operation
  public Integer deleteIf(@Param(name = "key") int key, @Param(name = "value") int expected) {
    AttributeValue wanted = new AttributeValue.N(BigDecimal.valueOf(expected));
    try {
      return value(state.deleteItem(DeleteItem.Request.of("tab", key(key))
          .withCondition(item -> wanted.equals(item.attributes().get("v")))
          .returningOldItem()).oldItem());
    } catch (DynamoDbError.ConditionalCheckFailed failed) {
      return -1;
    }
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions().iterations(6).invocationsPerIteration(40)
        .threads(2).actorsPerThread(2).actorsBefore(0).actorsAfter(1)
        .sequentialSpecification(Sequential.class).check(getClass());
  }

  @Test
  void stress() {
    new StressOptions().iterations(10).invocationsPerIteration(300)
        .threads(3).actorsPerThread(2)
        .sequentialSpecification(Sequential.class).check(getClass());
  }

  /** The specification: a map from key to value, one operation at a time. */
  public static class Sequential {
    private final Map<Integer, Integer> items = new HashMap<>();

    public Integer put(int key, int value) {
      return items.put(key, value);
    }

    public Integer get(int key) {
      return items.get(key);
    }

    public Integer delete(int key) {
      return items.remove(key);
    }

    public Integer deleteIf(int key, int expected) {
      Integer current = items.get(key);
      if (current == null || current != expected) {
        return -1;
      }
      return items.remove(key);
    }
  }
}
