package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.BulkOperation;
import dev.tombstone.internal.dynamodb.TableTransfers;
import dev.tombstone.s3.S3Error;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one StartBulkPutItems to its end: the client token first (a retry answers the operation
 * it started), then the table, then both buckets (a missing one FAILS the operation before any
 * item is written), then every input object in S3's key order, each item put as PutItem puts it.
 */
final class BulkPutRun {
  static final String MISMATCH = "";
  static final String REPORT_FAILED = "S3WriteFailed";

  private final DynamoDbState state;
  private final TableTransfers transfers;

  BulkPutRun(DynamoDbState state, TableTransfers transfers) {
    this.state = state;
    this.transfers = transfers;
  }

  /** The operation of {@code token}, or a new one, run and recorded. */
  BulkOperation start(String tableName, String token, BulkOperation.Request asked) {
    Instant now = transfers.clock().instant();
    Optional<BulkOperation> earlier = token == null ? Optional.empty()
        : transfers.bulkOperations().byToken(token, now);
    if (earlier.isPresent()) {
      if (!earlier.get().request().equals(asked)) {
        throw new DynamoDbError.IdempotentParameterMismatch(MISMATCH);
      }
      return earlier.get();
    }
    TableDescription table = state.describeTable(tableName);
    String arn = table.arn() + "/bulk-operation/" + TransferIds.id(now);
    String clientToken = token != null ? token : UUID.randomUUID().toString();
    BulkOperation.Counts counts = new BulkOperation.Counts(0, 0, 0, 0);
    Optional<BulkOperation.Failure> failure = missingBucket(asked.input().bucket())
        .or(() -> missingBucket(asked.output().bucket()));
    if (failure.isEmpty()) {
      BulkPutReports report = new BulkPutReports(asked.output());
      counts = put(table.definition().name(), asked.input(), report);
      try {
        report.write(transfers, arn.substring(arn.lastIndexOf('/') + 1));
      } catch (S3Error e) {
        failure = Optional.of(new BulkOperation.Failure(REPORT_FAILED, e.getMessage()));
      }
    }
    BulkOperation made = new BulkOperation(arn, table.arn(), table.definition().name(),
        table.tableId().toString(), clientToken, asked, now, counts, failure);
    transfers.bulkOperations().put(made);
    return made;
  }

  private Optional<BulkOperation.Failure> missingBucket(String bucket) {
    if (transfers.bucketExists(bucket)) {
      return Optional.empty();
    }
    return Optional.of(new BulkOperation.Failure(ExportTableToPointInTimeOperation.NO_SUCH_BUCKET,
        new S3Error.NoSuchBucket(bucket).getMessage()));
  }

  private BulkOperation.Counts put(String tableName, BulkOperation.Input input,
      BulkPutReports report) {
    long[] putBytes = {0};
    long inputBytes = 0;
    ImportSources[] sources = new ImportSources[1];
    String[] current = new String[1];
    long[] firstOfObject = {0};
    sources[0] = new ImportSources(input.format(), input.compression().orElse("NONE"),
        Optional.empty(), null, (code, message, item) -> report.rejected(current[0],
            sources[0].counts().processedItems() - firstOfObject[0], code, message, item),
        true);
    for (String key : transfers.keys(input.bucket(), input.keyPrefix().orElse(""))) {
      Optional<byte[]> object = transfers.read(input.bucket(), key);
      if (object.isEmpty()) {
        continue;
      }
      current[0] = key;
      firstOfObject[0] = sources[0].counts().processedItems();
      inputBytes += object.get().length;
      sources[0].read(object.get(), item -> {
        state.putItem(tableName, item);
        putBytes[0] += item.sizeInBytes();
      });
    }
    var read = sources[0].counts();
    return new BulkOperation.Counts(read.processedItems(), read.errors(), inputBytes,
        putBytes[0]);
  }
}
