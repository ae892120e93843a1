package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Backup;
import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;
import java.util.function.Function;

/**
 * DescribeBackup and DeleteBackup: a backup ARN in, its description out, with status AVAILABLE,
 * or DELETED once DeleteBackup has removed it.
 */
final class BackupArnOperation {
  private final Function<String, Backup> action;
  private final String status;

  private BackupArnOperation(Function<String, Backup> action, String status) {
    this.action = action;
    this.status = status;
  }

  static BackupArnOperation describe(DynamoDbState state) {
    return new BackupArnOperation(arn -> state.backups().describeBackup(arn),
        BackupDescriptions.AVAILABLE);
  }

  static BackupArnOperation delete(DynamoDbState state) {
    return new BackupArnOperation(arn -> state.backups().deleteBackup(arn),
        BackupDescriptions.DELETED);
  }

  byte[] handle(Json.Obj request) throws IOException {
    String backupArn = Members.string(request, "BackupArn");
    Constraints constraints = new Constraints();
    BackupArns.constrain(constraints, "backupArn", backupArn, true);
    constraints.check();

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    BackupDescriptions.description(out.json(), action.apply(backupArn), status);
    out.json().writeEndObject();
    return out.finish();
  }
}
