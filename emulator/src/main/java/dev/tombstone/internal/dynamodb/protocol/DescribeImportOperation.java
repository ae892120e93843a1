package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.IOException;

/** DescribeImport: an import ARN in, its {@code ImportTableDescription} out. */
final class DescribeImportOperation {
  static final String INVALID_ARN = "Invalid Import ARN";

  private final TableTransfers transfers;

  DescribeImportOperation(TableTransfers transfers) {
    this.transfers = transfers;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String arn = Members.string(request, "ImportArn");
    Constraints constraints = new Constraints();
    BackupArns.constrain(constraints, "importArn", arn, true);
    constraints.check();
    if (!TransferIds.isArn(arn, "import")) {
      throw new DynamoDbError.Validation(INVALID_ARN);
    }
    return ImportDescriptions.answer(transfers.imports().find(arn).orElseThrow(
        () -> new StatementError("ImportNotFoundException", "Import not found: " + arn)));
  }
}
