package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableTransfers;
import dev.tombstone.internal.dynamodb.protocol.DynamoDbJsonProtocol.Operation;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operations few programs call (PartiQL, Streams, limits and endpoints, resource policies,
 * Contributor Insights, Kinesis streaming destinations, backups and point-in-time recovery,
 * exports and imports, global tables and replica auto scaling, bulk put items, vector search), each made the
 * first time it is called. Their classes stay out of the emulator's start, and routing to them
 * costs one small object per name: no lambda is spun until an operation is used.
 */
final class OccasionalOperations {
  /** The {@code DynamoDB_20120810.*} targets served here. */
  static final List<String> TARGETS = List.of(
      "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction", "DescribeLimits",
      "DescribeEndpoints", "PutResourcePolicy", "GetResourcePolicy", "DeleteResourcePolicy",
      "UpdateContributorInsights", "DescribeContributorInsights", "ListContributorInsights",
      "EnableKinesisStreamingDestination", "DisableKinesisStreamingDestination",
      "DescribeKinesisStreamingDestination", "UpdateKinesisStreamingDestination",
      "CreateBackup", "DescribeBackup", "ListBackups", "DeleteBackup", "RestoreTableFromBackup",
      "UpdateContinuousBackups", "DescribeContinuousBackups", "RestoreTableToPointInTime",
      "ExportTableToPointInTime", "DescribeExport", "ListExports", "ImportTable",
      "DescribeImport", "ListImports", "CreateGlobalTable", "UpdateGlobalTable",
      "DescribeGlobalTable", "ListGlobalTables", "DescribeGlobalTableSettings",
      "UpdateGlobalTableSettings", "DescribeTableReplicaAutoScaling",
      "UpdateTableReplicaAutoScaling", "StartBulkPutItems", "DescribeBulkOperation",
      "ListBulkOperations", "CancelBulkOperation", "SearchVectors");
  /** The {@code DynamoDBStreams_20120810.*} targets served here. */
  static final List<String> STREAM_TARGETS = List.of(
      "ListStreams", "DescribeStream", "GetShardIterator", "GetRecords");

  private final DynamoDbState state;
  private final TableAttachments attachments;
  private final Supplier<TableTransfers> transfers;

  OccasionalOperations(DynamoDbState state, TableAttachments attachments,
      Supplier<TableTransfers> transfers) {
    this.state = state;
    this.attachments = attachments;
    this.transfers = transfers;
  }

  /** Each of {@code targets}, routed to an operation made when it is first called. */
  Map<String, Operation> routes(List<String> targets) {
    Map<String, Operation> routes = new HashMap<>();
    for (String target : targets) {
      routes.put(target, new OnFirstUse(target));
    }
    return routes;
  }

