package dev.tombstone.internal.server;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential check's PartiQL and batch read families: ExecuteStatement,
 * BatchExecuteStatement, BatchGetItem and TransactGetItems, each compared between DynamoDB Local
 * 3.3.1 and Tombstone, and for writes the table read back with a Scan (as a set). BatchGetItem's
 * Responses are compared as sets, as DynamoDB returns them in no particular order. See
 * {@link DifferentialCheck}.
 */
class DifferentialReadsCheck extends DifferentialFamilies {
  private static boolean statementsTable;

  @Test
  void partiqlStatements() throws Exception {
    SideBySide side = sides();
    createStatementsTable(side);
    RandomStatements random = new RandomStatements(SEED);
    for (int i = 0; i < CASES; i++) {
      reset(side, random);
      side.nextCase();
      side.send("ExecuteStatement", random.executeStatement(), false);
      side.sendAllPages("Scan", List.of(RandomStatements.SCAN));
    }
    side.finish("partiql-statements");
  }

  @Test
  void batchStatements() throws Exception {
    SideBySide side = sides();
    createStatementsTable(side);
    RandomStatements random = new RandomStatements(SEED + 1);
    for (int i = 0; i < CASES; i++) {
      reset(side, random);
      side.nextCase();
      Object answer = side.send("BatchExecuteStatement", random.batchExecuteStatement());
      // Read back after answers that agree. Where a statement's answer differs (a known
      // difference), the tables differ by that statement. A request both refused as a whole
      // wrote nothing in DynamoDB; DynamoDB Local 3.3.1 has already run the statements before
      // it finds two on one item, so its table is not read then.
      if (answer != null && !side.bothRefused()) {
        side.sendAllPages("Scan", List.of(RandomStatements.SCAN));
      }
    }
    side.finish("batch-statements");
  }

  @Test
  void batchGets() throws Exception {
    SideBySide side = sides();
    for (String table : RandomBatchGets.CREATE_TABLES) {
      side.setUp("CreateTable", table);
    }
    RandomBatchGets random = new RandomBatchGets(SEED);
    for (int i = 0; i < CASES; i++) {
      if (i % 20 == 0) {
        for (String key : RandomBatchGets.deletes()) {
          side.setUp("DeleteItem", key);
        }
        for (String item : random.items()) {
          side.setUp("PutItem", item);
        }
      }
      side.nextCase();
      if (i % 2 == 0) {
        side.send("BatchGetItem", random.batchGetItem(), false);
      } else {
        side.send("TransactGetItems", random.transactGetItems());
      }
    }
    side.finish("batch-gets");
  }

  /** Both statement families write table diffp; each clears it before every case. */
  private static void createStatementsTable(SideBySide side) throws Exception {
    if (!statementsTable) {
      side.setUp("CreateTable", RandomStatements.CREATE_TABLE);
      statementsTable = true;
    }
  }

  private static void reset(SideBySide side, RandomStatements random) throws Exception {
    for (String key : RandomStatements.allKeys()) {
      side.setUp("DeleteItem", key);
    }
    for (String item : random.items()) {
      side.setUp("PutItem", item);
    }
  }
}
