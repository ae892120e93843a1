package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.RestoreOverrides;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;
import java.util.Set;
import java.time.Instant;
import java.util.Optional;

/**
 * RestoreTableToPointInTime: a source table (by name or ARN), a target, a time (or the latest
 * restorable) and overrides in, the new table out.
 */
final class RestoreTableToPointInTimeOperation {
  /** AWS's text (ack-api-quirks DDB-TABLE-442 and -272, 2026). */
  static final String SOURCE_NEITHER =
      "The parameter 'TableName' is required but was not present in the request";
  /** Tombstone's text: AWS's ("Must provide exactly one of: …") was seen only shortened. */
  static final String SOURCE_BOTH =
      "Only one of SourceTableName or SourceTableArn can be specified";
  /** AWS's text (ack-api-quirks DDB-TABLE-100, 2026). */
  static final String TIME_NEITHER = "Invalid Request: Either one of RestoreDateTime or"
      + " UseLatestRestorableTime must be specified, but not both";
  /**
   * AWS's text up to "Pleas" (ack-api-quirks DDB-TABLE-100, 2026); the rest as another emulator
   * quotes it.
   */
  static final String TIME_BOTH = "Invalid Request: Both RestoreDateTime and"
      + " UseLatestRestorableTime cannot be set for point-in-time restore request. Please specify"
      + " either RestoreDateTime time or UseLatestRestorableTime";

  private final DynamoDbState state;
  private final TableAttachments attachments;

  RestoreTableToPointInTimeOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String sourceArn = Members.string(request, "SourceTableArn");
    String sourceName = Members.string(request, "SourceTableName");
    String targetTableName = Members.string(request, "TargetTableName");
    Boolean useLatest = Members.bool(request, "UseLatestRestorableTime");
    Instant restoreTime = Members.timestamp(request, "RestoreDateTime");

    Constraints constraints = new Constraints();
    constraints.lengthBetween("sourceTableArn", sourceArn, 1, 1024);
    constraints.tableName("sourceTableName", sourceName, false);
    constraints.tableName("targetTableName", targetTableName, true);
    RestoreOverridesReader overrides = RestoreOverridesReader.read(request, constraints);
    constraints.check();
    overrides.checkSupported();
    if (sourceArn == null && sourceName == null) {
      throw new DynamoDbError.Validation(SOURCE_NEITHER);
    }
    if (sourceArn != null && sourceName != null) {
      throw new DynamoDbError.Validation(SOURCE_BOTH);
    }
    boolean latest = Boolean.TRUE.equals(useLatest);
    if (latest && restoreTime != null) {
      throw new DynamoDbError.Validation(TIME_BOTH);
    }
    if (!latest && restoreTime == null) {
      throw new DynamoDbError.Validation(TIME_NEITHER);
    }

    String source = sourceArn != null ? sourceArn : sourceName;
    // Refuses a missing source with TableNotFoundException before the overrides are built.
    state.backups().describeContinuousBackups(source);
    RestoreOverrides built = overrides.build(state.tableDefinition(source));
    SseSpecifications.Spec sse = overrides.encryption();
    TableDescription restored = state.backups().restoreTableToPointInTime(source,
        targetTableName, Optional.ofNullable(restoreTime), built);
    return TableDescriptions.write("TableDescription", restored, Set.of(),
        SseSpecifications.created(attachments, restored, sse),
        overrides.onDemand(attachments, restored));
  }
}
