package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.BulkOperation;
import dev.tombstone.internal.dynamodb.TableTransfers;

/**
 * CancelBulkOperation. A bulk operation ends within its StartBulkPutItems here, so none is ever
 * IN_PROGRESS when a cancellation comes: every cancellation of an operation that exists is
 * refused with a ValidationException naming its terminal status, and nothing changes.
 */
final class CancelBulkOperationOperation {
  private final TableTransfers transfers;

  CancelBulkOperationOperation(TableTransfers transfers) {
    this.transfers = transfers;
  }

  byte[] handle(Json.Obj request) {
    BulkOperation made = BulkOperationArns.find(request, transfers);
    throw new DynamoDbError.Validation(notInProgress(made));
  }

  static String notInProgress(BulkOperation made) {
    return "Bulk operation " + made.arn() + " cannot be cancelled: its status is "
        + made.status();
  }
}
