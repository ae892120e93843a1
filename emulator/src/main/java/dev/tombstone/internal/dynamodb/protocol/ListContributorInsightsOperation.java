package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.TableDefinition;
import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ContributorInsights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ListContributorInsights of API 2012-08-10: the enabled settings of one table or of every table,
 * tables by name, each table before its global indexes (as DynamoDB lists them; disabled ones are
 * left out). {@code NextToken} names the last entry given.
 */
final class ListContributorInsightsOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  ListContributorInsightsOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  private record Summary(InsightsTarget target, ContributorInsights settings) {
    String position() {
      // NUL sorts before every character a name may have: a table before its indexes and
      // before any longer table name, in the order the summaries are listed.
      return target.tableName() + '\0' + target.indexName();
    }
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    String nextToken = Members.string(request, "NextToken");
    Integer maxResults = Members.integer(request, "MaxResults");
    Constraints constraints = new Constraints();
    InsightsTarget.check(constraints, tableName, false);
    constraints.atMost("maxResults", maxResults, 100);
    constraints.check();
    String after = nextToken == null ? null : position(nextToken);

    List<Summary> summaries = tableName != null
        ? summaries(state.describeTable(tableName)) : everyTable();
    int limit = maxResults == null || maxResults <= 0 ? Integer.MAX_VALUE : maxResults;
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeArrayFieldStart("ContributorInsightsSummaries");
    int written = 0;
    String last = null;
    boolean more = false;
    for (Summary summary : summaries) {
      if (after != null && summary.position().compareTo(after) <= 0) {
        continue;
      }
      if (written == limit) {
        more = true;
        break;
      }
      write(out, summary);
      last = summary.position();
      written++;
    }
    out.json().writeEndArray();
    if (more) {
      out.json().writeStringField("NextToken", Base64.getUrlEncoder().withoutPadding()
          .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }
    out.json().writeEndObject();
    return out.finish();
  }

  private List<Summary> everyTable() {
    Set<String> configured = new HashSet<>(attachments.insights().tableNames());
    List<Summary> summaries = new ArrayList<>();
    for (String name : state.tableNames()) {
      if (configured.contains(name)) {
        try {
          summaries.addAll(summaries(state.describeTable(name)));
        } catch (DynamoDbError.ResourceNotFound deletedMeanwhile) {
          // Gone since the names were read: nothing to list.
        }
      }
    }
    return summaries;
  }

  /** The enabled settings of one table, the table's first, then its global indexes'. */
  private List<Summary> summaries(TableDescription table) {
    Map<String, ContributorInsights> all = attachments.insights()
        .all(table.definition().name(), table.tableId());
    List<Summary> summaries = new ArrayList<>();
    add(summaries, InsightsTarget.of(table, null), all.get(""));
    List<String> indexes = new ArrayList<>();
    for (TableDefinition.IndexDefinition index : table.definition().globalSecondaryIndexes()) {
      indexes.add(index.name());
    }
    indexes.sort(null);
    for (String index : indexes) {
      add(summaries, InsightsTarget.of(table, index), all.get(index));
    }
    return summaries;
  }

  private static void add(List<Summary> summaries, InsightsTarget target,
      ContributorInsights stored) {
    target.own(stored).filter(ContributorInsights::enabled)
        .ifPresent(settings -> summaries.add(new Summary(target, settings)));
  }

  private static void write(JsonOut out, Summary summary) {
    out.json().writeStartObject();
    out.json().writeStringField("TableName", summary.target().tableName());
    if (!summary.target().indexName().isEmpty()) {
      out.json().writeStringField("IndexName", summary.target().indexName());
    }
    out.json().writeStringField("ContributorInsightsStatus", "ENABLED");
    out.json().writeStringField("ContributorInsightsMode", summary.settings().mode());
    out.json().writeEndObject();
  }

  private static String position(String token) {
    try {
      String position = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (position.indexOf('\0') > 0) {
        return position;
      }
    } catch (IllegalArgumentException e) {
      // Not one of ours: refused below.
    }
    throw ServiceErrors.invalidParameters("Invalid NextToken: " + token);
  }
}
