package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.TableDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ImportTable: what was asked and what came of it. An import is finished when the request
 * returns, COMPLETED or FAILED. Internal.
 *
 * @param table the new table's definition, from {@code TableCreationParameters}
 * @param startTime when the request was served; also its end
 */
public record TableImport(
    String arn,
    String tableArn,
    String tableId,
    String clientToken,
    Source source,
    String inputFormat,
    String compression,
    Optional<Csv> csv,
    TableDefinition table,
    Instant startTime,
    Counts counts,
    Optional<Failure> failure) implements TransferLog.Job {

  public TableImport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(failure, "failure");
  }

  /** {@code S3BucketSource}. */
  public record Source(String bucket, Optional<String> keyPrefix, Optional<String> owner) {}

  /** {@code InputFormatOptions.Csv}; a header list absent means each object's first line. */
  public record Csv(Optional<String> delimiter, Optional<List<String>> headers) {}

  /**
   * What the import read.
   *
   * @param processedSizeBytes the uncompressed bytes read
   */
  public record Counts(long processedItems, long importedItems, long errors,
      long processedSizeBytes) {}

  /** Why an import FAILED, with DynamoDB's code and message. */
  public record Failure(String code, String message) {}

  /** COMPLETED or FAILED. */
  public String status() {
    return failure.isPresent() ? "FAILED" : "COMPLETED";
  }
}
