package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.ConsumedCapacity;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.Query;
import dev.tombstone.dynamodb.Scan;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The answer to one page of a Query or a Scan of API 2012-08-10: {@code Items} (none with
 * {@code Select} COUNT), {@code Count}, {@code ScannedCount}, {@code LastEvaluatedKey} and the
 * consumed capacity.
 */
final class ReadPages {
  private ReadPages() {}

  static byte[] encode(Query.Result page, String select, String returnConsumedCapacity)
      throws IOException {
    return encode(page.items(), page.count(), page.scannedCount(), page.lastEvaluatedKey(),
        page.consumedCapacity(), select, returnConsumedCapacity);
  }

  static byte[] encode(Scan.Result page, String select, String returnConsumedCapacity)
      throws IOException {
    return encode(page.items(), page.count(), page.scannedCount(), page.lastEvaluatedKey(),
        page.consumedCapacity(), select, returnConsumedCapacity);
  }

  private static byte[] encode(List<Item> items, int count, int scannedCount,
      Optional<Item> lastEvaluatedKey, ConsumedCapacity capacity, String select,
      String returnConsumedCapacity) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (!"COUNT".equals(select)) {
      out.items("Items", items);
    }
    out.json().writeNumberField("Count", count);
    out.json().writeNumberField("ScannedCount", scannedCount);
    if (lastEvaluatedKey.isPresent()) {
      out.item("LastEvaluatedKey", lastEvaluatedKey.get());
    }
    out.consumedCapacity("ConsumedCapacity", capacity, returnConsumedCapacity);
    out.json().writeEndObject();
    return out.finish();
  }
}
