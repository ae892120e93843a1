package dev.tombstone.internal.dynamodb.protocol;

import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertItem;
import static dev.tombstone.internal.dynamodb.protocol.ItemModelWire.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tombstone.internal.dynamodb.protocol.ItemModel.Key;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Query;
import dev.tombstone.internal.dynamodb.protocol.ItemModelSteps.Range;
import dev.tombstone.internal.dynamodb.protocol.ItemModelWire.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The item model test's reads: GetItem (consistent), Query of one partition and Scan, both page
 * by page to the end, checked against {@link ItemModel}.
 */
final class ItemModelReads {
  /** More pages than any sequence's table can fill: a loop of LastEvaluatedKeys fails. */
  private static final int MAX_PAGES = 12;

  private final ItemModelWire wire;
  private final ItemModel model;

  ItemModelReads(ItemModelWire wire, ItemModel model) {
    this.wire = wire;
    this.model = model;
  }

  void get(Key key) {
    ObjectNode request = ItemModelRequests.keyed(key, false).put("ConsistentRead", true);

    Answer answer = wire.send("GetItem", request);

    Optional<SortedMap<String, ItemValue>> item = model.get(key);
    if (item.isPresent()) {
      assertOk(answer, "Item");
      assertItem(answer, answer.body().get("Item"), item.get(), "Item");
    } else {
      assertOk(answer);
    }
  }

  /**
   * Query: the partition's items in sort key order (reversed when not forward); each page
   * evaluates at most {@code Limit} items, filters them after, and has a LastEvaluatedKey, the
   * key of its last evaluated item, exactly when it evaluated {@code Limit} items.
   */
  void query(Query step) {
    Range range = step.between().orElse(new Range(Long.MIN_VALUE, Long.MAX_VALUE));
    List<SortedMap<String, ItemValue>> expected =
        new ArrayList<>(model.partition(step.partition(), range.low(), range.high()));
    if (!step.forward()) {
      Collections.reverse(expected);
    }
    JsonNode startKey = null;
    int from = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode request = queryRequest(step);
      if (startKey != null) {
        request.set("ExclusiveStartKey", startKey);
      }

      Answer answer = wire.send("Query", request);

      int to = step.limit().isPresent()
          ? Math.min(expected.size(), from + step.limit().get()) : expected.size();
      List<SortedMap<String, ItemValue>> evaluated = expected.subList(from, to);
      List<SortedMap<String, ItemValue>> kept = evaluated.stream()
          .filter(item -> step.filter().map(f -> f.holds(item)).orElse(true)).toList();
      boolean more = step.limit().isPresent() && evaluated.size() == step.limit().get();
      startKey = assertPage(answer, kept, evaluated, more);
      assertThat(ItemModelWire.items(answer.body().get("Items"))).as("Items of %s",
          answer.describe()).isEqualTo(kept);
      if (startKey == null) {
        return;
      }
      from = to;
    }
    throw new AssertionError("Query paged on past " + MAX_PAGES + " pages: " + step);
  }

  private static ObjectNode queryRequest(Query step) {
    ObjectNode request = ItemModelWire.request();
    ItemPlaceholders p = new ItemPlaceholders(step.respell());
    String keyCondition = p.name("pk") + " = " + p.value(new ItemValue.S(step.partition()));
    if (step.between().isPresent()) {
      Range range = step.between().get();
      keyCondition += " AND " + p.name("sk") + " BETWEEN " + p.value(ItemValue.N.of(range.low()))
          + " AND " + p.value(ItemValue.N.of(range.high()));
    }
    request.put("KeyConditionExpression", keyCondition);
    step.filter().ifPresent(filter -> request.put("FilterExpression", filter.expression(p)));
    p.addTo(request);
    request.put("ScanIndexForward", step.forward());
    step.limit().ifPresent(limit -> request.put("Limit", limit));
    request.put("ConsistentRead", true);
    return request;
  }

  /**
   * Scan: each page evaluates at most {@code Limit} items, with a LastEvaluatedKey exactly when
   * it evaluated {@code Limit}; together the pages hold every item once. The order of items is
   * not checked: DynamoDB's is by hash, and the spec lets the emulator choose its own.
   */
  void scan(Optional<Integer> limit) {
    List<SortedMap<String, ItemValue>> seen = new ArrayList<>();
    JsonNode startKey = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode request = ItemModelWire.request().put("ConsistentRead", true);
      limit.ifPresent(l -> request.put("Limit", l));
      if (startKey != null) {
        request.set("ExclusiveStartKey", startKey);
      }

      Answer answer = wire.send("Scan", request);

      List<SortedMap<String, ItemValue>> items = ItemModelWire.items(answer.body().path("Items"));
      int remaining = model.all().size() - seen.size();
      int expectedCount = limit.map(l -> Math.min(l, remaining)).orElse(remaining);
      assertThat(items).as("Items of %s", answer.describe()).hasSize(expectedCount);
      boolean more = limit.isPresent() && items.size() == limit.get();
      startKey = assertPage(answer, items, items, more);
      seen.addAll(items);
      if (startKey == null) {
        List<SortedMap<String, ItemValue>> sorted = new ArrayList<>(seen);
        sorted.sort(Comparator.comparing(Key::of));
        assertThat(sorted).as("every item of every page, in key order").isEqualTo(model.all());
        return;
      }
    }
    throw new AssertionError("Scan paged on past " + MAX_PAGES + " pages");
  }

  /**
   * Checks a page's Count, ScannedCount and LastEvaluatedKey; returns the LastEvaluatedKey as
   * sent, or null on the last page.
   */
  private static JsonNode assertPage(Answer answer, List<SortedMap<String, ItemValue>> kept,
      List<SortedMap<String, ItemValue>> evaluated, boolean more) {
    if (more) {
      assertOk(answer, "Items", "Count", "ScannedCount", "LastEvaluatedKey");
      assertItem(answer, answer.body().get("LastEvaluatedKey"),
          Key.of(evaluated.get(evaluated.size() - 1)).attributes(), "LastEvaluatedKey");
    } else {
      assertOk(answer, "Items", "Count", "ScannedCount");
    }
    assertThat(answer.body().get("Count").asInt()).as("Count of %s", answer.describe())
        .isEqualTo(kept.size());
    assertThat(answer.body().get("ScannedCount").asInt())
        .as("ScannedCount of %s", answer.describe()).isEqualTo(evaluated.size());
    return more ? answer.body().get("LastEvaluatedKey") : null;
  }
}
