package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.Backups;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;

/**
 * UpdateContinuousBackups: turns point-in-time recovery on or off, with a recovery period of 1
 * to 35 days (35 when absent), which turning it off does not take.
 */
final class UpdateContinuousBackupsOperation {
  private static final String SPEC = "pointInTimeRecoverySpecification";

  private final DynamoDbState state;

  UpdateContinuousBackupsOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Json.Obj spec = Members.structure(request, "PointInTimeRecoverySpecification");
    Boolean enabled = spec == null ? null : Members.bool(spec, "PointInTimeRecoveryEnabled");
    Integer days = spec == null ? null : Members.integer(spec, "RecoveryPeriodInDays");

    Constraints constraints = new Constraints();
    constraints.tableNameOrArn("tableName", tableName);
    constraints.notNull(SPEC, spec);
    if (spec != null) {
      constraints.notNull(SPEC + ".pointInTimeRecoveryEnabled", enabled);
      constraints.atLeast(SPEC + ".recoveryPeriodInDays", days, 1);
      constraints.atMost(SPEC + ".recoveryPeriodInDays", days, Backups.MAX_RECOVERY_PERIOD_DAYS);
    }
    constraints.check();
    if (Boolean.FALSE.equals(enabled) && days != null) {
      // AWS's text (ack-api-quirks DDB-TABLE-084, 2026), whatever the period.
      throw new DynamoDbError.Validation("Invalid Request: Cannot specify RecoveryPeriodInDays"
          + " when disabling point-in-time recovery.");
    }

    return ContinuousBackupsDescriptions.write(state.backups().updateContinuousBackups(
        tableName, enabled, days == null ? Backups.MAX_RECOVERY_PERIOD_DAYS : days));
  }
}
