package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ContributorInsights;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * DescribeContributorInsights of API 2012-08-10: DISABLED with nothing else for a table never
 * configured; the rule names while ENABLED; the last change's time and the mode after any change.
 */
final class DescribeContributorInsightsOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  DescribeContributorInsightsOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    String indexName = Members.string(request, "IndexName");
    Constraints constraints = new Constraints();
    InsightsTarget.check(constraints, tableName, true);
    constraints.check();
    InsightsTarget.checkIndexName(indexName);
    InsightsTarget target = InsightsTarget.find(state, tableName, indexName);
    Optional<ContributorInsights> settings = target.settings(attachments.insights());

    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("TableName", target.tableName());
    if (!target.indexName().isEmpty()) {
      out.json().writeStringField("IndexName", target.indexName());
    }
    boolean enabled = settings.isPresent() && settings.get().enabled();
    if (enabled) {
      out.strings("ContributorInsightsRuleList", target.rules(settings.get()));
    }
    out.json().writeStringField("ContributorInsightsStatus", enabled ? "ENABLED" : "DISABLED");
    if (settings.isPresent()) {
      out.json().writeNumberField("LastUpdateDateTime",
          BigDecimal.valueOf(settings.get().lastUpdate()).movePointLeft(3));
      out.json().writeStringField("ContributorInsightsMode", settings.get().mode());
    }
    out.json().writeEndObject();
    return out.finish();
  }
}
