package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.KinesisDestination;
import dev.tombstone.internal.dynamodb.TableSideState;

/**
 * EnableKinesisStreamingDestination of API 2012-08-10. A table has at most one destination that
 * is not DISABLED or ENABLE_FAILED; enabling a stream again flips its entry rather than adding
 * one (ack-api-quirks catalogue, DDB-TABLE-268, -299 and -301, AWS 2026). The answer says
 * ENABLING; the destination is ACTIVE at once, or ENABLE_FAILED when the ARN cannot name a
 * stream of the table's region and account, where DynamoDB fails a stream it cannot use.
 */
final class EnableKinesisStreamingDestinationOperation {
  static final String CONFIGURATION = "EnableKinesisStreamingConfiguration";

  private final DynamoDbState state;
  private final TableAttachments attachments;

  EnableKinesisStreamingDestinationOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    String streamArn = Members.string(request, "StreamArn");
    String precision = KinesisTarget.precision(Members.structure(request, CONFIGURATION));
    Constraints constraints = new Constraints();
    KinesisTarget.checkMembers(constraints, tableName, streamArn);
    KinesisTarget.checkPrecision(constraints, "enableKinesisStreamingConfiguration", precision);
    constraints.check();
    KinesisTarget target = KinesisTarget.find(state, tableName);

    TableSideState<KinesisDestination> destinations = attachments.kinesis();
    synchronized (destinations) {
      boolean live = destinations.all(target.tableName(), target.tableId()).values().stream()
          .anyMatch(destination -> destination.status().equals(KinesisTarget.ACTIVE));
      if (live) {
        throw KinesisTarget.invalidState("EnableKinesisStreamingDestination must be DISABLED or"
            + " ENABLE_FAILED to perform ENABLE operation.");
      }
      KinesisDestination enabled = target.usable(streamArn)
          ? new KinesisDestination(KinesisTarget.ACTIVE, precision, null)
          : new KinesisDestination(KinesisTarget.ENABLE_FAILED, precision,
              KinesisTarget.UNUSABLE_STREAM);
      target.put(destinations, streamArn, enabled);
    }
    return target.answer(streamArn, "ENABLING", CONFIGURATION, precision);
  }
}
