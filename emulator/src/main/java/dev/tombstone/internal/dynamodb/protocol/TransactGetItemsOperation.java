package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.TransactGetItems;
import dev.tombstone.internal.dynamodb.ValueLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * TransactGetItems of API 2012-08-10: up to 100 Get elements read from one snapshot; decode,
 * validate in DynamoDB's order, read, encode.
 */
final class TransactGetItemsOperation {
  static final int MAX_ITEMS = 100;
  private static final AttributeValueDecoder DECODER =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.CURRENT,
          ValueLayer.OLDER);

  private final DynamoDbState state;
  private final ConditionSupport conditions;

  TransactGetItemsOperation(DynamoDbState state, ConditionSupport conditions) {
    this.state = state;
    this.conditions = conditions;
  }

  /** One Get element as read off the wire; {@code present} is false without a Get member. */
  private record Element(boolean present, String tableName, Decoded key,
      String projectionExpression, Map<String, String> names) {}

  private record Wire(List<Json> items, String returnConsumedCapacity, List<Element> elements) {}

  byte[] handle(Json.Obj request) throws IOException {
    Wire wire = decode(request);
    TransactGetItems.Result result = state.transactGetItems(validate(wire));
    return encode(result, wire.returnConsumedCapacity());
  }

  private static Wire decode(Json.Obj request) {
    List<Json> items = Members.list(request, "TransactItems");
    List<Element> elements = new ArrayList<>();
    if (items != null) {
      for (Json raw : items) {
        Json.Obj element = Members.element(raw, "TransactGetItem");
        if (element == null) {
          continue;
        }
        Json.Obj get = Members.structure(element, "Get");
        elements.add(get == null ? new Element(false, null, null, null, null)
            : new Element(true, Members.string(get, "TableName"), DECODER.map(get, "Key"),
                Members.string(get, "ProjectionExpression"),
                Members.stringMap(get, "ExpressionAttributeNames")));
      }
    }
    return new Wire(items, Members.string(request, "ReturnConsumedCapacity"), elements);
  }

  /**
   * DynamoDB's order: the model's constraints of the request and of every element, then per
   * element its projection parameters and key values. Tables, keys and duplicates are the
   * store's.
   */
  private TransactGetItems.Request validate(Wire wire) {
    Constraints constraints = new Constraints();
    constraints.oneOf("returnConsumedCapacity", wire.returnConsumedCapacity(),
        Constraints.RETURN_CONSUMED_CAPACITY);
    constraints.notNull("transactItems", wire.items());
    if (wire.items() != null) {
      // DynamoDB renders the list here: an empty one as '[]' (paritysuite/dynamodb-conformance
      // 2026 and dynalite test/transactWriteItem.js); how it renders elements is not reproduced.
      int size = wire.items().size();
      constraints.size("transactItems", size == 0 ? "[]" : "[" + size + " items]", size, 1,
          MAX_ITEMS);
    }
    for (int i = 0; i < wire.elements().size(); i++) {
      Element e = wire.elements().get(i);
      String path = "transactItems." + (i + 1) + ".member.get";
      if (!e.present()) {
        constraints.notNull(path, null);
        continue;
      }
      constraints.tableNameOrArn(path + ".tableName", e.tableName());
      constraints.notNull(path + ".key", e.key());
    }
    constraints.check();

    List<TransactGetItems.Get> gets = new ArrayList<>();
    for (Element e : wire.elements()) {
      if (e.names() != null && e.projectionExpression() == null) {
        throw ServiceErrors.namesWithoutExpression();
      }
      UnaryOperator<Item> projection =
          conditions.read(null, e.projectionExpression(), e.names(), null).projector();
      gets.add(TransactGetItems.Get.of(e.tableName(), e.key().valid())
          .withProjection(projection));
    }
    return TransactGetItems.Request.of(gets);
  }

  private static byte[] encode(TransactGetItems.Result result, String mode) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.capacities(result.consumedCapacity(), mode);
    out.json().writeArrayFieldStart("Responses");
    for (Optional<Item> item : result.items()) {
      out.json().writeStartObject();
      if (item.isPresent()) {
        out.item("Item", item.get());
      }
      out.json().writeEndObject();
    }
    out.json().writeEndArray();
    out.json().writeEndObject();
    return out.finish();
  }
}
