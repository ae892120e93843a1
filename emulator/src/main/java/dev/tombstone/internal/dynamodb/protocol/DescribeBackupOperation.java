package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/** DescribeBackup: a backup ARN in, its description out. */
final class DescribeBackupOperation {
  private final DynamoDbState state;

  DescribeBackupOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String backupArn = Members.string(request, "BackupArn");
    Constraints constraints = new Constraints();
    BackupArns.constrain(constraints, "backupArn", backupArn, true);
    constraints.check();

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    BackupDescriptions.description(out.json(), state.backups().describeBackup(backupArn),
        BackupDescriptions.AVAILABLE);
    out.json().writeEndObject();
    return out.finish();
  }
}
