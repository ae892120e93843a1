package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * UpdateTable's global table members: {@code ReplicaUpdates} (Create, Update, Delete,
 * Disassociate), {@code GlobalTableWitnessUpdates}, {@code GlobalTableSettingsReplicationMode}
 * and {@code DisassociationProtectionEnabled}. Tombstone keeps no replicas: the table in the
 * emulator's region is always a regional table, never the local replica of a global table. So
 * every request carrying one of these members is refused, and none changes anything; the
 * refusals that depend on the table come after it is looked up.
 */
final class GlobalTableUpdates {
  static final String[] TABLE_CLASSES = {"STANDARD", "STANDARD_INFREQUENT_ACCESS"};
  static final String[] SETTINGS_MODES = {"ENABLED", "DISABLED", "ENABLED_WITH_OVERRIDES"};
  static final String NOT_SUPPORTED = " is not supported by Tombstone: it keeps no replicas or"
      + " witnesses, every table is a regional table in the emulator's one region";

  /** One element of {@code ReplicaUpdates}, by the action it carries. */
  sealed interface ReplicaAction {}

  /**
   * An element with exactly one action.
   *
   * @param member the action's member name: Create, Update, Delete or Disassociate
   */
  record Action(String member, String region) implements ReplicaAction {
    boolean disassociate() {
      return member.equals("Disassociate");
    }
  }

  /** An element with no action, or with more than one. */
  record Malformed(int actions) implements ReplicaAction {}

  /**
   * The members as read: null where absent.
   *
   * @param replicaUpdates the {@code ReplicaUpdates} elements
   * @param witnessUpdates how many {@code GlobalTableWitnessUpdates} elements there are
   */
  record Pending(List<ReplicaAction> replicaUpdates, Integer witnessUpdates,
      String settingsMode, Boolean disassociationProtection) {
    boolean any() {
      return replicaUpdates != null || witnessUpdates != null || settingsMode != null
          || disassociationProtection != null;
    }

    /** Whether one of the members asks for something (an empty list does not). */
    boolean asksForSomething() {
      return (replicaUpdates != null && !replicaUpdates.isEmpty())
          || (witnessUpdates != null && witnessUpdates > 0) || settingsMode != null
          || disassociationProtection != null;
    }
  }

  private GlobalTableUpdates() {}

  /** Reads the members, adding the API model's constraints to {@code constraints}. */
  static Pending read(Json.Obj request, Constraints constraints) {
    List<ReplicaAction> replicas = null;
    List<Json> updates = Members.list(request, "ReplicaUpdates");
    if (updates != null) {
      replicas = new ArrayList<>();
      int i = 1;
      for (Json raw : updates) {
        replicas.add(readReplica(Members.element(raw, "ReplicationGroupUpdate"),
            "replicaUpdates." + i + ".member.", constraints));
        i++;
      }
    }
    Integer witnesses = null;
    List<Json> witnessUpdates = Members.list(request, "GlobalTableWitnessUpdates");
    if (witnessUpdates != null) {
      int i = 1;
      for (Json raw : witnessUpdates) {
        Json.Obj update = Members.element(raw, "GlobalTableWitnessGroupUpdate");
        String path = "globalTableWitnessUpdates." + i + ".member.";
        for (String action : new String[] {"Create", "Delete"}) {
          Json.Obj member = update == null ? null : Members.structure(update, action,
              action + "GlobalTableWitnessGroupMemberAction");
          if (member != null) {
            constraints.notNull(path + lower(action) + ".regionName",
                Members.string(member, "RegionName"));
          }
        }
        i++;
      }
      witnesses = witnessUpdates.size();
    }
    String mode = Members.string(request, "GlobalTableSettingsReplicationMode");
    constraints.oneOf("globalTableSettingsReplicationMode", mode, SETTINGS_MODES);
    return new Pending(replicas, witnesses, mode,
        Members.bool(request, "DisassociationProtectionEnabled"));
  }

  private static ReplicaAction readReplica(Json.Obj update, String path,
      Constraints constraints) {
    List<ReplicaAction> found = new ArrayList<>();
    for (String action : new String[] {"Create", "Update", "Delete", "Disassociate"}) {
      Json.Obj member = update == null ? null
          : Members.structure(update, action, action + "ReplicationGroupMemberAction");
      if (member == null) {
        continue;
      }
      String at = path + lower(action) + ".";
      String region = Members.string(member, "RegionName");
      constraints.notNull(at + "regionName", region);
      switch (action) {
        case "Create", "Update" -> constraints.oneOf(at + "tableClassOverride",
            Members.string(member, "TableClassOverride"), TABLE_CLASSES);
        case "Disassociate" -> {
          String mode = Members.string(member, "DisassociationMode");
          constraints.notNull(at + "disassociationMode", mode);
          constraints.oneOf(at + "disassociationMode", mode, "WAIT_FOR_REPLICATION");
        }
        default -> { }
      }
      found.add(new Action(action, region));
    }
    return found.size() == 1 ? found.get(0) : new Malformed(found.size());
  }

