package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DeleteItem;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.GetItem;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.KeySchema;
import dev.tombstone.dynamodb.PutItem;
import dev.tombstone.dynamodb.ReturnValues;
import dev.tombstone.dynamodb.Scan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * PutItem, GetItem, DeleteItem and Scan of API 2011-12-05: translated onto the same domain
 * operations as the current API, answered in the 2011 shapes with {@code ConsumedCapacityUnits}.
 */
final class Legacy2011ItemOperations {
  private final DynamoDbState state;
  private final AttributeValueDecoder decoder =
      new AttributeValueDecoder(AttributeValueDecoder.Dialect.LEGACY_2011);

  Legacy2011ItemOperations(DynamoDbState state) {
    this.state = state;
  }

  byte[] deleteItem(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Legacy2011Keys.Positional key = Legacy2011Keys.read(request, "Key", decoder);
    var expected = Legacy2011Requests.expected(request, decoder);
    String returnValues = Members.string(request, "ReturnValues");

    new Constraints()
        .tableName("tableName", tableName, true)
        .notNull("key", key)
        .oneOf("returnValues", returnValues, Constraints.RETURN_VALUES)
        .check();
    key.valid();
    ReturnValues returnOld = WriteOptions.oldOrNone(returnValues);
    ItemCondition condition = ConditionSupport.compileLegacy(expected);
    KeySchema schema = state.keySchema(tableName);

    DeleteItem.Result result = state.deleteItem(
        DeleteItem.Request.of(tableName, key.named(schema)).withCondition(condition)
            .withReturnValues(returnOld));
    return Legacy2011Requests.itemAndUnits("Attributes", result.oldItem(),
        result.consumedCapacity().total());
  }

  byte[] putItem(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Decoded item = decoder.map(request, "Item");
    var expected = Legacy2011Requests.expected(request, decoder);
    String returnValues = Members.string(request, "ReturnValues");

    new Constraints()
        .tableName("tableName", tableName, true)
        .notNull("item", item)
        .oneOf("returnValues", returnValues, Constraints.RETURN_VALUES)
        .check();
    Item newItem = Item.of(item.valid());
    ReturnValues returnOld = WriteOptions.oldOrNone(returnValues);
    ItemCondition condition = ConditionSupport.compileLegacy(expected);

    PutItem.Result result = state.putItem(
        PutItem.Request.of(tableName, newItem).withCondition(condition)
            .withReturnValues(returnOld));
    return Legacy2011Requests.itemAndUnits("Attributes", result.oldItem(),
        result.consumedCapacity().total());
  }

  byte[] getItem(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Legacy2011Keys.Positional key = Legacy2011Keys.read(request, "Key", decoder);
    List<String> attributesToGet = Members.stringList(request, "AttributesToGet");
    Boolean consistentRead = Members.bool(request, "ConsistentRead");

    Constraints constraints = new Constraints()
        .tableName("tableName", tableName, true)
        .notNull("key", key);
    if (attributesToGet != null && attributesToGet.isEmpty()) {
      constraints.add("attributesToGet", "[]", Constraints.minLength(1));
    }
    constraints.check();
    key.valid();
    UnaryOperator<Item> projection =
        attributesToGet == null ? null : AttributesToGet.projection(attributesToGet);
    KeySchema schema = state.keySchema(tableName);

    GetItem.Request get =
        GetItem.Request.of(tableName, key.named(schema)).withProjection(projection);
    GetItem.Result result = state.getItem(
        Boolean.TRUE.equals(consistentRead) ? get.stronglyConsistent() : get);
    return Legacy2011Requests.itemAndUnits("Item", result.item(),
        result.consumedCapacity().total());
  }

  byte[] scan(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Integer limit = Members.integer(request, "Limit");
    Boolean count = Members.bool(request, "Count");
    Legacy2011Keys.Positional start = Legacy2011Keys.read(request, "ExclusiveStartKey", decoder);
    List<String> attributesToGet = Members.stringList(request, "AttributesToGet");
    var filter = Legacy2011Requests.scanFilter(request, decoder);

    new Constraints()
        .tableName("tableName", tableName, true)
        .atLeast("limit", limit, 1)
        .comparisonOperators("scanFilter", filter, true)
        .check();
    if (Boolean.TRUE.equals(count) && attributesToGet != null) {
      throw new DynamoDbError.Validation(
          "Cannot specify the AttributesToGet when choosing to get only the Count");
    }
    ItemCondition condition = ConditionSupport.compileLegacy(filter);
    UnaryOperator<Item> projection =
        attributesToGet == null ? null : AttributesToGet.projection(attributesToGet);
    KeySchema schema = state.keySchema(tableName);
    Map<String, AttributeValue> startKey =
        start == null ? null : start.valid().named(schema);

    Scan.Request scan = Scan.Request.of(tableName).withLimit(limit).startingAfter(startKey)
        .withFilter(condition).withProjection(projection);
    Scan.Result result = state.scan(Boolean.TRUE.equals(count) ? scan.countingOnly() : scan);
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeNumberField("Count", result.count());
    if (!Boolean.TRUE.equals(count)) {
      out.items("Items", result.items());
    }
    if (result.lastEvaluatedKey().isPresent()) {
      Legacy2011Keys.write(out, "LastEvaluatedKey", schema, result.lastEvaluatedKey().get());
    }
    out.json().writeNumberField("ScannedCount", result.scannedCount());
    Legacy2011Requests.capacityUnits(out, result.consumedCapacity().total());
    out.json().writeEndObject();
    return out.finish();
  }
}
