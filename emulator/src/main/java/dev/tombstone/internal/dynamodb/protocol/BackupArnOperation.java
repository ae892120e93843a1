package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Backup;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;
import java.util.function.Function;

/**
 * DescribeBackup and DeleteBackup: a backup ARN in, its description out, with status AVAILABLE,
 * or DELETED once DeleteBackup has removed it. An ARN shorter than a backup ARN can be is
 * {@code Invalid Backup ARN}.
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
    constraints.notNull("backupArn", backupArn);
    constraints.lengthBetween("backupArn", backupArn, 0, BackupArns.MAX_LENGTH);
    constraints.check();
    if (backupArn.length() < BackupArns.MIN_LENGTH) {
      // Not the model's minimum length: AWS's own text (ack-api-quirks DDB-TABLE-457, 2026).
      throw new DynamoDbError.Validation("Invalid Backup ARN");
    }

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    BackupDescriptions.description(out.json(), action.apply(backupArn), status);
    out.json().writeEndObject();
    return out.finish();
  }
}
