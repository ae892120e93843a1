package dev.tombstone.internal.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One StartBulkPutItems: what was asked and what came of it. The operation runs within its
 * request, so it is in a terminal status (COMPLETED, COMPLETED_WITH_ERRORS or FAILED) from its
 * first description on. Internal.
 *
 * @param tableArn the ARN of the table written
 * @param startTime when the request was served; also its end
 */
public record BulkOperation(
    String arn,
    String tableArn,
    String tableName,
    String tableId,
    String clientToken,
    Request request,
    Instant startTime,
    Counts counts,
    Optional<Failure> failure) implements TransferLog.Job {

  public BulkOperation {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(failure, "failure");
  }

  /** The members of the request that a retry with the same ClientToken must repeat. */
  public record Request(String tableName, Input input, Output output,
      Optional<Long> maxWriteRequestUnits, Optional<String> performanceTier) {}

  /** {@code InputS3Configuration}; {@code compression} is NONE when the request left it out. */
  public record Input(String bucket, Optional<String> keyPrefix, Optional<String> owner,
      String format, Optional<String> compression) {}

  /** {@code OutputS3Configuration}. */
  public record Output(String bucket, Optional<String> keyPrefix, Optional<String> owner,
      Optional<String> sseAlgorithm, Optional<String> kmsKeyId, List<String> outputTypes) {
    public Output {
      outputTypes = List.copyOf(outputTypes);
    }
  }

  /**
   * What the operation read and wrote.
   *
   * @param processedItems the input items read, written or not
   * @param failedItems the input items not written because of a parsing or validation error
   * @param inputBytes the size of the input objects, as stored
   * @param putBytes the size of the items written
   */
  public record Counts(long processedItems, long failedItems, long inputBytes, long putBytes) {}

  /** Why an operation FAILED, with a code and a message. */
  public record Failure(String code, String message) {}

  /** FAILED, COMPLETED_WITH_ERRORS or COMPLETED. */
  public String status() {
    if (failure.isPresent()) {
      return "FAILED";
    }
    return counts.failedItems() > 0 ? "COMPLETED_WITH_ERRORS" : "COMPLETED";
  }
}
