package dev.tombstone.dynamodb;

import java.util.ArrayList;
import java.util.List;

/**
 * What one Query or Scan page has read: the page is full at the request's {@code Limit} of items
 * read or at 1 MB of them; the items the filter keeps are counted, and returned unless only
 * counted. Its capacity is that of the bytes read.
 */
final class ReadPage {
  /** DynamoDB's page size, in bytes of the items read. */
  static final long MAX_BYTES = 1024 * 1024;

  private final int limit;
  private final List<Item> items = new ArrayList<>();
  private int scanned;
  private int count;
  private long bytes;
  private Item last;

  /** @param limit the most items to read, or null for no limit but the page size */
  ReadPage(Integer limit) {
    this.limit = limit == null ? Integer.MAX_VALUE : limit;
  }

  /** Whether the page may read no more: its limit or its size is reached. */
  boolean full() {
    return scanned >= limit || bytes >= MAX_BYTES;
  }

  /**
   * Notes an item read.
   *
   * @param stored the table's item
   * @param read what the table or index holds of it, whose size counts
   */
  void read(Item stored, Item read) {
    scanned++;
    bytes += read.sizeInBytes();
    last = stored;
  }

  /** An item the filter kept, counted only (Select COUNT). */
  void counted() {
    count++;
  }

  /** An item the filter kept, counted and returned as {@code item}. */
  void returned(Item item) {
    count++;
    items.add(item);
  }

  /**
   * The table's item read last when the page was cut short by its limit or its size, where the
   * next page starts after; null when the read ran out first.
   */
  Item cutAfter() {
    return last != null && full() ? last : null;
  }

  List<Item> items() {
    return List.copyOf(items);
  }

  int count() {
    return count;
  }

  int scanned() {
    return scanned;
  }

  double units(boolean consistentRead) {
    return Capacity.readUnits(bytes, consistentRead);
  }
}
