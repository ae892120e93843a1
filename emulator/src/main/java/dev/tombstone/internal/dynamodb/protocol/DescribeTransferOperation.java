package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.TableExport;
import dev.tombstone.internal.dynamodb.TableImport;
import dev.tombstone.internal.dynamodb.TableTransfers;
import dev.tombstone.internal.dynamodb.TransferLog;
import java.util.Locale;
import java.util.function.Function;

/**
 * DescribeExport and DescribeImport: an export's or import's ARN in, its description
 * ({@code ExportDescription}, {@code ImportTableDescription}) out.
 *
 * @param <T> the job described
 */
final class DescribeTransferOperation<T extends TransferLog.Job> {
  /** {@code Export} or {@code Import}, as the member names and messages spell it. */
  private final String kind;
  private final TransferLog<T> log;
  private final Function<T, byte[]> answer;

  private DescribeTransferOperation(String kind, TransferLog<T> log,
      Function<T, byte[]> answer) {
    this.kind = kind;
    this.log = log;
    this.answer = answer;
  }

  static DescribeTransferOperation<TableExport> describeExport(TableTransfers transfers) {
    return new DescribeTransferOperation<>("Export", transfers.exports(),
        ExportDescriptions::answer);
  }

  static DescribeTransferOperation<TableImport> describeImport(TableTransfers transfers) {
    return new DescribeTransferOperation<>("Import", transfers.imports(),
        ImportDescriptions::answer);
  }

  byte[] handle(Json.Obj request) {
    String arn = Members.string(request, kind + "Arn");
    String lower = kind.toLowerCase(Locale.ROOT);
    Constraints constraints = new Constraints();
    BackupArns.constrain(constraints, lower + "Arn", arn, true);
    constraints.check();
    if (!TransferIds.isArn(arn, lower)) {
      throw new DynamoDbError.Validation("Invalid " + kind + " ARN");
    }
    return answer.apply(log.find(arn).orElseThrow(
        () -> new StatementError(kind + "NotFoundException", kind + " not found: " + arn)));
  }
}
