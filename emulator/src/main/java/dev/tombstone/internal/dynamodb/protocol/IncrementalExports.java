package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.ItemChange;
import dev.tombstone.internal.dynamodb.TableExport;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * ExportTableToPointInTime's {@code INCREMENTAL_EXPORT}: the IncrementalExportSpecification's
 * checks, its window, and the change lines it writes. As the API reference has it, the window
 * runs from ExportFromTime (inclusive) to ExportToTime (exclusive; the latest time with data,
 * i.e. now, when absent), the view type defaults to NEW_AND_OLD_IMAGES, and, as the developer
 * guide and AWS's launch post have it, the window is 15 minutes to 24 hours long.
 */
final class IncrementalExports {
  static final String INCREMENTAL_EXPORT = "INCREMENTAL_EXPORT";
  static final String NEW_IMAGE = "NEW_IMAGE";
  static final String NEW_AND_OLD_IMAGES = "NEW_AND_OLD_IMAGES";
  static final Duration MIN_WINDOW = Duration.ofMinutes(15);
  static final Duration MAX_WINDOW = Duration.ofHours(24);
  // AWS's texts for these refusals are not recorded: these are Tombstone's.
  static final String SPECIFICATION_MISSING =
      "IncrementalExportSpecification is required when ExportType is INCREMENTAL_EXPORT";
  static final String SPECIFICATION_UNEXPECTED =
      "IncrementalExportSpecification is only valid when ExportType is INCREMENTAL_EXPORT";
  static final String EXPORT_TIME_UNEXPECTED = "ExportTime is not valid when ExportType is"
      + " INCREMENTAL_EXPORT: the window is IncrementalExportSpecification's ExportFromTime and"
      + " ExportToTime";
  static final String FROM_MISSING =
      "IncrementalExportSpecification.ExportFromTime is required for an INCREMENTAL_EXPORT";
  static final String NOT_ORDERED = "ExportFromTime must be before ExportToTime";
  static final String WINDOW_LENGTH = "The time between ExportFromTime and ExportToTime must be"
      + " at least 15 minutes and at most 24 hours";
  static final String FROM_OUTSIDE =
      "The specified ExportFromTime is outside of the point in time recovery window.";
  static final String TO_OUTSIDE =
      "The specified ExportToTime is outside of the point in time recovery window.";

  private IncrementalExports() {}

  /**
   * The request's IncrementalExportSpecification, its view type held to the model's enum in
   * {@code constraints}; null when the request has none.
   */
  static TableExport.Incremental read(Json.Obj request, Constraints constraints) {
    Json.Obj spec = Members.structure(request, "IncrementalExportSpecification");
    if (spec == null) {
      return null;
    }
    String viewType = Members.string(spec, "ExportViewType");
    constraints.oneOf("incrementalExportSpecification.exportViewType", viewType, NEW_IMAGE,
        NEW_AND_OLD_IMAGES);
    return new TableExport.Incremental(
        Optional.ofNullable(Members.timestamp(spec, "ExportFromTime")),
        Optional.ofNullable(Members.timestamp(spec, "ExportToTime")),
        Optional.ofNullable(viewType));
  }

  /**
   * The checks between the members that need no table: the specification goes with an
   * INCREMENTAL_EXPORT and with it only, ExportTime does not, ExportFromTime is given, and a
   * given ExportToTime makes a window of the allowed length.
   */
  static void check(String exportType, Instant exportTime, TableExport.Incremental spec) {
    if (!INCREMENTAL_EXPORT.equals(exportType)) {
      if (spec != null) {
        throw new DynamoDbError.Validation(SPECIFICATION_UNEXPECTED);
      }
      return;
    }
    if (spec == null) {
      throw new DynamoDbError.Validation(SPECIFICATION_MISSING);
    }
    if (exportTime != null) {
      throw new DynamoDbError.Validation(EXPORT_TIME_UNEXPECTED);
    }
    Instant from = spec.fromTime()
        .orElseThrow(() -> new DynamoDbError.Validation(FROM_MISSING));
    spec.toTime().ifPresent(to -> checkLength(from, to));
  }

