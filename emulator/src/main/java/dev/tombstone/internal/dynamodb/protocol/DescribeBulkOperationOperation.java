package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.dynamodb.TableTransfers;

/** DescribeBulkOperation: a bulk operation's ARN in, its {@code BulkOperationDescription} out. */
final class DescribeBulkOperationOperation {
  private final TableTransfers transfers;

  DescribeBulkOperationOperation(TableTransfers transfers) {
    this.transfers = transfers;
  }

  byte[] handle(Json.Obj request) {
    return BulkOperationDescriptions.answer(BulkOperationArns.find(request, transfers));
  }
}
