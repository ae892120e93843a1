package dev.tombstone.internal.dynamodb.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.And;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.BeginsWith;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.Equals;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.Exists;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.Less;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.Not;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.NotExists;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.Or;
import dev.tombstone.internal.dynamodb.protocol.ItemCondition.SizeGreater;
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
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The steps of one item-operation sequence, read from the fuzzer's bytes before any runs, so
 * that a failure can show the whole sequence. Keys range over 2 partitions and 3 sort values.
 */
final class ItemModelSteps {
  static final List<String> PARTITIONS = List.of("p1", "p2");
  static final int MAX_STEPS = 30;
  private static final List<String> STRINGS = List.of("x", "xy", "yz", "");
  private static final List<String> TAGS = List.of("red", "green", "blue");

  private ItemModelSteps() {}

  /** One request of a sequence. */
  sealed interface Step {}

  /**
   * DeleteItem; {@code legacy} sends the condition as {@code Expected} when it has that form.
   * In every step, {@code respell} writes names as {@code #name} placeholders and numbers and
   * sets another way ({@link ItemValue#json(boolean)}): the same request to DynamoDB.
   */
  record Delete(Key key, Optional<ItemCondition> condition, boolean legacy, int legacyForm,
      boolean respell, boolean returnOld, boolean returnOnFailure) implements Step {}

  record Put(Key key, SortedMap<String, ItemValue> attributes,
      Optional<ItemCondition> condition, boolean respell, boolean returnOld,
      boolean returnOnFailure) implements Step {}

  record Update(Key key, List<ItemUpdateAction> actions, Optional<ItemCondition> condition,
      boolean respell, ReturnValues returnValues, boolean returnOnFailure) implements Step {}

  record Get(Key key) implements Step {}

  /** Query of one partition, its sort keys between {@code low} and {@code high} if given. */
  record Query(String partition, boolean forward, Optional<Range> between,
      Optional<ItemCondition> filter, Optional<Integer> limit, boolean respell)
      implements Step {}

  /** Sort keys from {@code low} to {@code high}, both included. */
  record Range(long low, long high) {}

  record Scan(Optional<Integer> limit) implements Step {}

  record Batch(List<Write> writes) implements Step {}

  record Transact(List<Write> writes) implements Step {}

  /** One write of a batch or a transaction; a batch has only puts and unconditional deletes. */
  sealed interface Write {
    Key key();

    Optional<ItemCondition> condition();

    boolean returnOnFailure();
  }

  record PutWrite(Key key, SortedMap<String, ItemValue> attributes,
      Optional<ItemCondition> condition, boolean returnOnFailure) implements Write {}

  record DeleteWrite(Key key, Optional<ItemCondition> condition, boolean returnOnFailure)
      implements Write {}

  record UpdateWrite(Key key, List<ItemUpdateAction> actions, Optional<ItemCondition> condition,
      boolean returnOnFailure) implements Write {}

  record CheckWrite(Key key, Optional<ItemCondition> condition, boolean returnOnFailure)
      implements Write {}

  enum ReturnValues { NONE, ALL_OLD, ALL_NEW, UPDATED_OLD, UPDATED_NEW }

  static List<Step> read(FuzzedDataProvider data) {
    List<Step> steps = new ArrayList<>();
    while (steps.size() < MAX_STEPS && data.remainingBytes() > 0) {
      steps.add(step(data));
    }
    return steps;
  }

