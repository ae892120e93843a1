package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDescription;
import java.util.UUID;

/**
 * What a resource-based policy request's {@code ResourceArn} names: a table, or the table's
 * stream, each with a policy of its own.
 *
 * @param tableName the table's name
 * @param tableId the table's id, which tells it from an earlier table of that name
 * @param resourceArn the ARN as the request gave it
 */
record PolicyTarget(String tableName, UUID tableId, String resourceArn) {

  /** The ARN's shape, checked before the policy document and before any table lookup. */
  record Parsed(String arn, String tableName, String streamLabel) {}

  /**
   * Checks the ARN's shape with DynamoDB's messages.
   *
   * @throws DynamoDbError.Validation when it is not a DynamoDB table or stream ARN
   */
  static Parsed parse(String arn) {
    if (!arn.startsWith("arn:")) {
      throw ServiceErrors.invalidParameters("ARNs must start with 'arn:': " + arn);
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[1].equals("aws") || !parts[2].equals("dynamodb")) {
      throw ServiceErrors.invalidParameters("Invalid resource Arn: " + arn);
    }
    String resource = parts[5];
    String[] segments = resource.startsWith("table/")
        ? resource.substring("table/".length()).split("/", -1) : new String[0];
    if (segments.length == 3 && segments[1].equals("index")) {
      throw ServiceErrors.invalidParameters("Invalid resource arn provided, only table or"
          + " stream is accepted. Provided resource arn: " + arn);
    }
    boolean table = segments.length == 1;
    boolean stream = segments.length == 3 && segments[1].equals("stream");
    if (!(table || stream) || segments[0].isEmpty() || stream && segments[2].isEmpty()) {
      throw ServiceErrors.invalidParameters(
          "Provided Arn is not a DynamoDB resource arn: " + arn);
    }
    return new Parsed(arn, segments[0], stream ? segments[2] : null);
  }

  /**
   * The table (or stream) the ARN names.
   *
   * @throws DynamoDbError.ResourceNotFound when the table, or that stream of it, does not exist
   * @throws DynamoDbError.Validation when the ARN's region or account is not the table's
   */
  static PolicyTarget find(DynamoDbState state, Parsed parsed) {
    TableDescription table = state.describeTable(parsed.tableName());
    String[] requested = parsed.arn().split(":", 6);
    String[] actual = table.arn().split(":", 6);
    if (!requested[3].equals(actual[3])) {
      throw ServiceErrors.invalidParameters("Invalid resource Arn: " + parsed.arn());
    }
    if (!requested[4].equals(actual[4])) {
      throw new DynamoDbError.Validation("This action is only supported by accounts that match"
          + " the resource owner\u2019s account.");
    }
    if (parsed.streamLabel() != null
        && !table.latestStreamArn().map(parsed.arn()::equals).orElse(false)) {
      throw new DynamoDbError.ResourceNotFound("Requested resource not found: Stream: "
          + parsed.streamLabel() + " not found for Table: " + parsed.tableName());
    }
    return new PolicyTarget(parsed.tableName(), table.tableId(), parsed.arn());
  }
}
