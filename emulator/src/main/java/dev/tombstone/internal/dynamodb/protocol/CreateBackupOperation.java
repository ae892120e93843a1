package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Backup;
import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/** CreateBackup: the table by name or ARN and a backup name in, the backup's details out. */
final class CreateBackupOperation {
  private final DynamoDbState state;

  CreateBackupOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    String backupName = Members.string(request, "BackupName");

    Constraints constraints = new Constraints();
    constraints.tableNameOrArn("tableName", tableName);
    // A backup name follows the table name's rules: 3 to 255 of [a-zA-Z0-9_.-].
    constraints.tableName("backupName", backupName, true);
    constraints.check();

    Backup backup = state.backups().createBackup(tableName, backupName);
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    BackupDescriptions.details(out.json(), backup, BackupDescriptions.AVAILABLE);
    out.json().writeEndObject();
    return out.finish();
  }
}