  /**
   * The window exported at {@code now}: ExportToTime defaults to now; ExportFromTime must not
   * be before {@code earliest} (EarliestRestorableDateTime) nor ExportToTime after now.
   */
  static TableExport.Window window(TableExport.Incremental spec, Instant now, Instant earliest) {
    Instant from = spec.fromTime().orElseThrow();
    Instant to = spec.toTime().orElse(now);
    if (to.isAfter(now)) {
      throw new StatementError("InvalidExportTimeException", TO_OUTSIDE);
    }
    checkLength(from, to);
    if (from.isBefore(earliest)) {
      throw new StatementError("InvalidExportTimeException", FROM_OUTSIDE);
    }
    return new TableExport.Window(from, to, spec.viewType().orElse(NEW_AND_OLD_IMAGES));
  }

  private static void checkLength(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new DynamoDbError.Validation(NOT_ORDERED);
    }
    Duration length = Duration.between(from, to);
    if (length.compareTo(MIN_WINDOW) < 0 || length.compareTo(MAX_WINDOW) > 0) {
      throw new DynamoDbError.Validation(WINDOW_LENGTH);
    }
  }

  /**
   * One JSON line per change, as the developer guide shows them: {@code Metadata} (the last
   * write's time in microseconds, as a DynamoDB number), {@code Keys}, {@code OldImage} (with
   * NEW_AND_OLD_IMAGES, when the item existed before the window) and {@code NewImage} (when the
   * item exists at its end).
   */
  static byte[] lines(List<ItemChange> changes, String viewType, String format) {
    boolean withOld = NEW_AND_OLD_IMAGES.equals(viewType);
    if (ExportFiles.ION.equals(format)) {
      return ionLines(changes, withOld);
    }
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (ItemChange change : changes) {
      JsonOut out = new JsonOut();
      JsonWriter json = out.json();
      json.writeStartObject();
      json.writeObjectFieldStart("Metadata");
      json.writeObjectFieldStart("WriteTimestampMicros");
      json.writeStringField("N", Long.toString(
          ChronoUnit.MICROS.between(Instant.EPOCH, change.lastWrite())));
      json.writeEndObject();
      json.writeEndObject();
      out.item("Keys", change.keys());
      if (withOld) {
        change.oldImage().ifPresent(image -> out.item("OldImage", image));
      }
      change.newImage().ifPresent(image -> out.item("NewImage", image));
      json.writeEndObject();
      lines.writeBytes(out.finish());
      lines.write('\n');
    }
    return lines.toByteArray();
  }

  /**
   * The same changes in Ion, one {@code $ion_1_0 {Metadata:{...},Keys:{...},...}} line each.
   * The developer guide shows no Ion change line: this is the JSON line's structure with Ion's
   * value mapping ({@link IonItems}), the timestamp a decimal as every DynamoDB number is.
   */
  private static byte[] ionLines(List<ItemChange> changes, boolean withOld) {
    StringBuilder lines = new StringBuilder();
    for (ItemChange change : changes) {
      lines.append(IonItems.MARKER).append("{Metadata:{WriteTimestampMicros:");
      IonWriter.decimal(lines, BigDecimal.valueOf(
          ChronoUnit.MICROS.between(Instant.EPOCH, change.lastWrite())));
      lines.append("},Keys:");
      IonItems.struct(lines, change.keys().attributes());
      if (withOld) {
        change.oldImage().ifPresent(image -> {
          lines.append(",OldImage:");
          IonItems.struct(lines, image.attributes());
        });
      }
      change.newImage().ifPresent(image -> {
        lines.append(",NewImage:");
        IonItems.struct(lines, image.attributes());
      });
      lines.append("}\n");
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }
}
