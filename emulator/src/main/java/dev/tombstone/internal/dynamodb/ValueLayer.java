package dev.tombstone.internal.dynamodb;

/**
 * Which of DynamoDB's two value-checking layers an operation runs; it decides the wording of a
 * duplicate set member, of an empty number and of a bad expression value. AWS (four regions,
 * 2026-10) runs the current layer for PutItem, UpdateItem and DeleteItem (inside the request
 * validation envelope), GetItem, BatchGetItem and Query (bare), and the older one for
 * BatchWriteItem, the transactions and Scan.
 */
public enum ValueLayer {
  /** Quoted, partly sorted duplicates; {@code ": "} after an empty number; no value wrapper. */
  CURRENT,
  /** Duplicates as sent; a bare empty-number text; expression values wrapped with their key. */
  OLDER
}
