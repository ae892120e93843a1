package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.KinesisDestination;
import dev.tombstone.internal.dynamodb.TableSideState;
import java.util.Optional;

/**
 * DisableKinesisStreamingDestination of API 2012-08-10. Only an ACTIVE destination can be
 * disabled; any other stream, known or not, well-formed or not, gets the same refusal
 * (ack-api-quirks catalogue, DDB-TABLE-302, AWS 2026). The answer says DISABLING; the entry is
 * DISABLED at once and stays listed, its precision forgotten (DDB-TABLE-300, -301).
 */
final class DisableKinesisStreamingDestinationOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  DisableKinesisStreamingDestinationOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) {
    String tableName = Members.string(request, "TableName");
    String streamArn = Members.string(request, "StreamArn");
    Json.Obj configuration = Members.structure(request,
        EnableKinesisStreamingDestinationOperation.CONFIGURATION);
    Constraints constraints = new Constraints();
    KinesisTarget.checkMembers(constraints, tableName, streamArn);
    KinesisTarget.checkPrecision(constraints, "enableKinesisStreamingConfiguration",
        KinesisTarget.precision(configuration));
    constraints.check();
    if (configuration != null) {
      throw new DynamoDbError.Validation(
          "Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
    }
    KinesisTarget target = KinesisTarget.find(state, tableName);

    TableSideState<KinesisDestination> destinations = attachments.kinesis();
    synchronized (destinations) {
      Optional<KinesisDestination> current = target.destination(destinations, streamArn);
      if (current.isEmpty() || !current.get().status().equals(KinesisTarget.ACTIVE)) {
        throw KinesisTarget.invalidState(
            "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
      }
      target.put(destinations, streamArn,
          new KinesisDestination(KinesisTarget.DISABLED, null, null));
    }
    return target.answer(streamArn, "DISABLING",
        EnableKinesisStreamingDestinationOperation.CONFIGURATION, null);
  }
}
