package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.ContinuousBackups;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemChange;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.TableNames;
import dev.tombstone.internal.dynamodb.TableExport;
import dev.tombstone.internal.dynamodb.TableTransfers;
import dev.tombstone.s3.S3Error;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * ExportTableToPointInTime: a full export of the table's items at ExportTime (now when absent),
 * or an incremental export of the items changed in a window ({@link IncrementalExports}), into a
 * bucket of this emulator's S3, written before the answer, which is COMPLETED already. A bucket
 * that does not exist gives a FAILED export, as on DynamoDB, not an error. A FilterSpecification
 * narrows the items and attributes written ({@link ExportFilter}).
 */
final class ExportTableToPointInTimeOperation {
  static final String BUCKET_PATTERN = "^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$";
  static final String TOKEN_PATTERN = "^[^\\$]+$";
  static final String OWNER_PATTERN = "[0-9]{12}";
  static final String CONFLICT = "Duplicate request detected with conflicting parameters";
  static final String OUTSIDE_WINDOW =
      "The specified ExportTime is outside of the point in time recovery window.";
  static final String NO_SUCH_BUCKET = "S3NoSuchBucket";

  private final DynamoDbState state;
  private final TableTransfers transfers;
  private final ConditionSupport conditions;

  ExportTableToPointInTimeOperation(DynamoDbState state, TableTransfers transfers,
      ConditionSupport conditions) {
    this.state = state;
    this.transfers = transfers;
    this.conditions = conditions;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableArn = Members.string(request, "TableArn");
    String bucket = Members.string(request, "S3Bucket");
    String owner = Members.string(request, "S3BucketOwner");
    String prefix = Members.string(request, "S3Prefix");
    String sse = Members.string(request, "S3SseAlgorithm");
    String kmsKey = Members.string(request, "S3SseKmsKeyId");
    String format = Members.string(request, "ExportFormat");
    String type = Members.string(request, "ExportType");
    String token = Members.string(request, "ClientToken");
    Instant exportTime = Members.timestamp(request, "ExportTime");

    Constraints constraints = new Constraints();
    constraints.notNull("tableArn", tableArn);
    constraints.lengthBetween("tableArn", tableArn, 1, 1024);
    constraints.notNull("s3Bucket", bucket);
    constraints.lengthBetween("s3Bucket", bucket, 0, 255);
    pattern(constraints, "s3Bucket", bucket, BUCKET_PATTERN);
    pattern(constraints, "s3BucketOwner", owner, OWNER_PATTERN);
    // The model sets no minimum: an empty prefix is no prefix.
    constraints.lengthBetween("s3Prefix", prefix, 0, 1024);
    constraints.oneOf("s3SseAlgorithm", sse, "AES256", "KMS");
    constraints.lengthBetween("s3SseKmsKeyId", kmsKey, 1, 2048);
    constraints.oneOf("exportFormat", format, "DYNAMODB_JSON", "ION");
    constraints.oneOf("exportType", type, ExportDescriptions.FULL_EXPORT,
        IncrementalExports.INCREMENTAL_EXPORT);
    pattern(constraints, "clientToken", token, TOKEN_PATTERN);
    TableExport.Incremental incremental = IncrementalExports.read(request, constraints);
    constraints.check();
    IncrementalExports.check(type, exportTime, incremental);
    // Query's checks of the expressions, before the table is looked at or anything written.
    ExportFilter filter = ExportFilter.read(request, conditions);

    TableExport.Request asked = new TableExport.Request(tableArn, bucket,
        Optional.ofNullable(owner), Optional.ofNullable(prefix), Optional.ofNullable(sse),
        Optional.ofNullable(kmsKey), format == null ? "DYNAMODB_JSON" : format,
        Optional.ofNullable(type), Optional.ofNullable(exportTime),
        Optional.ofNullable(filter).map(ExportFilter::echo), Optional.ofNullable(incremental));
    return transfers.exports().serialized(
        () -> ExportDescriptions.answer(export(asked, token, filter)));
  }

