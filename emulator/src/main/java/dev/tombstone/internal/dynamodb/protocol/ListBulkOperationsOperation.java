package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.BulkOperation;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.util.ArrayList;
import java.util.List;

/** ListBulkOperations: newest first, {@code MaxResults} (1 to 25, 10 when absent) a page. */
final class ListBulkOperationsOperation {
  static final int MAX_RESULTS = 25;
  static final int DEFAULT_RESULTS = 10;

  private final TableTransfers transfers;

  ListBulkOperationsOperation(TableTransfers transfers) {
    this.transfers = transfers;
  }

  byte[] handle(Json.Obj request) {
    Integer maxResults = Members.integer(request, "MaxResults");
    String nextToken = Members.string(request, "NextToken");
    Constraints constraints = new Constraints();
    constraints.atLeast("maxResults", maxResults, 1);
    constraints.atMost("maxResults", maxResults, MAX_RESULTS);
    constraints.lengthBetween("nextToken", nextToken, 1, 1024);
    ExportTableToPointInTimeOperation.pattern(constraints, "nextToken", nextToken,
        "([0-9a-f]{16})+");
    constraints.check();
    String after = nextToken == null ? null : TransferIds.afterToken(nextToken);
    if (nextToken != null && after == null) {
      throw new DynamoDbError.Validation(ListExportsOperation.INVALID_TOKEN);
    }

    List<BulkOperation> listed = new ArrayList<>();
    for (BulkOperation made : transfers.bulkOperations().all()) {
      listed.add(0, made);
    }
    int from = TransferIds.pageStart(listed, BulkOperation::arn, after);
    int to = Math.min(listed.size(),
        from + (maxResults == null ? DEFAULT_RESULTS : maxResults));
    JsonWriter json = JsonWriter.take();
    json.writeStartObject();
    json.writeArrayFieldStart("BulkOperationsSummaryList");
    for (BulkOperation made : listed.subList(from, to)) {
      BulkOperationDescriptions.summary(json, made);
    }
    json.writeEndArray();
    if (to < listed.size()) {
      json.writeStringField("NextToken", TransferIds.nextToken(listed.get(to - 1).arn()));
    }
    json.writeEndObject();
    return json.toByteArray();
  }
}
