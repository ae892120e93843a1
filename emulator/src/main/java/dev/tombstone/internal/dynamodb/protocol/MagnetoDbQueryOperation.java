package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeType;
import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.KeyCondition;
import dev.tombstone.dynamodb.Query;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private static final Set<String> CONDITION_MEMBERS =
      Set.of("comparison_operator", "attribute_value_list");
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
  private static Query.Select select(String select, List<String> attributes, String index) {
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
      if (!(e.getValue() instanceof Json.Obj condition)) {
        throw MagnetoDbBody.wrongType(e.getKey(), "Object", e.getValue());
      }
      MagnetoDbBody.required(condition, "comparison_operator");
      String operator = MagnetoDbBody.string(condition, "comparison_operator");
      parts.add(new KeyCondition.Part(e.getKey(), operator(operator),
          arguments(operator, condition)));
      MagnetoDbBody.onlyKnown(e.getKey(), condition, CONDITION_MEMBERS);
    }
    return new KeyCondition(parts);
  }

  private static KeyCondition.Operator operator(String name) {
    try {
      return KeyCondition.Operator.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw MagnetoDbError.validation("IndexedCondition of type['" + name + "'] is not allowed");
    }
  }

  /** The operator's arguments, checked with MagnetoDB's messages. */
  private static List<AttributeValue> arguments(String operator, Json.Obj condition) {
    List<AttributeValue> values = new ArrayList<>();
    Json list = condition.get("attribute_value_list");
    if (list != null) {
      if (!(list instanceof Json.Arr array)) {
        throw MagnetoDbBody.wrongType("attribute_value_list", "List of Objects", list);
      }
      for (Json element : array.elements()) {
        values.add(MagnetoDbBody.typed(element));
      }
    }
    if (operator.equals("BETWEEN")) {
      if (values.size() != 2) {
        throw MagnetoDbError.validation("BETWEEN condition type requires exactly 2 arguments,"
            + " but " + values.size() + " given");
      }
      if (values.get(0).type() != values.get(1).type()) {
        throw MagnetoDbError.validation("BETWEEN condition type requires arguments of the same"
            + " type, but different types given");
      }
    } else if (values.size() != 1) {
      throw MagnetoDbError.validation("IndexedCondition of type['" + operator + "'] requires"
          + " exactly 1 arguments, but " + values.size() + " found");
    }
    for (AttributeValue value : values) {
      if (!value.type().isScalarKeyType()) {
        throw MagnetoDbError.validation("IndexedCondition of type['" + operator + "'] allows"
            + " only primitive arguments");
      }
    }
    if (operator.equals("BEGINS_WITH") && values.get(0).type() == AttributeType.N) {
      throw MagnetoDbError.validation(
          "BEGINS_WITH condition type is not allowed for argument of the N type");
    }
    return values;
  }

  private static byte[] encode(Query.Result result, Query.Select select) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeNumberField("count", result.count());
    if (select != Query.Select.COUNT) {
      out.items("items", result.items());
    }
    if (result.lastEvaluatedKey().isPresent()) {
      out.item("last_evaluated_key", result.lastEvaluatedKey().get());
    }
    out.json().writeEndObject();
    return out.finish();
  }
}
