package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.TableDefinition;
import java.io.IOException;

/**
 * The {@code WarmThroughput} member of CreateTable, UpdateTable and their global indexes, and the
 * description that reports it. Recorded, never enforced; a change is in effect (ACTIVE) at once.
 */
final class WarmThroughputs {
  private WarmThroughputs() {}

  /** The {@code WarmThroughput} member of {@code parent}; null when absent. */
  static TableDefinition.WarmThroughput read(Json.Obj parent) {
    Json.Obj warm = Members.structure(parent, "WarmThroughput");
    if (warm == null) {
      return null;
    }
    return new TableDefinition.WarmThroughput(Members.longValue(warm, "ReadUnitsPerSecond"),
        Members.longValue(warm, "WriteUnitsPerSecond"));
  }

  /** Whether {@code warm} names neither unit. */
  static boolean empty(TableDefinition.WarmThroughput warm) {
    return warm.readUnitsPerSecond() == null && warm.writeUnitsPerSecond() == null;
  }

  /** Writes {@code WarmThroughput} with its status; nothing for null. */
  static void write(JsonWriter json, TableDefinition.WarmThroughput warm) throws IOException {
    if (warm == null || empty(warm)) {
      return;
    }
    json.writeObjectFieldStart("WarmThroughput");
    if (warm.readUnitsPerSecond() != null) {
      json.writeNumberField("ReadUnitsPerSecond", warm.readUnitsPerSecond());
    }
    if (warm.writeUnitsPerSecond() != null) {
      json.writeNumberField("WriteUnitsPerSecond", warm.writeUnitsPerSecond());
    }
    json.writeStringField("Status", "ACTIVE");
    json.writeEndObject();
  }
}
