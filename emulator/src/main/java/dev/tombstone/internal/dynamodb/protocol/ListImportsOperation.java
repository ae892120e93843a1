package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.internal.dynamodb.TableImport;
import dev.tombstone.internal.dynamodb.TableTransfers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** ListImports: newest first, optionally of one table, {@code PageSize} (1 to 25) a page. */
final class ListImportsOperation {
  static final int MAX_PAGE_SIZE = 25;

  private final TableTransfers transfers;

  ListImportsOperation(TableTransfers transfers) {
    this.transfers = transfers;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableArn = Members.string(request, "TableArn");
    Integer pageSize = Members.integer(request, "PageSize");
    String nextToken = Members.string(request, "NextToken");
    Constraints constraints = new Constraints();
    constraints.lengthBetween("tableArn", tableArn, 1, 1024);
    constraints.atLeast("pageSize", pageSize, 1);
    constraints.atMost("pageSize", pageSize, MAX_PAGE_SIZE);
    constraints.lengthBetween("nextToken", nextToken, 112, 1024);
    constraints.check();
    String after = nextToken == null ? null : TransferIds.afterToken(nextToken);
    if (nextToken != null && after == null) {
      throw new DynamoDbError.Validation(ListExportsOperation.INVALID_TOKEN);
    }

    List<TableImport> listed = new ArrayList<>();
    for (TableImport made : transfers.imports().all()) {
      if (tableArn == null || made.tableArn().equals(tableArn)) {
        listed.add(0, made);
      }
    }
    int from = TransferIds.pageStart(listed, TableImport::arn, after);
    int to = Math.min(listed.size(), from + (pageSize == null ? MAX_PAGE_SIZE : pageSize));
    JsonWriter json = JsonWriter.take();
    json.writeStartObject();
    json.writeArrayFieldStart("ImportSummaryList");
    for (TableImport made : listed.subList(from, to)) {
      ImportDescriptions.summary(json, made);
    }
    json.writeEndArray();
    if (to < listed.size()) {
      json.writeStringField("NextToken", TransferIds.nextToken(listed.get(to - 1).arn()));
    }
    json.writeEndObject();
    return json.toByteArray();
  }
}
