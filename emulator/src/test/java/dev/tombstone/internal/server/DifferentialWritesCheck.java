package dev.tombstone.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    ClientTokens tokens = new ClientTokens();
    for (int i = 0; i < CASES; i++) {
      startingState(side, random.items(), i == 0);
      side.nextCase();
      String generated = random.transactWriteItems();
      String body = tokens.current(generated);
      side.send("TransactWriteItems", body);
      if (body.contains("ClientRequestToken") && i % 3 == 0) {
        side.send("TransactWriteItems", body);
      }
      if (side.diverged()) {
        tokens.retire(generated);
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

  /**
   * The ClientRequestTokens the transactions send. When one side ran a transaction the other
   * refused (a difference counted in that case), only that side holds its token, and a later
   * case reusing the token would differ for that alone (IdempotentParameterMismatchException on
   * one side). Such a token is retired: later cases send {@code <token>-<n>} in its place.
   */
  private static final class ClientTokens {
    private static final Pattern TOKEN = Pattern.compile("\"ClientRequestToken\":\"([^\"]*)\"");
    private final Map<String, Integer> generations = new HashMap<>();

    String current(String body) {
      Matcher token = TOKEN.matcher(body);
      if (!token.find() || !generations.containsKey(token.group(1))) {
        return body;
      }
      return token.replaceFirst(Matcher.quoteReplacement("\"ClientRequestToken\":\""
          + token.group(1) + "-" + generations.get(token.group(1)) + "\""));
    }

    void retire(String body) {
      Matcher token = TOKEN.matcher(body);
      if (token.find()) {
        generations.merge(token.group(1), 1, Integer::sum);
      }
    }
  }

  private static void readBack(SideBySide side) throws Exception {
    for (String scan : SCANS) {
      side.sendAllPages("Scan", List.of(scan));
    }
  }
}
