package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/** DeleteBackup: a backup ARN in, its description (status DELETED) out. */
final class DeleteBackupOperation {
  private final DynamoDbState state;

  DeleteBackupOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String backupArn = Members.string(request, "BackupArn");
    Constraints constraints = new Constraints();
    BackupArns.constrain(constraints, "backupArn", backupArn, true);
    constraints.check();

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    BackupDescriptions.description(out.json(), state.backups().deleteBackup(backupArn),
        BackupDescriptions.DELETED);
    out.json().writeEndObject();
    return out.finish();
  }
}
