package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.TableArns;
import dev.tombstone.internal.TableQuotas;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.OnDemandLimits;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code OnDemandThroughput} of a table and of its global indexes (CreateTable, UpdateTable,
 * the description): stored, never enforced, as the ack-api-quirks catalogue recorded AWS in 2026
 * (DDB-TABLE-028, -038, -039, -051, -128, -135, -154, -178, -182, -153). Only an on-demand table
 * has them; absent unless set; an update merges member by member, {@code -1} clearing a member
 * (echoed as {@code -1} by that update's answer, left out of descriptions after it); a switch to
 * PROVISIONED drops them. An index's are its own, whatever the table's. Kept under {@code ""}
 * for the table and under the index's id for an index, so an index created again under its
 * name starts without.
 */
final class OnDemandThroughputs {
  /** The value that clears a member in UpdateTable. */
  private static final long CLEAR = -1;

  private OnDemandThroughputs() {}

  /**
   * What a description shows.
   *
   * @param table the table's, or null
   * @param indexes each global index's that has some, by index name
   */
  record Shown(OnDemandLimits table, Map<String, OnDemandLimits> indexes) {
    static final Shown NONE = new Shown(null, Map.of());
  }

  /** The {@code OnDemandThroughput} member of {@code parent}; null when absent. */
  static OnDemandLimits read(Json.Obj parent) {
    return read(parent, "OnDemandThroughput");
  }

  /**
   * The {@code OnDemandThroughput} of each global index in the list {@code member} of {@code
   * parent} (CreateTable's and ImportTable's {@code GlobalSecondaryIndexes}, a restore's {@code
   * GlobalSecondaryIndexOverride}) that has one, by index name.
   */
  static Map<String, OnDemandLimits> byIndex(Json.Obj parent, String member) {
    Map<String, OnDemandLimits> limits = new LinkedHashMap<>();
    List<Json> indexes = Members.list(parent, member);
    if (indexes != null) {
      for (Json index : indexes) {
        Json.Obj gsi = Members.element(index, "GlobalSecondaryIndex");
        OnDemandLimits onDemand = gsi == null ? null : read(gsi);
        if (onDemand != null) {
          limits.put(Members.string(gsi, "IndexName"), onDemand);
        }
      }
    }
    return limits;
  }

  /** The {@code OnDemandThroughput} shape under {@code member} of {@code parent}, or null. */
  static OnDemandLimits read(Json.Obj parent, String member) {
    Json.Obj limits = Members.structure(parent, member);
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
   * CreateTable's checks of the table's: none on a provisioned table, each member at least 1
   * (DDB-TABLE-038, -039); the first member present is named, reads first.
   */
  static void checkCreate(OnDemandLimits limits, boolean provisioned) {
    if (limits == null) {
      return;
    }
    if (provisioned && !empty(limits)) {
      throw ServiceErrors.invalidParameters(firstNamed(limits) + " for OnDemandThroughput"
          + " cannot be specified when table BillingMode is PROVISIONED.");
    }
    checkRange(limits, false, null);
  }

  /**
   * An index's limits on a provisioned table are refused. AWS's texts are recorded with their
   * known parts elided ("...for OnDemandThroughput for index: g-a cannot be specified...",
   * DDB-TABLE-128, CreateTable; "...for index : gsi1 cannot be specified...", DDB-TABLE-153,
   * UpdateTable); these fill them in from the table's texts.
   */
  static void refuseOnProvisioned(OnDemandLimits limits, String index, boolean createTable) {
    if (limits == null || empty(limits)) {
      return;
    }
    throw ServiceErrors.invalidParameters(firstNamed(limits) + " for OnDemandThroughput for"
        + (createTable ? " index: " + index + " cannot be specified when table BillingMode is"
            + " PROVISIONED." : " index : " + index + " cannot be specified when the table"
            + " BillingMode is PROVISIONED"));
  }

  /**
   * CreateTable's checks of its global indexes' limits (by index name), also given to a
   * restore's index overrides and ImportTable's indexes: refused on a provisioned table, each
   * member at least 1.
   */
  static void checkCreateIndexes(Map<String, OnDemandLimits> indexes, boolean provisioned) {
    indexes.forEach((index, limits) -> {
      if (provisioned) {
        refuseOnProvisioned(limits, index, true);
      }
      checkNewIndex(limits, index);
    });
  }

  /** A new index's (CreateTable, an UpdateTable Create): each member at least 1 (DDB-TABLE-128). */
  static void checkNewIndex(OnDemandLimits limits, String index) {
    if (limits != null) {
      checkRange(limits, false, index);
    }
  }

  /**
   * UpdateTable's checks before the table is looked up: each member at least 1, or -1; {@code
   * index} names the global index, null for the table.
   */
  static void checkUpdate(OnDemandLimits limits, String index) {
    checkRange(limits, true, index);
  }

  /**
   * UpdateTable's checks of the table's once the table is known: the table is (or becomes)
   * on-demand (DDB-TABLE-059), and no member passes the per-table quota (DDB-TABLE-154).
   */
  static void checkAgainst(OnDemandLimits limits, TableDefinition.BillingMode mode,
      String tableArn) {
    if (mode == TableDefinition.BillingMode.PROVISIONED) {
      throw ServiceErrors.invalidParameters(firstNamed(limits) + " for OnDemandThroughput"
          + " cannot be specified when the table BillingMode is PROVISIONED");
    }
    checkQuota(limits, tableArn, null);
  }

  /**
   * Refuses a member above the per-table quota, reads first; {@code index} names the global
   * index, null for the table (DDB-TABLE-154 and -171: "for index : gsi1").
   */
  static void checkQuota(OnDemandLimits limits, String tableArn, String index) {
    checkQuota("MaxReadRequestUnits", "Read", limits.maxReadRequestUnits(), tableArn, index);
    checkQuota("MaxWriteRequestUnits", "Write", limits.maxWriteRequestUnits(), tableArn, index);
  }

  /**
   * Stores CreateTable's limits for the table just made, the table's and its global indexes'
   * (by index name); what its answer describes.
   */
  static Shown created(TableAttachments attachments, TableDescription table,
      OnDemandLimits limits, Map<String, OnDemandLimits> indexes) {
    if (table.definition().billingMode() != TableDefinition.BillingMode.PAY_PER_REQUEST) {
      return Shown.NONE;
    }
    String name = table.definition().name();
    if (limits != null && !empty(limits)) {
      attachments.onDemand().put(name, table.tableId(), "", limits);
    }
    indexes.forEach((index, indexLimits) -> {
      if (!empty(indexLimits)) {
        attachments.onDemand().put(name, table.tableId(), key(table, index), indexLimits);
      }
    });
    return stored(attachments, table);
  }

  /**
   * Merges UpdateTable's {@code sent} into what the table ({@code index} null) or one of its
   * global indexes has and stores the result; returns what the answer shows: the merged
   * limits, with {@code -1} where {@code sent} cleared.
   */
  static OnDemandLimits update(TableAttachments attachments, TableDescription table,
      String index, OnDemandLimits sent) {
    String name = table.definition().name();
    String key = index == null ? "" : key(table, index);
    OnDemandLimits now = attachments.onDemand().get(name, table.tableId(), key).orElse(null);
    Long read = merge(now == null ? null : now.maxReadRequestUnits(), sent.maxReadRequestUnits());
    Long write =
        merge(now == null ? null : now.maxWriteRequestUnits(), sent.maxWriteRequestUnits());
    if (read == null && write == null) {
      attachments.onDemand().remove(name, table.tableId(), key);
    } else {
      attachments.onDemand().put(name, table.tableId(), key, new OnDemandLimits(read, write));
    }
    return new OnDemandLimits(
        Long.valueOf(CLEAR).equals(sent.maxReadRequestUnits()) ? Long.valueOf(CLEAR) : read,
        Long.valueOf(CLEAR).equals(sent.maxWriteRequestUnits()) ? Long.valueOf(CLEAR) : write);
  }

  /**
   * Applies what an UpdateTable asked, once its other changes are made: drops everything when
   * the table is now provisioned, else merges {@code table} (null when not sent) and each of
   * {@code indexes} (by index name) into what is stored. Returns what its answer shows.
   */
  static Shown updated(TableAttachments attachments, TableDescription after,
      OnDemandLimits table, Map<String, OnDemandLimits> indexes) {
    dropIfProvisioned(attachments, after);
    if (after.definition().billingMode() != TableDefinition.BillingMode.PAY_PER_REQUEST) {
      return Shown.NONE;
    }
    OnDemandLimits tableShown = table == null ? null : update(attachments, after, null, table);
    Map<String, OnDemandLimits> indexesShown = new LinkedHashMap<>();
    indexes.forEach((index, sent) -> {
      if (!empty(sent) && after.indexIds().containsKey(index)) {
        indexesShown.put(index, update(attachments, after, index, sent));
      }
    });
    Shown stored = stored(attachments, after);
    Map<String, OnDemandLimits> shown = new LinkedHashMap<>(stored.indexes());
    shown.putAll(indexesShown);
    return new Shown(table == null ? stored.table() : tableShown, shown);
  }

  /** Drops the limits of a table (and its indexes) no longer on-demand (DDB-TABLE-153). */
  static void dropIfProvisioned(TableAttachments attachments, TableDescription table) {
    if (table.definition().billingMode() == TableDefinition.BillingMode.PROVISIONED) {
      String name = table.definition().name();
      for (String key : attachments.onDemand().all(name, table.tableId()).keySet()) {
        attachments.onDemand().remove(name, table.tableId(), key);
      }
    }
  }

  /** What the table and its global indexes have now; none when it is provisioned. */
  static Shown stored(TableAttachments attachments, TableDescription table) {
    if (table.definition().billingMode() != TableDefinition.BillingMode.PAY_PER_REQUEST) {
      return Shown.NONE;
    }
    String name = table.definition().name();
    Map<String, OnDemandLimits> indexes = new LinkedHashMap<>();
    for (TableDefinition.IndexDefinition index : table.definition().globalSecondaryIndexes()) {
      attachments.onDemand().get(name, table.tableId(), key(table, index.name()))
          .ifPresent(limits -> indexes.put(index.name(), limits));
    }
    return new Shown(attachments.onDemand().get(name, table.tableId(), "").orElse(null),
        indexes);
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

  private static String key(TableDescription table, String index) {
    UUID id = table.indexIds().get(index);
    return id == null ? "index/" + index : id.toString();
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

  private static void checkRange(OnDemandLimits limits, boolean clearing, String index) {
    checkRange("MaxReadRequestUnits", limits.maxReadRequestUnits(), clearing, index);
    checkRange("MaxWriteRequestUnits", limits.maxWriteRequestUnits(), clearing, index);
  }

  private static void checkRange(String member, Long units, boolean clearing, String index) {
    if (units != null && units < 1 && !(clearing && units == CLEAR)) {
      throw ServiceErrors.invalidParameters("Requested " + member + " for OnDemandThroughput"
          + " for " + owner(index) + " is outside of valid range");
    }
  }

  private static void checkQuota(String member, String dimension, Long units, String tableArn,
      String index) {
    if (units != null && units > TableQuotas.TABLE_MAX_UNITS) {
      throw new DynamoDbError.LimitExceeded("Subscriber limit exceeded: Requested " + member
          + " for OnDemandThroughput for " + owner(index) + " exceeds TableMax" + dimension
          + "CapacityUnits of the account in region " + TableArns.region(tableArn));
    }
  }

  /** "table", or "index : name" as AWS's index texts put it. */
  private static String owner(String index) {
    return index == null ? "table" : "index : " + index;
  }
}
