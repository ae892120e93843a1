package dev.tombstone.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One DynamoDB stream of a table and its one shard: the records of every item change, in the
 * order the changes were made. Records go after {@link #RETENTION} on the emulator's clock, and
 * the oldest go first once the shard holds {@link #MAX_RECORDS}; both count as trimmed.
 *
 * <p>{@link #append} runs under the changed item's lock, so the records of one key are in the
 * order of its changes; this object's monitor orders the records of different keys.
 */
final class TableStream {
  static final Duration RETENTION = Duration.ofHours(24);
  /** A bound on memory: a shard keeps at most this many records, trimming the oldest. */
  static final int MAX_RECORDS = 100_000;
  /**
   * The shard's StartingSequenceNumber, which no record carries: the first record is numbered
   * after it, as on DynamoDB, so AT and AFTER it both read from the first record, whether that
   * record has been written yet or not.
   */
  static final long START = 1;

  private final String arn;
  private final String label;
  private final String tableName;
  private final KeySchema keySchema;
  private final StreamViewType viewType;
  private final Instant createdAt;
  private final String shardId;
  private final String region;

  // Record numbers are consecutive after START: the record numbered n sits at head + n - first.
  private final List<StreamRecord> records = new ArrayList<>();
  private int head;
  private long first = START + 1;
  private long next = START + 1;
  private Instant disabledAt;

  TableStream(String arn, String label, String tableName, KeySchema keySchema,
      StreamViewType viewType, Instant createdAt, String region) {
    this.arn = arn;
    this.label = label;
    this.tableName = tableName;
    this.keySchema = keySchema;
    this.viewType = viewType;
    this.createdAt = createdAt;
    this.region = region;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.shardId = String.format("shardId-%020d-%08x", createdAt.toEpochMilli(),
        random.nextInt());
  }

  String arn() {
    return arn;
  }

  String label() {
    return label;
  }

  String tableName() {
    return tableName;
  }

  String shardId() {
    return shardId;
  }

  StreamViewType viewType() {
    return viewType;
  }

  /**
   * Records the change of one item from {@code old} to {@code now} (either null, not both) at
   * {@code at}; a write that leaves the item as it was is no change, as on DynamoDB.
   */
  void append(Item old, Item now, boolean byTimeToLive, Instant at) {
    if (old != null && old.equals(now)) {
      return;
    }
    StreamRecord.EventName name = old == null ? StreamRecord.EventName.INSERT
        : now == null ? StreamRecord.EventName.REMOVE : StreamRecord.EventName.MODIFY;
    Item keys = keySchema.keyAttributesOf(now != null ? now : old);
    Optional<Item> oldImage = viewType.hasOldImage() ? Optional.ofNullable(old) : Optional.empty();
    Optional<Item> newImage = viewType.hasNewImage() ? Optional.ofNullable(now) : Optional.empty();
    long size = keys.sizeInBytes() + oldImage.map(Item::sizeInBytes).orElse(0)
        + newImage.map(Item::sizeInBytes).orElse(0);
    synchronized (this) {
      if (disabledAt != null) {
        return;
      }
      trim(at);
      records.add(new StreamRecord(eventId(), name, sequenceNumber(next++), at, keys, oldImage,
          newImage, size, viewType, byTimeToLive, region));
      if (next - first > MAX_RECORDS) {
        drop(1);
      }
    }
  }

  /** Ends the stream at {@code at}: its shard is closed, its records stay readable. */
  synchronized void disable(Instant at) {
    if (disabledAt == null) {
      disabledAt = at;
    }
  }

  synchronized boolean enabled() {
    return disabledAt == null;
  }

  /** Whether the stream was disabled more than {@link #RETENTION} before {@code now}. */
  synchronized boolean gone(Instant now) {
    return disabledAt != null && disabledAt.plus(RETENTION).isBefore(now);
  }

  synchronized StreamDescription describe() {
    Optional<String> ending = disabledAt != null && next > START + 1
        ? Optional.of(sequenceNumber(next - 1)) : Optional.empty();
    return new StreamDescription(arn, label, tableName, keySchema, viewType,
        disabledAt == null ? StreamDescription.Status.ENABLED
            : StreamDescription.Status.DISABLED,
        createdAt, shardId, sequenceNumber(START), ending);
  }

  /** The sequence number of the oldest record kept at {@code now}. */
  synchronized long trimHorizon(Instant now) {
    trim(now);
    return first;
  }

  /** The sequence number the next record will get. */
  synchronized long latest() {
    return next;
  }

  /**
   * Whether {@code number} (the start or a record's) is at or before a record trimmed by
   * {@code now}.
   */
  synchronized boolean trimmed(long number, Instant now) {
    trim(now);
    return first > START + 1 && number < first;
  }

  /**
   * Up to {@code limit} records from sequence number {@code from} on, as they are at {@code now};
   * null when records from there on have been trimmed.
   */
  synchronized List<StreamRecord> read(long from, int limit, Instant now) {
    trim(now);
    if (from < first) {
      return null;
    }
    List<StreamRecord> read = new ArrayList<>();
    for (long n = from; n < next && read.size() < limit; n++) {
      read.add(records.get((int) (head + n - first)));
    }
    return read;
  }

  /** Whether a reader at {@code position} has read all this closed shard will ever hold. */
  synchronized boolean endReached(long position) {
    return disabledAt != null && position >= next;
  }

  private void trim(Instant now) {
    Instant horizon = now.minus(RETENTION);
    int drop = 0;
    while (head + drop < records.size()
        && records.get(head + drop).createdAt().isBefore(horizon)) {
      drop++;
    }
    drop(drop);
  }

  private void drop(int count) {
    if (count == 0) {
      return;
    }
    for (int i = 0; i < count; i++) {
      records.set(head + i, null);
    }
    head += count;
    first += count;
    if (head > 1024 && head > records.size() / 2) {
      records.subList(0, head).clear();
      head = 0;
    }
  }

  static String sequenceNumber(long n) {
    return String.format("%021d", n);
  }

  private static String eventId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }
}
