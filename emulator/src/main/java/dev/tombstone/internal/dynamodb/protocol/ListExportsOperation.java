package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.TableNames;
import dev.tombstone.internal.dynamodb.TableExport;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ListExports: newest first, optionally of one table, {@code MaxResults} (1 to 25) a page. As on
 * DynamoDB, the exports of a table that was deleted are no longer listed, though DescribeExport
 * still finds them.
 */
final class ListExportsOperation {
  static final int MAX_RESULTS = 25;
  static final String INVALID_TOKEN = "Invalid NextToken";

  private final DynamoDbState state;
  private final TableTransfers transfers;

  ListExportsOperation(DynamoDbState state, TableTransfers transfers) {
    this.state = state;
    this.transfers = transfers;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableArn = Members.string(request, "TableArn");
    Integer maxResults = Members.integer(request, "MaxResults");
    String nextToken = Members.string(request, "NextToken");
    Constraints constraints = new Constraints();
    constraints.lengthBetween("tableArn", tableArn, 1, 1024);
    constraints.atLeast("maxResults", maxResults, 1);
    constraints.atMost("maxResults", maxResults, MAX_RESULTS);
    constraints.check();
    String after = nextToken == null ? null : TransferIds.afterToken(nextToken);
    if (nextToken != null && after == null) {
      throw new DynamoDbError.Validation(INVALID_TOKEN);
    }

    List<TableExport> listed = new ArrayList<>();
    Map<String, String> liveTableIds = new HashMap<>();
    for (TableExport export : transfers.exports().all()) {
      if ((tableArn == null || export.tableArn().equals(tableArn))
          && export.tableId().equals(liveTableId(export.tableArn(), liveTableIds))) {
        listed.add(0, export);
      }
    }
    int from = TransferIds.pageStart(listed, TableExport::arn, after);
    int to = Math.min(listed.size(), from + (maxResults == null ? MAX_RESULTS : maxResults));
    JsonWriter json = JsonWriter.take();
    json.writeStartObject();
    json.writeArrayFieldStart("ExportSummaries");
    for (TableExport export : listed.subList(from, to)) {
      ExportDescriptions.summary(json, export);
    }
    json.writeEndArray();
    if (to < listed.size()) {
      json.writeStringField("NextToken", TransferIds.nextToken(listed.get(to - 1).arn()));
    }
    json.writeEndObject();
    return json.toByteArray();
  }

  /** The id of the table now behind {@code tableArn}; "" when there is none. */
  private String liveTableId(String tableArn, Map<String, String> known) {
    return known.computeIfAbsent(tableArn, arn -> {
      String name = TableNames.fromNameOrArn(arn);
      return state.hasTable(name) ? state.describeTable(name).tableId().toString() : "";
    });
  }
}
