package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.TableDefinition;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One ImportTable: what was asked and what came of it. An import is finished when the request
 * returns, COMPLETED or FAILED. Internal.
 *
 * @param table the new table's definition, from {@code TableCreationParameters}
 * @param settings what else {@code TableCreationParameters} asked of the new table
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
    Settings settings,
    Instant startTime,
    Counts counts,
    Optional<Failure> failure) implements TransferLog.Job {

  public TableImport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * The members of {@code TableCreationParameters} a {@link TableDefinition} does not hold.
   *
   * @param onDemand the table's {@code OnDemandThroughput}, as sent
   * @param indexOnDemand each global index's {@code OnDemandThroughput}, by index name
   * @param encryption {@code SSESpecification}, as sent
   */
  public record Settings(Optional<TableAttachments.OnDemandLimits> onDemand,
      Map<String, TableAttachments.OnDemandLimits> indexOnDemand,
      Optional<Encryption> encryption) {
    public Settings {
      Objects.requireNonNull(onDemand, "onDemand");
      Objects.requireNonNull(encryption, "encryption");
      indexOnDemand = Collections.unmodifiableMap(new LinkedHashMap<>(indexOnDemand));
    }
  }

  /** {@code SSESpecification} as sent: each member empty when it was. */
  public record Encryption(Optional<Boolean> enabled, Optional<String> sseType,
      Optional<String> kmsMasterKeyId) {}

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