  Operation make(String target) {
    return switch (target) {
      case "ExecuteStatement" -> new ExecuteStatementOperation(state)::handle;
      case "BatchExecuteStatement" -> new BatchExecuteStatementOperation(state)::handle;
      case "ExecuteTransaction" -> new ExecuteTransactionOperation(state)::handle;
      case "DescribeLimits" -> new DescribeLimitsOperation()::handle;
      case "SearchVectors" ->
          new SearchVectorsOperation(state, attachments, new ConditionSupport())::handle;
      case "DescribeEndpoints" -> DynamoDbJsonProtocol.describeEndpoints();
      case "PutResourcePolicy" -> new PutResourcePolicyOperation(state, attachments)::handle;
      case "GetResourcePolicy" -> new GetResourcePolicyOperation(state, attachments)::handle;
      case "DeleteResourcePolicy" -> new DeleteResourcePolicyOperation(state, attachments)::handle;
      case "UpdateContributorInsights" ->
          new UpdateContributorInsightsOperation(state, attachments)::handle;
      case "DescribeContributorInsights" ->
          new DescribeContributorInsightsOperation(state, attachments)::handle;
      case "ListContributorInsights" ->
          new ListContributorInsightsOperation(state, attachments)::handle;
      case "EnableKinesisStreamingDestination" ->
          new EnableKinesisStreamingDestinationOperation(state, attachments)::handle;
      case "DisableKinesisStreamingDestination" ->
          new DisableKinesisStreamingDestinationOperation(state, attachments)::handle;
      case "DescribeKinesisStreamingDestination" ->
          new DescribeKinesisStreamingDestinationOperation(state, attachments)::handle;
      case "UpdateKinesisStreamingDestination" ->
          new UpdateKinesisStreamingDestinationOperation(state, attachments)::handle;
      case "CreateBackup" -> new CreateBackupOperation(state)::handle;
      case "DescribeBackup" -> BackupArnOperation.describe(state)::handle;
      case "ListBackups" -> new ListBackupsOperation(state)::handle;
      case "DeleteBackup" -> BackupArnOperation.delete(state)::handle;
      case "RestoreTableFromBackup" ->
          new RestoreTableFromBackupOperation(state, attachments)::handle;
      case "UpdateContinuousBackups" -> new UpdateContinuousBackupsOperation(state)::handle;
      case "DescribeContinuousBackups" -> new DescribeContinuousBackupsOperation(state)::handle;
      case "RestoreTableToPointInTime" ->
          new RestoreTableToPointInTimeOperation(state, attachments)::handle;
      case "ExportTableToPointInTime" ->
          new ExportTableToPointInTimeOperation(state, transfers.get(),
              new ConditionSupport())::handle;
      case "DescribeExport" -> DescribeTransferOperation.describeExport(transfers.get())::handle;
      case "ListExports" -> new ListExportsOperation(state, transfers.get())::handle;
      case "ImportTable" -> new ImportTableOperation(state, transfers.get(), attachments)::handle;
      case "DescribeImport" -> DescribeTransferOperation.describeImport(transfers.get())::handle;
      case "ListImports" -> new ListImportsOperation(transfers.get())::handle;
      case "CreateGlobalTable" -> new CreateGlobalTableOperation()::handle;
      case "UpdateGlobalTable" -> new UpdateGlobalTableOperation()::handle;
      case "DescribeGlobalTable" -> new DescribeGlobalTableOperation()::handle;
      case "ListGlobalTables" -> new ListGlobalTablesOperation()::handle;
      case "DescribeGlobalTableSettings" -> new DescribeGlobalTableSettingsOperation()::handle;
      case "UpdateGlobalTableSettings" -> new UpdateGlobalTableSettingsOperation()::handle;
      case "DescribeTableReplicaAutoScaling" ->
          new DescribeTableReplicaAutoScalingOperation(state)::handle;
      case "UpdateTableReplicaAutoScaling" ->
          new UpdateTableReplicaAutoScalingOperation(state)::handle;
      case "StartBulkPutItems" -> new StartBulkPutItemsOperation(state, transfers.get())::handle;
      case "DescribeBulkOperation" -> new DescribeBulkOperationOperation(transfers.get())::handle;
      case "ListBulkOperations" -> new ListBulkOperationsOperation(transfers.get())::handle;
      case "CancelBulkOperation" -> new CancelBulkOperationOperation(transfers.get())::handle;
      case "ListStreams" -> new ListStreamsOperation(state)::handle;
      case "DescribeStream" -> new DescribeStreamOperation(state)::handle;
      case "GetShardIterator" -> new GetShardIteratorOperation(state)::handle;
      case "GetRecords" -> new GetRecordsOperation(state)::handle;
      default -> throw new IllegalArgumentException("not an occasional operation: " + target);
    };
  }

  /** Stands for one operation until it is called, then makes it once and delegates. */
  private final class OnFirstUse implements Operation {
    private final String target;
    private volatile Operation made;

    OnFirstUse(String target) {
      this.target = target;
    }

    @Override
    public byte[] run(Json.Obj request) throws IOException {
      return made().run(request);
    }

    @Override
    public byte[] run(Json.Obj request, String host) throws IOException {
      return made().run(request, host);
    }

    private Operation made() {
      Operation operation = made;
      if (operation == null) {
        synchronized (this) {
          operation = made;
          if (operation == null) {
            operation = make(target);
            made = operation;
          }
        }
      }
      return operation;
    }
  }
}
