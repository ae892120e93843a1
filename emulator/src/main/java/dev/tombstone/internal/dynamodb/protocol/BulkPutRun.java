package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.ItemCondition;
import dev.tombstone.dynamodb.PutItem;
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
 * item is written), then every input object in S3's key order, each item put as PutItem puts it,
 * under the condition its document carries: an item whose condition fails stays unwritten, is
 * not a failed item, and goes to the CONDITION_CHECK_FAILURE report.
 */
final class BulkPutRun {
  static final String MISMATCH = "";
  static final String REPORT_FAILED = "S3WriteFailed";

  private final DynamoDbState state;
  private final TableTransfers transfers;
  private final ConditionSupport conditions = new ConditionSupport();

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
    return new Load(tableName, input, report).run();
  }

  /**
   * The reading and writing of one operation's input: the object being read and the count of
   * items before it, so that a rejected item is reported by its object and its record number.
   */
  private final class Load implements ImportSources.Rejects {
    private final String tableName;
    private final BulkOperation.Input input;
    private final BulkPutReports report;
    private final ImportSources sources;
    private String object;
    private long itemsBeforeObject;
    private long inputBytes;
    private long putBytes;

    Load(String tableName, BulkOperation.Input input, BulkPutReports report) {
      this.tableName = tableName;
      this.input = input;
      this.report = report;
      this.sources = new ImportSources(input.format(), input.compression().orElse("NONE"),
          Optional.empty(), null, this, true);
    }

    BulkOperation.Counts run() {
      for (String key : transfers.keys(input.bucket(), input.keyPrefix().orElse(""))) {
        Optional<byte[]> content = transfers.read(input.bucket(), key);
        if (content.isEmpty()) {
          continue;
        }
        object = key;
        itemsBeforeObject = sources.counts().processedItems();
        inputBytes += content.get().length;
        sources.read(content.get(), document -> {
          ItemCondition condition = document.condition() == null ? null
              : BulkPutConditions.compile(conditions, document.condition());
          state.putItem(PutItem.Request.of(tableName, document.item()).withCondition(condition)
              .returningItemOnConditionFailure());
          putBytes += document.item().sizeInBytes();
        });
      }
      var read = sources.counts();
      return new BulkOperation.Counts(read.processedItems(), read.errors(), inputBytes, putBytes);
    }

    @Override
    public void rejected(String code, String message, Item item) {
      report.rejected(object, record(), code, message, item);
    }

    @Override
    public void conditionFailed(DynamoDbError.ConditionalCheckFailed e, Item item) {
      report.conditionFailed(object, record(), e.code(), e.getMessage(), item,
          e.item().orElse(null));
    }

    /** The number of the record being read, from 1 within its object. */
    private long record() {
      return sources.counts().processedItems() - itemsBeforeObject;
    }
  }
}
