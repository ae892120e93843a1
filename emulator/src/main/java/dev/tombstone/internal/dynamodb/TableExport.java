package dev.tombstone.internal.dynamodb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One ExportTableToPointInTime: what was asked and what came of it. An export is finished when
 * the request returns, COMPLETED or FAILED. Internal.
 *
 * @param request the parameters a repeated client token must match
 * @param tableId the exported table's id
 * @param startTime when the request was served; also its end
 * @param exportTime the time whose items were written
 * @param outcome the files written, or why none were
 */
public record TableExport(
    String arn,
    String tableArn,
    String tableId,
    String clientToken,
    Request request,
    Instant startTime,
    Instant exportTime,
    Outcome outcome) implements TransferLog.Job {

  public TableExport {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * The request's parameters, as sent.
   *
   * @param exportType the type the request named; DynamoDB echoes it only when it was named
   */
  public record Request(String tableArn, String bucket, Optional<String> bucketOwner,
      Optional<String> prefix, Optional<String> sseAlgorithm, Optional<String> kmsKeyId,
      String format, Optional<String> exportType, Optional<Instant> exportTime) {}

  /** How an export ended. */
  public sealed interface Outcome {}

  /**
   * COMPLETED.
   *
   * @param manifest the key of {@code manifest-summary.json}
   */
  public record Completed(long itemCount, long billedSizeBytes, String manifest)
      implements Outcome {}

  /** FAILED, with DynamoDB's code and message. */
  public record Failed(String code, String message) implements Outcome {}
}
