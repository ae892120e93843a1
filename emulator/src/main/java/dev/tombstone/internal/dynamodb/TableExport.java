package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.AttributeValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One ExportTableToPointInTime: what was asked and what came of it. An export is finished when
 * the request returns, COMPLETED or FAILED. Internal.
 *
 * @param request the parameters a repeated client token must match
 * @param tableId the exported table's id
 * @param startTime when the request was served; also its end
 * @param exportTime the time whose items were written; an incremental export's ExportToTime
 * @param window an incremental export's window, as resolved; empty for a full export
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
    Optional<Window> window,
    Outcome outcome) implements TransferLog.Job {

  public TableExport {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * The request's parameters, as sent.
   *
   * @param exportType the type the request named; DynamoDB echoes it only when it was named
   * @param filter the request's FilterSpecification, echoed in the description
   * @param incremental the request's IncrementalExportSpecification
   */
  public record Request(String tableArn, String bucket, Optional<String> bucketOwner,
      Optional<String> prefix, Optional<String> sseAlgorithm, Optional<String> kmsKeyId,
      String format, Optional<String> exportType, Optional<Instant> exportTime,
      Optional<Filter> filter, Optional<Incremental> incremental) {}

  /** An IncrementalExportSpecification as sent (checked), its members absent when not sent. */
  public record Incremental(Optional<Instant> fromTime, Optional<Instant> toTime,
      Optional<String> viewType) {}

  /**
   * An incremental export's window as exported: changes from {@code fromTime} (inclusive) to
   * {@code toTime} (exclusive), written with {@code viewType}'s images.
   */
  public record Window(Instant fromTime, Instant toTime, String viewType) {}

  /**
   * A FilterSpecification as sent (its expressions already validated).
   *
   * @param names the ExpressionAttributeNames; empty when absent (an empty map is refused)
   * @param values the ExpressionAttributeValues; empty when absent
   */
  public record Filter(Optional<String> filterExpression, Optional<String> projectionExpression,
      Optional<String> keyConditionExpression, Map<String, String> names,
      Map<String, AttributeValue> values) {
    public Filter {
      // In the request's order, for the echo.
      names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

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
