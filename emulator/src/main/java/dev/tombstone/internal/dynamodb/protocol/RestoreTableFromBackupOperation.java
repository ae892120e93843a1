package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Backup;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.RestoreOverrides;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;
import java.util.Set;

/** RestoreTableFromBackup: a backup ARN, a target table and overrides in, the new table out. */
final class RestoreTableFromBackupOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  RestoreTableFromBackupOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String targetTableName = Members.string(request, "TargetTableName");
    String backupArn = Members.string(request, "BackupArn");

    Constraints constraints = new Constraints();
    constraints.tableName("targetTableName", targetTableName, true);
    BackupArns.constrain(constraints, "backupArn", backupArn, true);
    RestoreOverridesReader overrides = RestoreOverridesReader.read(request, constraints);
    constraints.check();
    overrides.checkSupported();

    Backup backup = state.backups().describeBackup(backupArn);
    RestoreOverrides built = overrides.build(backup.sourceTable().definition());
    SseSpecifications.Spec sse = overrides.encryption();
    TableDescription restored =
        state.backups().restoreTableFromBackup(backupArn, targetTableName, built);
    return TableDescriptions.write("TableDescription", restored, Set.of(),
        SseSpecifications.created(attachments, restored, sse),
        overrides.onDemand(attachments, restored));
  }
}
