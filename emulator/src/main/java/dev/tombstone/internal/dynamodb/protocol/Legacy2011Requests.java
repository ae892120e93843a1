package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import dev.tombstone.internal.dynamodb.expression.LegacyUpdate;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members the 2011-12-05 item operations share: {@code Expected} and {@code ScanFilter}, both
 * compiled onto the evaluator of the current API, {@code AttributeUpdates}, and the answers with
 * {@code ConsumedCapacityUnits}.
 */
final class Legacy2011Requests {
  static final String EXPECTED_MAP =
      "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20111205.ExpectedAttributeValue>";
  static final String CONDITION_MAP =
      "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20111205.Condition>";
  static final String UPDATES_MAP =
      "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20111205.AttributeValueUpdate>";

  private Legacy2011Requests() {}

  /** {@code Expected}: per attribute a {@code Value} and/or {@code Exists}; null when absent. */
  static Map<String, ExpectedEntry> expected(Json.Obj request, AttributeValueDecoder decoder) {
    return Members.entries(request, "Expected", EXPECTED_MAP, Legacy2011Requests::entryObject,
        entry -> expectedEntry(entry, decoder));
  }

  /**
   * {@code ScanFilter}: per attribute a ComparisonOperator and its AttributeValueList; the
   * operators are unchecked ({@link Constraints#comparisonOperators} checks them).
   */
  static Map<String, ExpectedEntry> scanFilter(Json.Obj request, AttributeValueDecoder decoder) {
    return Members.entries(request, "ScanFilter", CONDITION_MAP, Legacy2011Requests::entryObject,
        entry -> filterEntry(entry, decoder));
  }

  private static ExpectedEntry expectedEntry(Json.Obj entry, AttributeValueDecoder decoder) {
    AttributeValueDecoder.Result value = decoder.single(entry.get("Value"));
    return new ExpectedEntry(
        value == null ? null : value.value,
        Members.bool(entry, "Exists"),
        null,
        null,
        value == null ? null : value.problem);
  }

  private static ExpectedEntry filterEntry(Json.Obj entry, AttributeValueDecoder decoder) {
    String problem = null;
    List<AttributeValue> list = null;
    List<Json> raw = Members.list(entry, "AttributeValueList");
    if (raw != null) {
      list = new ArrayList<>(raw.size());
      for (Json element : raw) {
        AttributeValueDecoder.Result result = decoder.element(element, 1);
        if (result != null) {
          problem = problem != null ? problem : result.problem;
          list.add(result.value);
        }
      }
    }
    return new ExpectedEntry(null, null, Members.string(entry, "ComparisonOperator"), list,
        problem);
  }

  /**
   * {@code AttributeUpdates} of UpdateItem: per attribute an {@code Action} and maybe a {@code
   * Value}, in request order; null when absent.
   */
  static Map<String, LegacyUpdate> attributeUpdates(Json.Obj request,
      AttributeValueDecoder decoder) {
    return Members.entries(request, "AttributeUpdates", UPDATES_MAP,
        Legacy2011Requests::entryObject, entry -> UpdateItemOperation.legacyUpdate(entry, decoder));
  }

  /** A write's or GetItem's answer: the item under {@code field} if any, and the units. */
  static byte[] itemAndUnits(String field, Optional<Item> item, double units) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (item.isPresent()) {
      out.item(field, item.get());
    }
    capacityUnits(out, units);
    out.json().writeEndObject();
    return out.finish();
  }

  /** Writes {@code ConsumedCapacityUnits}: 1 rather than 1.0, as the 2011 samples show. */
  static void capacityUnits(JsonOut out, double units) throws IOException {
    out.json().writeFieldName("ConsumedCapacityUnits");
    out.json().writeNumber(BigDecimal.valueOf(units).stripTrailingZeros().toPlainString());
  }

  private static Json.Obj entryObject(Json raw) {
    if (raw == null || raw instanceof Json.Null) {
      return null;
    }
    if (raw instanceof Json.Obj entry) {
      return entry;
    }
    throw new SerializationError(raw instanceof Json.Arr
        ? Members.LIST
        : "Unexpected value type in payload");
  }
}
