package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.Utf8Order;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ListTables, the same in API 2012-08-10 and 2011-12-05: a page of table names in UTF-8 order,
 * after {@code ExclusiveStartTableName}, at most {@code Limit} (100 by default).
 */
final class ListTablesOperation {
  private static final int MAX_LIMIT = 100;

  private final DynamoDbState state;

  ListTablesOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String start = Members.string(request, "ExclusiveStartTableName");
    Integer limit = Members.integer(request, "Limit");
    Constraints constraints = new Constraints();
    constraints.tableName("exclusiveStartTableName", start, false);
    constraints.atLeast("limit", limit, 1).atMost("limit", limit, MAX_LIMIT);
    constraints.check();

    int max = limit == null ? MAX_LIMIT : limit;
    List<String> page = new ArrayList<>();
    boolean more = false;
    for (String name : state.tableNames()) {
      if (start != null && Utf8Order.compare(name, start) <= 0) {
        continue;
      }
      if (page.size() == max) {
        more = true;
        break;
      }
      page.add(name);
    }
    return encode(page, more);
  }

  private static byte[] encode(List<String> page, boolean more) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.strings("TableNames", page);
    if (more) {
      out.json().writeStringField("LastEvaluatedTableName", page.get(page.size() - 1));
    }
    out.json().writeEndObject();
    return out.finish();
  }
}