  private static Step step(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 11)) {
      case 0, 1, 2 -> new Delete(key(data), maybeCondition(data, false), data.consumeBoolean(),
          data.consumeInt(0, 17), data.consumeBoolean(), data.consumeBoolean(),
          data.consumeBoolean());
      case 3, 4 -> new Put(key(data), attributes(data), maybeCondition(data, false),
          data.consumeBoolean(), data.consumeBoolean(), data.consumeBoolean());
      case 5, 6 -> update(data);
      case 7 -> new Get(key(data));
      case 8 -> query(data);
      case 9 -> new Scan(limit(data));
      case 10 -> new Batch(writes(data, true));
      default -> new Transact(writes(data, false));
    };
  }

  private static Update update(FuzzedDataProvider data) {
    Key key = key(data);
    List<ItemUpdateAction> actions = actions(data, true);
    // Which of a failed condition and an invalid path DynamoDB reports first is undocumented.
    Optional<ItemCondition> condition = actions.stream().anyMatch(SetNested.class::isInstance)
        ? Optional.empty() : maybeCondition(data, false);
    return new Update(key, actions, condition, data.consumeBoolean(),
        data.pickValue(ReturnValues.values()), data.consumeBoolean());
  }

  private static Query query(FuzzedDataProvider data) {
    String partition = data.pickValue(PARTITIONS);
    boolean forward = data.consumeBoolean();
    Optional<Range> between = Optional.empty();
    if (data.consumeBoolean()) {
      long one = data.consumeInt(0, 4);
      long two = data.consumeInt(0, 4);
      between = Optional.of(new Range(Math.min(one, two), Math.max(one, two)));
    }
    return new Query(partition, forward, between, maybeCondition(data, true), limit(data),
        data.consumeBoolean());
  }

  private static Optional<Integer> limit(FuzzedDataProvider data) {
    return data.consumeBoolean() ? Optional.of(data.consumeInt(1, 4)) : Optional.empty();
  }

  private static List<Write> writes(FuzzedDataProvider data, boolean batch) {
    int count = data.consumeInt(1, batch ? 6 : 4);
    List<Key> keys = distinctKeys(data, count);
    List<Write> writes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Key key = keys.get(i);
      int kind = data.consumeInt(0, batch ? 1 : 3);
      Optional<ItemCondition> condition =
          batch ? Optional.empty() : maybeCondition(data, false);
      boolean returnOnFailure = !batch && data.consumeBoolean();
      writes.add(switch (kind) {
        case 0 -> new PutWrite(key, attributes(data), condition, returnOnFailure);
        case 1 -> new DeleteWrite(key, condition, returnOnFailure);
        case 2 -> new UpdateWrite(key, actions(data, false), condition, returnOnFailure);
        default -> new CheckWrite(key,
            Optional.of(condition.orElseGet(() -> new Exists("a"))), returnOnFailure);
      });
    }
    return writes;
  }

  /**
   * {@code count} keys, different but for one in eight lists, whose last key repeats another:
   * a batch or transaction that names one key twice is refused whole.
   */
  private static List<Key> distinctKeys(FuzzedDataProvider data, int count) {
    List<Key> all = new ArrayList<>();
    for (String partition : PARTITIONS) {
      for (int sk = 1; sk <= 3; sk++) {
        all.add(new Key(partition, sk));
      }
    }
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(all.remove(data.consumeInt(0, all.size() - 1)));
    }
    if (count > 1 && data.consumeInt(0, 7) == 0) {
      keys.set(count - 1, keys.get(data.consumeInt(0, count - 2)));
    }
    return keys;
  }

  private static Key key(FuzzedDataProvider data) {
    return new Key(data.pickValue(PARTITIONS), data.consumeInt(1, 3));
  }

  /** The attributes of a put besides the key: any of a, b, tags, m and deleted. */
  private static SortedMap<String, ItemValue> attributes(FuzzedDataProvider data) {
    SortedMap<String, ItemValue> item = new TreeMap<>();
    if (data.consumeBoolean()) {
      item.put("a", ItemValue.N.of(data.consumeInt(0, 3)));
    }
    if (data.consumeBoolean()) {
      item.put("b", new ItemValue.S(data.pickValue(STRINGS.subList(0, 3))));
    }
    if (data.consumeBoolean()) {
      item.put("tags", new ItemValue.Ss(tags(data)));
    }
    if (data.consumeBoolean()) {
      item.put("m", nested(data.consumeInt(0, 3)));
    }
    if (data.consumeInt(0, 3) == 0) {
      item.put("deleted", new ItemValue.Bool(true));
    }
    return item;
  }

  static ItemValue.M nested(long value) {
    return new ItemValue.M(new TreeMap<>(java.util.Map.of("n", ItemValue.N.of(value))));
  }

  private static TreeSet<String> tags(FuzzedDataProvider data) {
    TreeSet<String> tags = new TreeSet<>();
    tags.add(data.pickValue(TAGS));
    if (data.consumeBoolean()) {
      tags.add(data.pickValue(TAGS));
    }
    return tags;
  }

  /**
   * One to three update actions on different attributes; {@code nested} allows
   * {@code SET m.n}.
   */
  private static List<ItemUpdateAction> actions(FuzzedDataProvider data, boolean nested) {
    int count = data.consumeInt(1, 3);
    List<ItemUpdateAction> actions = new ArrayList<>();
    Set<String> touched = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      ItemUpdateAction action = switch (data.consumeInt(0, nested ? 8 : 7)) {
        case 0 -> new SetA(data.consumeInt(0, 3));
        case 1 -> new SetB(data.pickValue(STRINGS.subList(0, 3)));
        case 2 -> new SetDeleted();
        case 3 -> new Remove("a");
        case 4 -> new Remove(data.pickValue(List.of("tags", "deleted", "m")));
        case 5 -> new AddA(data.consumeInt(-2, 3));
        case 6 -> new AddTags(tags(data));
        case 7 -> new DeleteTags(tags(data));
        default -> new SetNested(data.consumeInt(0, 3));
      };
      if (touched.add(action.attribute())) {
        actions.add(action);
      }
    }
    return actions;
  }

  private static Optional<ItemCondition> maybeCondition(FuzzedDataProvider data,
      boolean filter) {
    return data.consumeBoolean() ? Optional.of(condition(data, filter, 0)) : Optional.empty();
  }

  /**
   * A condition of the language; a filter's never names a key attribute, which DynamoDB
   * refuses in a FilterExpression.
   */
  private static ItemCondition condition(FuzzedDataProvider data, boolean filter, int depth) {
    int kind = data.consumeInt(0, depth < 1 ? 9 : 6);
    return switch (kind) {
      case 0 -> new Exists("a");
      case 1 -> new NotExists(filter ? "deleted" : data.pickValue(List.of("pk", "deleted")));
      case 2 -> new Equals(data.consumeInt(0, 3));
      case 3 -> new Less(data.consumeInt(0, 3));
      case 4 -> new BeginsWith(data.pickValue(STRINGS));
      case 5 -> new SizeGreater(data.consumeInt(0, 2));
      case 6 -> new Exists(data.pickValue(List.of("b", "tags", "m")));
      case 7 -> new And(condition(data, filter, depth + 1), condition(data, filter, depth + 1));
      case 8 -> new Or(condition(data, filter, depth + 1), condition(data, filter, depth + 1));
      default -> new Not(condition(data, filter, depth + 1));
    };
  }
}
