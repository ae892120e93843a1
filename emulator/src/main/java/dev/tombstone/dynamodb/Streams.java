package dev.tombstone.dynamodb;

import dev.tombstone.internal.ArnOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DynamoDB streams of one emulator, enabled or not, and the Streams API's reads of them. A
 * disabled stream (UpdateTable, DeleteTable) stays readable for {@link TableStream#RETENTION}.
 */
final class Streams {
  /** How long a shard iterator may be used after GetShardIterator or GetRecords returned it. */
  static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final String region;
  private final Clock clock;
  // In creation order; ListStreams sorts them newest first, as DynamoDB Local lists them.
  private final Map<String, TableStream> byArn = new LinkedHashMap<>();

  Streams(String region, Clock clock) {
    this.region = region;
    this.clock = clock;
  }

  /** Enables a new stream on the table with that ARN at {@code at}. */
  synchronized TableStream open(String tableArn, String tableName, KeySchema keySchema,
      StreamViewType viewType, Instant at) {
    Instant labelled = at;
    // Two streams of one table in one millisecond (a manual clock stands still) differ by label.
    while (byArn.containsKey(arn(tableArn, labelled))) {
      labelled = labelled.plusMillis(1);
    }
    String label = LABEL.format(labelled);
    TableStream stream = new TableStream(tableArn + "/stream/" + label, label, tableName,
        keySchema, viewType, at, region);
    byArn.put(stream.arn(), stream);
    return stream;
  }

  private static String arn(String tableArn, Instant at) {
    return tableArn + "/stream/" + LABEL.format(at);
  }

  /** Drops a stream no table writes to (its CreateTable lost a race). */
  synchronized void forget(TableStream stream) {
    byArn.remove(stream.arn(), stream);
  }

  synchronized void clear() {
    byArn.clear();
  }

  /**
   * ListStreams: the streams of {@code tableName} (every stream when null), newest first by
   * label, then by ARN ({@link ArnOrder#STREAMS_NEWEST_FIRST}).
   */
  synchronized List<StreamDescription> list(String tableName) {
    purge();
    List<StreamDescription> streams = new ArrayList<>();
    for (TableStream stream : byArn.values()) {
      if (tableName == null || stream.tableName().equals(tableName)) {
        streams.add(stream.describe());
      }
    }
    streams.sort(Comparator.comparing(StreamDescription::arn, ArnOrder.STREAMS_NEWEST_FIRST));
    return streams;
  }

  /** DescribeStream. */
  StreamDescription describe(String arn) {
    return find(arn).describe();
  }

  /** GetShardIterator. */
  String iterator(String arn, String shardId, ShardIteratorType type, String sequenceNumber) {
    TableStream stream = find(arn);
    if (!stream.shardId().equals(shardId)) {
      throw new DynamoDbError.ResourceNotFound("Requested resource not found: Shard: " + shardId
          + " in Stream: " + arn + " not found");
    }
    boolean bySequence = type == ShardIteratorType.AT_SEQUENCE_NUMBER
        || type == ShardIteratorType.AFTER_SEQUENCE_NUMBER;
    if (bySequence && sequenceNumber == null) {
      throw DynamoDbError.Validation.invalidParameters("Invalid SequenceNumber");
    }
    if (!bySequence && sequenceNumber != null) {
      throw DynamoDbError.Validation.invalidParameters(
          "SequenceNumber should not be passed for this iterator type");
    }
    Instant now = clock.instant();
    long position;
    if (type == ShardIteratorType.TRIM_HORIZON) {
      position = stream.trimHorizon(now);
    } else if (type == ShardIteratorType.LATEST) {
      position = stream.latest();
    } else {
      long number = parseSequenceNumber(sequenceNumber);
      // Only numbers the shard has handed out, its start and its records', for AT and AFTER
      // alike: a record still to come has no number a client could know.
      if (number < TableStream.START || number >= stream.latest()) {
        throw new DynamoDbError.Validation("Invalid SequenceNumber for the shard");
      }
      if (stream.trimmed(number, now)) {
        throw new DynamoDbError.TrimmedDataAccess();
      }
      boolean after = type == ShardIteratorType.AFTER_SEQUENCE_NUMBER;
      position = after || number == TableStream.START ? number + 1 : number;
    }
    return encode(stream, position, now);
  }

  /** GetRecords. */
  StreamRecords records(String iterator, int limit) {
    Decoded decoded = decode(iterator);
    TableStream stream = find(decoded.arn());
    if (!stream.shardId().equals(decoded.shardId())) {
      throw invalidIterator();
    }
    Instant now = clock.instant();
    if (decoded.issuedAt().plus(ITERATOR_LIFETIME).isBefore(now)) {
      throw new DynamoDbError.ExpiredIterator();
    }
    List<StreamRecord> read = stream.read(decoded.position(), limit, now);
    if (read == null) {
      throw new DynamoDbError.TrimmedDataAccess();
    }
    long position = decoded.position() + read.size();
    Optional<String> next = stream.endReached(position)
        ? Optional.empty() : Optional.of(encode(stream, position, now));
    return new StreamRecords(read, next);
  }

  private synchronized TableStream find(String arn) {
    purge();
    TableStream stream = byArn.get(arn);
    if (stream == null) {
      throw new DynamoDbError.ResourceNotFound(
          "Requested resource not found: Stream: " + arn + " not found");
    }
    return stream;
  }

  private void purge() {
    Instant now = clock.instant();
    for (Iterator<TableStream> it = byArn.values().iterator(); it.hasNext(); ) {
      if (it.next().gone(now)) {
        it.remove();
      }
    }
  }

  private static long parseSequenceNumber(String text) {
    if (!text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 40) {
      throw DynamoDbError.Validation.invalidParameters("Invalid SequenceNumber");
    }
    String digits = text.replaceFirst("^0+(?=.)", "");
    // Longer than any number the emulator hands out: past the end of every shard.
    return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  /** An iterator's content: which shard, the sequence number it reads next, when it was made. */
  private record Decoded(String arn, String shardId, long position, Instant issuedAt) {}

  // The stream ARN in clear (as DynamoDB's iterators begin), then the rest opaque.
  private static String encode(TableStream stream, long position, Instant now) {
    String rest = stream.shardId() + "|" + position + "|" + now.toEpochMilli();
    return stream.arn() + "|1|" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(rest.getBytes(StandardCharsets.UTF_8));
  }

  private static Decoded decode(String iterator) {
    int bar = iterator.indexOf("|1|");
    if (bar < 0) {
      throw invalidIterator();
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(iterator.substring(bar + 3)),
          StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != 3) {
        throw invalidIterator();
      }
      return new Decoded(iterator.substring(0, bar), parts[0], Long.parseLong(parts[1]),
          Instant.ofEpochMilli(Long.parseLong(parts[2])));
    } catch (IllegalArgumentException e) {
      throw invalidIterator();
    }
  }

  private static DynamoDbError.Validation invalidIterator() {
    return new DynamoDbError.Validation("Invalid ShardIterator");
  }
}
