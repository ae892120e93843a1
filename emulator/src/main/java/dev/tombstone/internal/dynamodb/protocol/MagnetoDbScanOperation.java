package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.Scan;
import dev.tombstone.internal.dynamodb.expression.ExpectedEntry;
import dev.tombstone.internal.dynamodb.expression.ExpressionCompiler;
import java.io.IOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MagnetoDB's scan: {@code attributes_to_get}, {@code select}, {@code limit}, {@code
 * exclusive_start_key}, {@code scan_filter} (per attribute a {@code comparison_operator} and its
 * {@code attribute_value_list}, all ANDed), {@code total_segments} and {@code segment}, run as
 * DynamoDB's Scan with the legacy ScanFilter; answered with {@code count}, {@code items} (not with
 * {@code COUNT}), {@code last_evaluated_key} and {@code scanned_count}.
 */
final class MagnetoDbScanOperation {
  private static final Set<String> MEMBERS = Set.of("attributes_to_get", "select", "limit",
      "exclusive_start_key", "scan_filter", "total_segments", "segment");
  private static final int MAX_SEGMENTS = 4096;

  private MagnetoDbScanOperation() {}

  static byte[] handle(DynamoDbState state, String table, Json.Obj body) throws IOException {
    // scan.py read its members in this order and refused the rest last.
    List<String> attributesToGet = MagnetoDbBody.strings(body, "attributes_to_get");
    Query.Select select = body.get("select") == null && attributesToGet == null ? null
        : MagnetoDbQueryOperation.select(MagnetoDbBody.string(body, "select"), attributesToGet,
            null);
    Integer limit = MagnetoDbItemOperations.limit(body);
    Map<String, AttributeValue> start =
        MagnetoDbBody.attributes(body, "exclusive_start_key", false);
    ItemCondition filter = filter(MagnetoDbBody.object(body, "scan_filter", false));
    BigInteger total = MagnetoDbBody.integer(body, "total_segments", 1, (long) MAX_SEGMENTS);
    int totalSegments = total == null ? 1 : total.intValue();
    BigInteger part = MagnetoDbBody.integer(body, "segment", 0, (long) totalSegments);
    int segment = part == null ? 0 : part.intValue();
    MagnetoDbBody.onlyKnown(body, MEMBERS);
    if (segment == totalSegments) {
      // MagnetoDB's bound let the segment reach total_segments; DynamoDB refuses it.
      throw MagnetoDbError.validation("The Segment parameter is zero-based and must be less"
          + " than parameter TotalSegments: Segment: " + segment + " is not less than"
          + " TotalSegments: " + totalSegments);
    }

    Scan.Request scan = Scan.Request.of(table).withLimit(limit).startingAfter(start)
        .withFilter(filter).withProjection(MagnetoDbItemOperations.projection(body))
        .segment(segment, totalSegments);
    if (select != null) {
      scan = scan.withSelect(select);
    }
    Scan.Result result = state.scan(scan);
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    MagnetoDbQueryOperation.writePage(out, result.count(), result.items(),
        result.lastEvaluatedKey(), select);
    out.json().writeNumberField("scanned_count", result.scannedCount());
    out.json().writeEndObject();
    return out.finish();
  }

  /** {@code scan_filter} as DynamoDB's legacy ScanFilter; null when absent or empty. */
  private static ItemCondition filter(Json.Obj scanFilter) {
    if (scanFilter == null || scanFilter.members().isEmpty()) {
      return null;
    }
    Map<String, ExpectedEntry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : scanFilter.members().entrySet()) {
      MagnetoDbConditions.Parsed condition =
          MagnetoDbConditions.parse(MagnetoDbConditions.Kind.SCAN, e.getKey(), e.getValue());
      entries.put(e.getKey(), new ExpectedEntry(null, null, condition.operator(),
          condition.arguments(), null));
    }
    return ExpressionCompiler.legacyFilter(entries, null);
  }
}
