package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.OnDemandLimits;
import java.io.IOException;

/**
 * A table's {@code OnDemandThroughput} (CreateTable, UpdateTable, the description): stored,
 * never enforced, as the ack-api-quirks catalogue recorded AWS in 2026 (DDB-TABLE-028, -038,
 * -039, -051, -154, -178, -182, -153). Only an on-demand table has one; absent unless set; an
 * update merges member by member, {@code -1} clearing a member (echoed as {@code -1} by that
 * update's answer, left out of descriptions after it); a switch to PROVISIONED drops it.
 */
final class OnDemandThroughputs {
  /** The per-table quota DescribeLimits reports, which on-demand maxima may not pass either. */
  private static final long TABLE_MAX_UNITS = 40_000;
  /** The value that clears a member in UpdateTable. */
  private static final long CLEAR = -1;

  private OnDemandThroughputs() {}

  /** The {@code OnDemandThroughput} member of {@code parent}; null when absent. */
  static OnDemandLimits read(Json.Obj parent) {
    Json.Obj limits = Members.structure(parent, "OnDemandThroughput");
    if (limits == null) {
      return null;
    }
    return new OnDemandLimits(Members.longValue(limits, "MaxReadRequestUnits"),
        Members.longValue(limits, "MaxWriteRequestUnits"));
  }

  /** Whether {@code limits} names neither member. */
  static boolean empty(OnDemandLimits limits) {
    return limits.maxReadRequestUnits() == null && limits.maxWriteRequestUnits() == null;
  }

  /**
   * CreateTable's checks: none on a provisioned table, each member at least 1 (DDB-TABLE-038,
   * -039); the first member present is named, reads first.
   */
  static void checkCreate(OnDemandLimits limits, boolean provisioned) {
    if (limits == null) {
      return;
    }
    if (provisioned && !empty(limits)) {
      throw ServiceErrors.invalidParameters(firstNamed(limits) + " for OnDemandThroughput"
          + " cannot be specified when table BillingMode is PROVISIONED.");
    }
    checkRange("MaxReadRequestUnits", limits.maxReadRequestUnits(), false);
    checkRange("MaxWriteRequestUnits", limits.maxWriteRequestUnits(), false);
  }

  /** UpdateTable's checks before the table is looked up: each member at least 1, or -1. */
  static void checkUpdate(OnDemandLimits limits) {
    checkRange("MaxReadRequestUnits", limits.maxReadRequestUnits(), true);
    checkRange("MaxWriteRequestUnits", limits.maxWriteRequestUnits(), true);
  }

  /**
   * UpdateTable's checks once the table is known: the table is (or becomes) on-demand
   * (DDB-TABLE-059), and no member passes the per-table quota (DDB-TABLE-154).
   */
  static void checkAgainst(OnDemandLimits limits, TableDefinition.BillingMode mode,
      String tableArn) {
    if (mode == TableDefinition.BillingMode.PROVISIONED) {
      throw ServiceErrors.invalidParameters(firstNamed(limits) + " for OnDemandThroughput"
          + " cannot be specified when the table BillingMode is PROVISIONED");
    }
    checkQuota(limits, tableArn);
  }

  /** Refuses a member above the per-table quota, reads first (DDB-TABLE-154, -171). */
  static void checkQuota(OnDemandLimits limits, String tableArn) {
    checkQuota("MaxReadRequestUnits", "Read", limits.maxReadRequestUnits(), tableArn);
    checkQuota("MaxWriteRequestUnits", "Write", limits.maxWriteRequestUnits(), tableArn);
  }

  /** Stores CreateTable's limits for the table just made; what its answer describes. */
  static OnDemandLimits created(TableAttachments attachments, TableDescription table,
      OnDemandLimits limits) {
    if (limits == null || empty(limits)
        || table.definition().billingMode() != TableDefinition.BillingMode.PAY_PER_REQUEST) {
      return null;
    }
    attachments.onDemand().put(table.definition().name(), table.tableId(), "", limits);
    return limits;
  }

  /**
   * Merges UpdateTable's {@code sent} into what the table has and stores the result; returns
   * what the answer shows: the merged limits, with {@code -1} where {@code sent} cleared.
   */
  static OnDemandLimits update(TableAttachments attachments, TableDescription table,
      OnDemandLimits sent) {
    OnDemandLimits now = stored(attachments, table);
    Long read = merge(now == null ? null : now.maxReadRequestUnits(), sent.maxReadRequestUnits());
    Long write =
        merge(now == null ? null : now.maxWriteRequestUnits(), sent.maxWriteRequestUnits());
    String name = table.definition().name();
    if (read == null && write == null) {
      attachments.onDemand().remove(name, table.tableId(), "");
    } else {
      attachments.onDemand().put(name, table.tableId(), "", new OnDemandLimits(read, write));
    }
    return new OnDemandLimits(
        Long.valueOf(CLEAR).equals(sent.maxReadRequestUnits()) ? Long.valueOf(CLEAR) : read,
        Long.valueOf(CLEAR).equals(sent.maxWriteRequestUnits()) ? Long.valueOf(CLEAR) : write);
  }

  /** Drops the limits of a table that is no longer on-demand (DDB-TABLE-153). */
  static void dropIfProvisioned(TableAttachments attachments, TableDescription table) {
    if (table.definition().billingMode() == TableDefinition.BillingMode.PROVISIONED) {
      attachments.onDemand().remove(table.definition().name(), table.tableId(), "");
    }
  }

  /** What the table has now; null when none (or when it is provisioned). */
  static OnDemandLimits stored(TableAttachments attachments, TableDescription table) {
    if (table.definition().billingMode() != TableDefinition.BillingMode.PAY_PER_REQUEST) {
      return null;
    }
    return attachments.onDemand().get(table.definition().name(), table.tableId(), "")
        .orElse(null);
  }

  /** Writes {@code OnDemandThroughput}; nothing for null or for limits naming no member. */
  static void write(JsonWriter json, OnDemandLimits limits) throws IOException {
    if (limits == null || empty(limits)) {
      return;
    }
    json.writeObjectFieldStart("OnDemandThroughput");
    if (limits.maxReadRequestUnits() != null) {
      json.writeNumberField("MaxReadRequestUnits", limits.maxReadRequestUnits());
    }
    if (limits.maxWriteRequestUnits() != null) {
      json.writeNumberField("MaxWriteRequestUnits", limits.maxWriteRequestUnits());
    }
    json.writeEndObject();
  }

  private static Long merge(Long now, Long sent) {
    if (sent == null) {
      return now;
    }
    return sent == CLEAR ? null : sent;
  }

  private static String firstNamed(OnDemandLimits limits) {
    return limits.maxReadRequestUnits() != null || limits.maxWriteRequestUnits() == null
        ? "MaxReadRequestUnits" : "MaxWriteRequestUnits";
  }

  private static void checkRange(String member, Long units, boolean clearing) {
    if (units != null && units < 1 && !(clearing && units == CLEAR)) {
      throw ServiceErrors.invalidParameters("Requested " + member + " for OnDemandThroughput"
          + " for table is outside of valid range");
    }
  }

  private static void checkQuota(String member, String dimension, Long units, String tableArn) {
    if (units != null && units > TABLE_MAX_UNITS) {
      throw new DynamoDbError.LimitExceeded("Subscriber limit exceeded: Requested " + member
          + " for OnDemandThroughput for table exceeds TableMax" + dimension
          + "CapacityUnits of the account in region " + tableArn.split(":", 5)[3]);
    }
  }
}
