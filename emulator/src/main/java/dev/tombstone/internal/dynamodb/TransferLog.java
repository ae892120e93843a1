package dev.tombstone.internal.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The exports, the imports or the bulk operations made, by ARN in the order they were made,
 * with the client tokens that make a repeated request return the first one's job. Thread-safe: a
 * request runs under this log's lock from its token check to its record, so two requests with
 * one token make one job. Internal.
 *
 * @param <T> {@link TableExport}, {@link TableImport} or {@link BulkOperation}
 */
public final class TransferLog<T extends TransferLog.Job> {
  /** How long DynamoDB honours a client token after its first request. */
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

  /** What the log needs of a job. */
  public interface Job {
    String arn();

    String tableArn();

    String clientToken();

    Instant startTime();
  }

  private final Map<String, T> byArn = new LinkedHashMap<>();

  /** Runs {@code request} under the log's lock: the token check and the record stay together. */
  public synchronized <R> R serialized(Supplier<R> request) {
    return request.get();
  }

  /** Records (or replaces, by ARN) a job. */
  public synchronized void put(T job) {
    byArn.put(job.arn(), job);
  }

  public synchronized Optional<T> find(String arn) {
    return Optional.ofNullable(byArn.get(arn));
  }

  /** The job of a client token still within {@link #TOKEN_LIFETIME} of its start at {@code now}. */
  public synchronized Optional<T> byToken(String clientToken, Instant now) {
    T found = null;
    for (T job : byArn.values()) {
      if (job.clientToken().equals(clientToken)
          && job.startTime().plus(TOKEN_LIFETIME).isAfter(now)) {
        found = job;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Every job, oldest first. */
  public synchronized List<T> all() {
    return new ArrayList<>(byArn.values());
  }

  synchronized void clear() {
    byArn.clear();
  }
}