  private static String lower(String action) {
    return Character.toLowerCase(action.charAt(0)) + action.substring(1);
  }

  /**
   * The refusal of a request that carries one of the members ({@link Pending#any()}); {@code
   * otherChanges} says whether it asks for a table change besides them. A missing table is
   * refused as UpdateTable refuses it, where the answer depends on the table.
   */
  static DynamoDbError.Validation refusal(Pending pending, boolean otherChanges,
      String tableName, DynamoDbState state) {
    List<ReplicaAction> replicas = pending.replicaUpdates() == null ? List.of()
        : pending.replicaUpdates();
    if (pending.replicaUpdates() != null && replicas.isEmpty()) {
      return ServiceErrors.invalidParameters("List of ReplicaUpdates is empty");
    }
    if (pending.witnessUpdates() != null && pending.witnessUpdates() == 0) {
      return ServiceErrors.invalidParameters("List of GlobalTableWitnessUpdates is empty");
    }
    for (ReplicaAction action : replicas) {
      if (action instanceof Malformed m) {
        return ServiceErrors.invalidParameters(m.actions() == 0
            ? "One of ReplicationGroupUpdate.Create, ReplicationGroupUpdate.Update,"
                + " ReplicationGroupUpdate.Delete, ReplicationGroupUpdate.Disassociate must not"
                + " be null"
            : "Only one replica action is allowed per ReplicationGroupUpdate object");
      }
    }
    boolean disassociate = replicas.stream()
        .anyMatch(a -> a instanceof Action known && known.disassociate());
    boolean besideGlobal = pending.witnessUpdates() != null || pending.settingsMode() != null;
    if (disassociate && (replicas.size() > 1 || otherChanges || besideGlobal
        || pending.disassociationProtection() != null)) {
      // The API reference: a ValidationException, and the disassociation does not start.
      return ServiceErrors.invalidParameters("The Disassociate action must be the only update"
          + " in an UpdateTable request");
    }
    if (pending.disassociationProtection() != null
        && (otherChanges || besideGlobal || !replicas.isEmpty())) {
      return ServiceErrors.invalidParameters("DisassociationProtectionEnabled cannot be combined"
          + " with any other change in an UpdateTable request");
    }
    for (ReplicaAction action : replicas) {
      if (action instanceof Action known && !known.disassociate()) {
        return new DynamoDbError.Validation("ReplicaUpdates " + known.member() + NOT_SUPPORTED);
      }
    }
    if (pending.witnessUpdates() != null) {
      return new DynamoDbError.Validation("GlobalTableWitnessUpdates" + NOT_SUPPORTED);
    }
    if (pending.settingsMode() != null) {
      return new DynamoDbError.Validation("GlobalTableSettingsReplicationMode" + NOT_SUPPORTED);
    }
    // Disassociate alone, or DisassociationProtectionEnabled alone: on the table, if any.
    TableDescription table = state.describeTable(tableName);
    String name = table.definition().name();
    if (disassociate) {
      String region = table.arn().split(":", 6)[3];
      String asked = replicas.get(0) instanceof Action known ? known.region() : region;
      if (!region.equals(asked)) {
        return ServiceErrors.invalidParameters("Disassociate can only disassociate the local"
            + " replica: RegionName must be the Region the request is sent to (" + region
            + "), not " + asked);
      }
      return ServiceErrors.invalidParameters("Table " + name + " is not a replica of a global"
          + " table (version 2019.11.21, multi-Region eventual consistency): there is no"
          + " replica to disassociate");
    }
    return ServiceErrors.invalidParameters("DisassociationProtectionEnabled applies only to the"
        + " local replica of a global table (version 2019.11.21, multi-Region eventual"
        + " consistency), and table " + name + " is a regional table");
  }

  /**
   * CreateTable's {@code GlobalTableSourceArn} and {@code GlobalTableSettingsReplicationMode}
   * (multi-account global tables): the enum among the model's constraints, then, once they are
   * all checked, {@link #refuseCreate}.
   */
  static void readCreate(Json.Obj request, Constraints constraints) {
    constraints.oneOf("globalTableSettingsReplicationMode",
        Members.string(request, "GlobalTableSettingsReplicationMode"), SETTINGS_MODES);
  }

  /** Refuses a CreateTable carrying either member, before the table is created. */
  static void refuseCreate(Json.Obj request) {
    for (String member : new String[] {"GlobalTableSourceArn",
        "GlobalTableSettingsReplicationMode"}) {
      if (Members.string(request, member) != null) {
        throw new DynamoDbError.Validation(member + NOT_SUPPORTED);
      }
    }
  }
}
