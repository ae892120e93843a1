package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.dynamodb.UpdateTable;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;
import java.util.List;

/**
 * UpdateTable of API 2011-12-05: a table's new {@code ProvisionedThroughput}, nothing else. Runs
 * as the current API's UpdateTable with throughput alone, so its checks and texts are the same
 * (the unit bounds, the per-table quota, the same throughput again, the daily limit on
 * decreases); answered with the 2011
 * description, without counts, as the reference's sample shows. The table stays ACTIVE, as
 * every UpdateTable leaves it here, and the answer already shows the new units.
 */
final class Legacy2011UpdateTableOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  Legacy2011UpdateTableOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Json.Obj throughput = Members.structure(request.get("ProvisionedThroughput"));

    Constraints constraints = new Constraints()
        .tableName("tableName", tableName, true)
        .notNull("provisionedThroughput", throughput);
    Throughput units = Throughput.read(throughput, constraints);
    constraints.check();
    units.checkBounds();

    TableDescription after;
    synchronized (attachments.throughputChanges()) {
      // Read under the lock every UpdateTable takes, so no other update lands in between.
      TableDescription before = state.describeTable(tableName);
      ThroughputDecreaseBudget.check(attachments, before, units.read(), units.write(), null,
          List.of());
      after = state.updateTable(
          UpdateTable.Request.of(tableName).withThroughput(units.read(), units.write()));
      ThroughputChangeDates.record(attachments, before, after);
    }
    return Legacy2011TableOperations.write("TableDescription", after, false,
        ThroughputChangeDates.of(attachments, after));
  }
}
