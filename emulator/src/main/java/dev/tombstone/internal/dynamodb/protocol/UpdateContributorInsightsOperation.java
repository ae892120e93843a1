package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ContributorInsights;
import dev.tombstone.internal.dynamodb.TableSideState;
import java.io.IOException;
import java.util.Optional;

/**
 * UpdateContributorInsights of API 2012-08-10. A change answers ENABLING or DISABLING, as
 * DynamoDB's synchronous answer does, and is settled at once (Describe and List show ENABLED or
 * DISABLED); an action the settings already have answers the settled status. No rule is made in
 * CloudWatch and no data is collected.
 */
final class UpdateContributorInsightsOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  UpdateContributorInsightsOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    String indexName = Members.string(request, "IndexName");
    String action = Members.string(request, "ContributorInsightsAction");
    String mode = Members.string(request, "ContributorInsightsMode");
    Constraints constraints = new Constraints();
    InsightsTarget.check(constraints, tableName, true);
    constraints.notNull("contributorInsightsAction", action);
    constraints.oneOf("contributorInsightsAction", action, "ENABLE", "DISABLE");
    // AWS lists the modes in this order (ack-api-quirks DDB-TABLE-457, 2026).
    constraints.oneOf("contributorInsightsMode", mode, InsightsTarget.THROTTLED_KEYS,
        InsightsTarget.ALL_KEYS);
    constraints.check();
    InsightsTarget.checkIndexName(indexName);
    InsightsTarget target = InsightsTarget.find(state, tableName, indexName);

    TableSideState<ContributorInsights> insights = attachments.insights();
    String status;
    Optional<ContributorInsights> after;
    synchronized (insights) {
      Optional<ContributorInsights> current = target.settings(insights);
      long now = attachments.clock().millis();
      if (action.equals("ENABLE")) {
        String wanted = mode == null ? InsightsTarget.ALL_KEYS : mode;
        if (current.isPresent() && current.get().enabled() && current.get().mode().equals(wanted)) {
          status = "ENABLED";
        } else {
          status = "ENABLING";
          target.put(insights, true, wanted, now, now);
        }
      } else if (current.isPresent() && current.get().enabled()) {
        status = "DISABLING";
        ContributorInsights was = current.get();
        target.put(insights, false, was.mode(), was.enabledAt(), now);
      } else {
        status = "DISABLED";
      }
      after = target.settings(insights);
    }
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("TableName", target.tableName());
    if (!target.indexName().isEmpty()) {
      out.json().writeStringField("IndexName", target.indexName());
    }
    out.json().writeStringField("ContributorInsightsStatus", status);
    if (after.isPresent()) {
      out.json().writeStringField("ContributorInsightsMode", after.get().mode());
    }
    out.json().writeEndObject();
    return out.finish();
  }
}
