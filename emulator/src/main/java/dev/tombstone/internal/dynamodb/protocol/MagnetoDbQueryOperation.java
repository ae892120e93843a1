package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.Query;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MagnetoDB's query: {@code key_conditions} (per key attribute a {@code comparison_operator} and
 * its {@code attribute_value_list}), {@code index_name}, {@code select}, {@code
 * attributes_to_get}, {@code limit}, {@code scan_index_forward}, {@code exclusive_start_key} and
 * {@code consistent_read}, run as DynamoDB's Query on the project's table; answered with {@code
 * count}, {@code items} and {@code last_evaluated_key}.
 */
final class MagnetoDbQueryOperation {
  private static final Set<String> MEMBERS = Set.of("attributes_to_get", "consistent_read",
      "exclusive_start_key", "index_name", "key_conditions", "limit", "scan_index_forward",
      "select");
  private static final Pattern INDEX_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private MagnetoDbQueryOperation() {}

  static byte[] handle(DynamoDbState state, String table, Json.Obj body) throws IOException {
    // query.py read its members in this order and refused the rest last.
    List<String> attributesToGet = MagnetoDbBody.strings(body, "attributes_to_get");
    String indexName = MagnetoDbBody.string(body, "index_name");
    if (indexName != null && !INDEX_NAME.matcher(indexName).matches()) {
      throw MagnetoDbError.validation("Wrong index name '" + indexName + "' found");
    }
    Query.Select select = select(MagnetoDbBody.string(body, "select"), attributesToGet,
        indexName);
    Map<String, AttributeValue> start =
        MagnetoDbBody.attributes(body, "exclusive_start_key", false);
    KeyCondition keyCondition = keyCondition(MagnetoDbBody.object(body, "key_conditions", true));
    boolean consistent = Boolean.TRUE.equals(MagnetoDbBody.bool(body, "consistent_read"));
    Integer limit = MagnetoDbItemOperations.limit(body);
    Boolean forward = MagnetoDbBody.bool(body, "scan_index_forward");
    MagnetoDbBody.onlyKnown(body, MEMBERS);

    Query.Request query = Query.Request.of(table, keyCondition).onIndex(indexName)
        .withSelect(select).withProjection(MagnetoDbItemOperations.projection(body))
        .withLimit(limit).startingAfter(start);
    if (Boolean.FALSE.equals(forward)) {
      query = query.backwards();
    }
    Query.Result result = state.query(consistent ? query.stronglyConsistent() : query);
    return encode(result, select);
  }

  /** {@code select}, defaulted as MagnetoDB did: specific, all projected or all attributes. */
  static Query.Select select(String select, List<String> attributes, String index) {
    if (select == null) {
      return attributes != null ? Query.Select.SPECIFIC_ATTRIBUTES
          : index != null ? Query.Select.ALL_PROJECTED_ATTRIBUTES : Query.Select.ALL_ATTRIBUTES;
    }
    Query.Select parsed;
    try {
      parsed = Query.Select.valueOf(select);
    } catch (IllegalArgumentException e) {
      throw MagnetoDbError.validation("Select type '" + select + "' isn't allowed");
    }
    if (attributes != null && parsed != Query.Select.SPECIFIC_ATTRIBUTES) {
      throw MagnetoDbError.validation(
          "Attribute list is only expected with select_type 'SPECIFIC_ATTRIBUTES'");
    }
    return parsed;
  }

  /** One or two conditions on key attributes; which is which is the store's to check. */
  private static KeyCondition keyCondition(Json.Obj conditions) {
    if (conditions.members().isEmpty() || conditions.members().size() > 2) {
      throw MagnetoDbError.validation("Conditions can be of length 1 or 2 only");
    }
    List<KeyCondition.Part> parts = new ArrayList<>();
    for (Map.Entry<String, Json> e : conditions.members().entrySet()) {
      MagnetoDbConditions.Parsed condition =
          MagnetoDbConditions.parse(MagnetoDbConditions.Kind.INDEXED, e.getKey(), e.getValue());
      parts.add(new KeyCondition.Part(e.getKey(),
          KeyCondition.Operator.valueOf(condition.operator()), condition.arguments()));
    }
    return new KeyCondition(parts);
  }

  private static byte[] encode(Query.Result result, Query.Select select) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    writePage(out, result.count(), result.items(), result.lastEvaluatedKey(), select);
    out.json().writeEndObject();
    return out.finish();
  }

  /**
   * A page's members as query and scan answer them: {@code count}, {@code items} (unless only
   * counted) and {@code last_evaluated_key} when there is more.
   */
  static void writePage(JsonOut out, int count, List<Item> items, Optional<Item> lastKey,
      Query.Select select) throws IOException {
    out.json().writeNumberField("count", count);
    if (select != Query.Select.COUNT) {
      out.items("items", items);
    }
    if (lastKey.isPresent()) {
      out.item("last_evaluated_key", lastKey.get());
    }
  }
}
