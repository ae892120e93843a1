package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments.KinesisDestination;
import dev.tombstone.internal.dynamodb.TableSideState;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The table a Kinesis streaming destination request names (by name or ARN), with the rules and
 * texts the four destination operations share. Statuses settle at once, as Contributor Insights
 * changes do here: the answer says ENABLING, DISABLING or UPDATING, and Describe already shows
 * where that leads.
 *
 * @param tableName the table's name
 * @param tableId the table's id, which tells it from an earlier table of that name
 * @param tableArn the table's ARN, whose partition, region and account a usable stream shares
 */
record KinesisTarget(String tableName, UUID tableId, String tableArn) {
  static final String MILLISECOND = "MILLISECOND";
  static final String MICROSECOND = "MICROSECOND";
  static final String ACTIVE = "ACTIVE";
  static final String DISABLED = "DISABLED";
  static final String ENABLE_FAILED = "ENABLE_FAILED";
  /**
   * What DynamoDB describes for a stream it cannot write to: one that does not exist, or was
   * deleted while enabling (ack-api-quirks catalogue, DDB-TABLE-268 and -319, AWS 2026).
   */
  static final String UNUSABLE_STREAM = "User does not have a permission to use kinesis stream";
  /** Every refusal that depends on a destination's status starts with this (DDB-TABLE-442). */
  static final String NOT_VALID_STATE =
      "Table is not in a valid state to enable Kinesis Streaming Destination: ";

  private static final Pattern STREAM_ARN = Pattern.compile(
      "arn:([a-z-]+):kinesis:([a-z0-9-]+):(\\d{12}):stream/[a-zA-Z0-9_.-]{1,128}");

  /**
   * The table, by name or ARN.
   *
   * @throws DynamoDbError.ResourceNotFound when it does not exist
   */
  static KinesisTarget find(DynamoDbState state, String tableNameOrArn) {
    TableDescription table = state.describeTable(tableNameOrArn);
    return new KinesisTarget(table.definition().name(), table.tableId(), table.arn());
  }

  /** The model constraints of {@code TableName} and {@code StreamArn}. */
  static void checkMembers(Constraints constraints, String tableName, String streamArn) {
    constraints.tableNameOrArn("tableName", tableName);
    constraints.notNull("streamArn", streamArn).lengthBetween("streamArn", streamArn, 37, 1024);
  }

  /** The model constraint of a configuration's precision, at {@code path}. */
  static void checkPrecision(Constraints constraints, String path, String precision) {
    constraints.oneOf(path + ".approximateCreationDateTimePrecision", precision, MILLISECOND,
        MICROSECOND);
  }

  /** The configuration's precision, or null when the configuration or its member is absent. */
  static String precision(Json.Obj configuration) {
    return configuration == null
        ? null : Members.string(configuration, "ApproximateCreationDateTimePrecision");
  }

  /** This table's destination for {@code streamArn}, if it has one (in any status). */
  Optional<KinesisDestination> destination(TableSideState<KinesisDestination> destinations,
      String streamArn) {
    return destinations.get(tableName, tableId, streamArn);
  }

  void put(TableSideState<KinesisDestination> destinations, String streamArn,
      KinesisDestination destination) {
    destinations.put(tableName, tableId, streamArn, destination);
  }

  /**
   * Whether DynamoDB could write to that stream: a Kinesis data stream ARN of the table's
   * partition, region and account. Whether the stream exists is not known here.
   */
  boolean usable(String streamArn) {
    var matcher = STREAM_ARN.matcher(streamArn);
    if (!matcher.matches()) {
      return false;
    }
    String[] table = tableArn.split(":", 6);
    return matcher.group(1).equals(table[1]) && matcher.group(2).equals(table[3])
        && matcher.group(3).equals(table[4]);
  }

  static DynamoDbError.Validation invalidState(String detail) {
    return new DynamoDbError.Validation(NOT_VALID_STATE + detail);
  }

  /**
   * The answer the three changing operations share: the table's name, the stream, the
   * transient status and the configuration member under {@code configurationName}, with the
   * precision when there is one ({@code {}} otherwise, as DynamoDB echoes it).
   */
  byte[] answer(String streamArn, String status, String configurationName, String precision) {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("TableName", tableName);
    out.json().writeStringField("StreamArn", streamArn);
    out.json().writeStringField("DestinationStatus", status);
    out.json().writeObjectFieldStart(configurationName);
    if (precision != null) {
      out.json().writeStringField("ApproximateCreationDateTimePrecision", precision);
    }
    out.json().writeEndObject();
    out.json().writeEndObject();
    return out.finish();
  }
}
