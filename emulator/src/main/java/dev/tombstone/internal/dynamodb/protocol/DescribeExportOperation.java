package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.IOException;

/** DescribeExport: an export ARN in, its {@code ExportDescription} out. */
final class DescribeExportOperation {
  static final String INVALID_ARN = "Invalid Export ARN";

  private final TableTransfers transfers;

  DescribeExportOperation(TableTransfers transfers) {
    this.transfers = transfers;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String arn = Members.string(request, "ExportArn");
    Constraints constraints = new Constraints();
    BackupArns.constrain(constraints, "exportArn", arn, true);
    constraints.check();
    if (!TransferIds.isArn(arn, "export")) {
      throw new DynamoDbError.Validation(INVALID_ARN);
    }
    return ExportDescriptions.answer(transfers.exports().find(arn).orElseThrow(
        () -> new StatementError("ExportNotFoundException", "Export not found: " + arn)));
  }
}
