package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Backup;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.ArnOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ListBackups: filter by table, creation time (lower bound inclusive, upper exclusive) and type
 * (USER when absent), then one page after where {@code ExclusiveStartBackupArn} stands in the
 * listing order, whether that backup still exists and passes the filters or not.
 */
final class ListBackupsOperation {
  private static final int MAX_LIMIT = 100;

  private final DynamoDbState state;

  ListBackupsOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Integer limit = Members.integer(request, "Limit");
    Instant lower = Members.timestamp(request, "TimeRangeLowerBound");
    Instant upper = Members.timestamp(request, "TimeRangeUpperBound");
    String exclusiveStart = Members.string(request, "ExclusiveStartBackupArn");
    String backupType = Members.string(request, "BackupType");

    Constraints constraints = new Constraints();
    if (tableName != null) {
      constraints.tableNameOrArn("tableName", tableName);
    }
    constraints.atLeast("limit", limit, 1);
    constraints.atMost("limit", limit, MAX_LIMIT);
    BackupArns.constrain(constraints, "exclusiveStartBackupArn", exclusiveStart, false);
    constraints.oneOf("backupType", backupType, "USER", "SYSTEM", "AWS_BACKUP", "ALL");
    constraints.check();

    List<Backup> backups = state.backups().listBackups(tableName, lower, upper,
        types(backupType));
    int from = exclusiveStart == null ? 0 : after(backups, exclusiveStart);
    int to = limit == null ? backups.size() : Math.min(backups.size(), from + limit);
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeArrayFieldStart("BackupSummaries");
    for (Backup backup : backups.subList(from, to)) {
      BackupDescriptions.summary(json, backup);
    }
    json.writeEndArray();
    if (to < backups.size()) {
      json.writeStringField("LastEvaluatedBackupArn", backups.get(to - 1).arn());
    }
    json.writeEndObject();
    return out.finish();
  }

  // Deleting while paging is the usual clean-up: the start ARN's backup may be gone.
  private static int after(List<Backup> backups, String exclusiveStart) {
    for (int i = 0; i < backups.size(); i++) {
      if (ArnOrder.BACKUPS.compare(backups.get(i).arn(), exclusiveStart) > 0) {
        return i;
      }
    }
    return backups.size();
  }

  // AWS_BACKUP backups are AWS Backup's, which the emulator has none of.
  private static Set<Backup.Type> types(String backupType) {
    if (backupType == null || backupType.equals("USER")) {
      return EnumSet.of(Backup.Type.USER);
    }
    return switch (backupType) {
      case "SYSTEM" -> EnumSet.of(Backup.Type.SYSTEM);
      case "ALL" -> EnumSet.allOf(Backup.Type.class);
      default -> EnumSet.noneOf(Backup.Type.class);
    };
  }
}
