package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.BulkOperation;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.util.regex.Pattern;

/**
 * The {@code BulkOperationArn} member of DescribeBulkOperation and CancelBulkOperation: present,
 * 37 to 1024 characters, shaped as this emulator's bulk operation ARNs ({@code
 * <table ARN>/bulk-operation/<id>}), and naming an operation made since the last reset.
 */
final class BulkOperationArns {
  static final String INVALID = "Invalid BulkOperationArn";
  private static final Pattern ARN = Pattern.compile(
      "arn:[^:]+:dynamodb:[^:]+:[^:]+:table/[a-zA-Z0-9_.-]{3,255}/bulk-operation/[^/]+");

  private BulkOperationArns() {}

  static BulkOperation find(Json.Obj request, TableTransfers transfers) {
    String arn = Members.string(request, "BulkOperationArn");
    Constraints constraints = new Constraints();
    constraints.notNull("bulkOperationArn", arn);
    constraints.lengthBetween("bulkOperationArn", arn, 37, 1024);
    constraints.check();
    if (!ARN.matcher(arn).matches()) {
      throw new DynamoDbError.Validation(INVALID);
    }
    return transfers.bulkOperations().find(arn).orElseThrow(
        () -> new DynamoDbError.ResourceNotFound("Bulk operation not found: " + arn));
  }
}
