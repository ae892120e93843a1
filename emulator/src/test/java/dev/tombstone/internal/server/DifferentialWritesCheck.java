package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The differential check's families for the operations that write several items:
 * TransactWriteItems ({@link RandomTransactions}) and BatchWriteItem ({@link RandomBatchWrites}).
 * Each case starts from a few items in two tables, sends one write (a transaction now and then
 * twice, as a client retries it), and compares the answers, the cancellation reasons included,
 * and then both tables, read back with Scan.
 */
class DifferentialWritesCheck extends DifferentialFamilies {
  private static final List<String> SCANS = List.of(
      "{\"TableName\":\"" + RandomWriteItems.TABLE + "\"}",
      "{\"TableName\":\"" + RandomWriteItems.TABLE2 + "\"}");
  private static boolean created;

  @Test
  void transactWrites() throws Exception {
    SideBySide side = sides();
    createTables(side);
    RandomTransactions random = new RandomTransactions(SEED);
    for (int i = 0; i < CASES; i++) {
      startingState(side, random.items(), i == 0);
      side.nextCase();
      String body = random.transactWriteItems();
      side.send("TransactWriteItems", body);
      if (body.contains("ClientRequestToken") && i % 3 == 0) {
        side.send("TransactWriteItems", body);
      }
      readBack(side);
    }
    side.finish("transact-writes");
  }

  @Test
  void batchWrites() throws Exception {
    SideBySide side = sides();
    createTables(side);
    RandomBatchWrites random = new RandomBatchWrites(SEED);
    List<String> unprocessed = new ArrayList<>();
    boolean outside = true;
    for (int i = 0; i < CASES; i++) {
      startingState(side, random.items(), outside);
      side.nextCase();
      String body = random.batchWriteItem();
      outside = body.contains(RandomWriteItems.OUTSIDE);
      Object answer = side.send("BatchWriteItem", body);
      if (answer instanceof Map<?, ?> map && map.get("UnprocessedItems") instanceof Map<?, ?> left
          && !left.isEmpty()) {
        unprocessed.add(body);
      }
      readBack(side);
    }
    side.finish("batch-writes");
    assertThat(unprocessed).as("batches answered with UnprocessedItems").isEmpty();
  }

  /** Both tables, once for the class's families. */
  private static void createTables(SideBySide side) throws Exception {
    if (created) {
      return;
    }
    created = true;
    side.setUp("CreateTable", RandomWriteItems.CREATE_TABLE);
    side.setUp("CreateTable", RandomWriteItems.CREATE_TABLE2);
  }

  /**
   * Empties the pool's keys (and, after a case that wrote them, the keys outside it), then puts
   * a few items.
   */
  private static void startingState(SideBySide side, RandomWriteItems items, boolean outside)
      throws Exception {
    for (String key : RandomWriteItems.deletes(outside)) {
      side.setUp("DeleteItem", key);
    }
    for (String item : items.startingItems()) {
      side.setUp("PutItem", item);
    }
  }

  private static void readBack(SideBySide side) throws Exception {
    for (String scan : SCANS) {
      side.sendAllPages("Scan", List.of(scan));
    }
  }
}
