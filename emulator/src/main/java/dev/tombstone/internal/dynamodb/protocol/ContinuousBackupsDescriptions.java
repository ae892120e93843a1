package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.ContinuousBackups;
import java.io.IOException;

/**
 * Writes {@code ContinuousBackupsDescription}: continuous backups are always ENABLED (on-demand
 * backups need nothing turned on); point-in-time recovery is ENABLED with its window, or
 * DISABLED.
 */
final class ContinuousBackupsDescriptions {
  private ContinuousBackupsDescriptions() {}

  static byte[] write(ContinuousBackups backups) throws IOException {
    JsonOut out = new JsonOut();
    JsonWriter json = out.json();
    json.writeStartObject();
    json.writeObjectFieldStart("ContinuousBackupsDescription");
    json.writeStringField("ContinuousBackupsStatus", "ENABLED");
    json.writeObjectFieldStart("PointInTimeRecoveryDescription");
    json.writeStringField("PointInTimeRecoveryStatus",
        backups.pointInTimeRecoveryEnabled() ? "ENABLED" : "DISABLED");
    if (backups.pointInTimeRecoveryEnabled()) {
      json.writeNumberField("RecoveryPeriodInDays", backups.recoveryPeriodInDays());
      json.writeNumberField("EarliestRestorableDateTime",
          TableDescriptions.epochSeconds(backups.earliestRestorable().orElseThrow()));
      json.writeNumberField("LatestRestorableDateTime",
          TableDescriptions.epochSeconds(backups.latestRestorable().orElseThrow()));
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    return out.finish();
  }
}