  private TableExport export(TableExport.Request asked, String token, ExportFilter filter) {
    String tableArn = asked.tableArn();
    String tableName = tableName(tableArn);
    if (!state.hasTable(tableName)) {
      // DynamoDB names the table by the ARN the request gave.
      throw new DynamoDbError.TableNotFound(tableArn);
    }
    Instant now = transfers.clock().instant();
    if (token != null) {
      Optional<TableExport> earlier = transfers.exports().byToken(token, now);
      if (earlier.isPresent()) {
        if (!earlier.get().request().equals(asked)) {
          throw new StatementError("ExportConflictException", CONFLICT);
        }
        return earlier.get();
      }
    }
    // By the ARN: a region other than the emulator's is refused, as for every operation.
    ContinuousBackups recovery = state.backups().describeContinuousBackups(tableArn);
    if (!recovery.pointInTimeRecoveryEnabled()) {
      throw new DynamoDbError.PointInTimeRecoveryUnavailable(tableName);
    }
    Instant earliest = recovery.earliestRestorable().orElse(now);
    Optional<TableExport.Window> window = asked.incremental()
        .map(spec -> IncrementalExports.window(spec, now, earliest));
    Instant at = window.map(TableExport.Window::toTime).orElse(asked.exportTime().orElse(now));
    if (window.isEmpty() && (at.isAfter(now) || at.isBefore(earliest))) {
      throw new StatementError("InvalidExportTimeException", OUTSIDE_WINDOW);
    }
    // Read before anything is written: the table's checks of the filter come first.
    Writer writer = window.isPresent()
        ? incremental(ExportFilter.selectChanges(state, tableName, window.get(), filter),
            window.get().viewType(), asked.format())
        : full(ExportFilter.select(state, tableName, at, filter));
    TableDescription table = state.describeTable(tableName);
    String arn = table.arn() + "/export/" + TransferIds.id(now);
    TableExport started = new TableExport(arn, table.arn(), table.tableId().toString(),
        token != null ? token : UUID.randomUUID().toString(), asked, now, at, window,
        new TableExport.Failed("UNKNOWN", "The export did not start"));
    TableExport.Outcome outcome;
    if (!transfers.bucketExists(asked.bucket())) {
      outcome = new TableExport.Failed(NO_SUCH_BUCKET, new S3Error.NoSuchBucket(asked.bucket())
          .getMessage());
    } else {
      try {
        outcome = writer.write(started,
            ExportFiles.folder(asked, arn.substring(arn.lastIndexOf('/') + 1)));
      } catch (S3Error e) {
        outcome = new TableExport.Failed("UNKNOWN", e.getMessage());
      }
    }
    TableExport export = new TableExport(started.arn(), started.tableArn(), started.tableId(),
        started.clientToken(), asked, now, at, window, outcome);
    transfers.exports().put(export);
    return export;
  }

  /** Writes an export's files, once its items are read. */
  private interface Writer {
    TableExport.Completed write(TableExport export, String folder);
  }

  private Writer full(ExportFilter.Selection<Item> items) {
    return (export, folder) -> ExportFiles.write(transfers, export, folder, items.written(),
        items.readBytes());
  }

  private Writer incremental(ExportFilter.Selection<ItemChange> changes, String viewType,
      String format) {
    return (export, folder) -> ExportFiles.write(transfers, export, folder,
        ExportFiles.sharedDataFolder(export.request()),
        IncrementalExports.lines(changes.written(), viewType, format), changes.written().size(),
        changes.readBytes());
  }

  private String tableName(String tableArn) {
    if (!tableArn.startsWith("arn:") || !tableArn.contains(":table/")) {
      throw new DynamoDbError.Validation("Invalid TableArn: " + tableArn);
    }
    return TableNames.fromNameOrArn(tableArn);
  }

  static void pattern(Constraints constraints, String path, String value, String regex) {
    if (value != null && !value.matches(regex)) {
      constraints.add(path, value, "Member must satisfy regular expression pattern: " + regex);
    }
  }
}
