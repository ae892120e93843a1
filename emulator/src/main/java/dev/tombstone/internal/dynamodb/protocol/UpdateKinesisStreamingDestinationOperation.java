package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.KinesisDestination;
import dev.tombstone.internal.dynamodb.TableSideState;
import java.util.Optional;

/**
 * UpdateKinesisStreamingDestination of API 2012-08-10: changes the precision of an ACTIVE
 * destination. The answer says UPDATING; the destination is ACTIVE with the new precision at
 * once. Texts: ack-api-quirks catalogue, DDB-TABLE-300, -302 and -442 (AWS 2026); a destination
 * without a precision has MILLISECOND, so asking for it again is refused (DDB-TABLE-460).
 */
final class UpdateKinesisStreamingDestinationOperation {
  static final String CONFIGURATION = "UpdateKinesisStreamingConfiguration";

  private final DynamoDbState state;
  private final TableAttachments attachments;

  UpdateKinesisStreamingDestinationOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    String streamArn = Members.string(request, "StreamArn");
    String precision = KinesisTarget.precision(Members.structure(request, CONFIGURATION));
    Constraints constraints = new Constraints();
    KinesisTarget.checkMembers(constraints, tableName, streamArn);
    KinesisTarget.checkPrecision(constraints, "updateKinesisStreamingConfiguration", precision);
    constraints.check();
    if (precision == null) {
      throw new DynamoDbError.Validation("Streaming destination cannot be updated with given"
          + " parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only"
          + " null values");
    }
    KinesisTarget target = KinesisTarget.find(state, tableName);

    TableSideState<KinesisDestination> destinations = attachments.kinesis();
    synchronized (destinations) {
      Optional<KinesisDestination> current = target.destination(destinations, streamArn);
      if (current.isEmpty()) {
        throw KinesisTarget.invalidState("No streaming destination with streamArn: " + streamArn
            + " found for table with tableName: " + target.tableName());
      }
      if (!current.get().status().equals(KinesisTarget.ACTIVE)) {
        throw KinesisTarget.invalidState("Kinesis streaming is not in ACTIVE state. Updates are"
            + " only allowed in ACTIVE state. TableName: " + target.tableName() + ", kdsArn: "
            + streamArn);
      }
      String was = current.get().precision() == null
          ? KinesisTarget.MILLISECOND : current.get().precision();
      if (was.equals(precision)) {
        throw new DynamoDbError.Validation("Invalid Request: Precision is already set to the"
            + " desired value of " + precision + " for tableId: " + target.tableId()
            + ", kdsArn: " + streamArn);
      }
      target.put(destinations, streamArn,
          new KinesisDestination(KinesisTarget.ACTIVE, precision, null));
    }
    return target.answer(streamArn, "UPDATING", CONFIGURATION, precision);
  }
}
