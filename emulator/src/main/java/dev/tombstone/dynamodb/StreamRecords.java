package dev.tombstone.dynamodb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one GetRecords returns.
 *
 * @param records the records read, oldest first
 * @param nextShardIterator where to read next; empty once a closed shard has been read to its end
 */
public record StreamRecords(List<StreamRecord> records, Optional<String> nextShardIterator) {
  public StreamRecords {
    records = List.copyOf(records);
    Objects.requireNonNull(nextShardIterator, "nextShardIterator");
  }
}
