package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Backup;
import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/** RestoreTableFromBackup: a backup ARN, a target table and overrides in, the new table out. */
final class RestoreTableFromBackupOperation {
  private final DynamoDbState state;

  RestoreTableFromBackupOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String targetTableName = Members.string(request, "TargetTableName");
    String backupArn = Members.string(request, "BackupArn");

    Constraints constraints = new Constraints();
    constraints.tableName("targetTableName", targetTableName, true);
    BackupArns.constrain(constraints, "backupArn", backupArn, true);
    RestoreOverridesReader overrides = RestoreOverridesReader.read(request, constraints);
    constraints.check();

    Backup backup = state.backups().describeBackup(backupArn);
    return TableDescriptions.write("TableDescription", state.backups().restoreTableFromBackup(
        backupArn, targetTableName, overrides.build(backup.sourceTable().definition())));
  }
}
