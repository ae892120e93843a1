package dev.tombstone.dynamodb;

import dev.tombstone.internal.TableTagRules;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags on tables, addressed by table ARN: TagResource, UntagResource, ListTagsOfResource.
 *
 * <pre>{@code
 * String arn = dynamo.describeTable("orders").arn();
 * dynamo.tagResource(arn, Map.of("team", "billing"));
 * dynamo.listTagsOfResource(arn);   // {team=billing}
 * }</pre>
 *
 * <p>At most 50 tags per table; keys of 1 to 128 characters, values of 0 to 256, of letters,
 * numbers and spaces of any script and {@code + - = . _ : / @}; keys starting with {@code aws:}
 * (in any case) are reserved.
 */
public final class Tags {
  private Tags() {}

  static void tag(Table table, Map<String, String> tags) {
    TableTagRules.tagsError(tags).ifPresent(Tags::refuse);
    table.tag(tags, TableTagRules.MAX_TAGS);
  }

  static void untag(Table table, Collection<String> keys) {
    for (String key : keys) {
      TableTagRules.keyError(key).ifPresent(Tags::refuse);
    }
    table.untag(keys);
  }

  static Map<String, String> list(Table table) {
    Map<String, String> tags = new LinkedHashMap<>();
    List<Map.Entry<String, String>> entries = table.tagList();
    for (Map.Entry<String, String> e : entries) {
      tags.put(e.getKey(), e.getValue());
    }
    return java.util.Collections.unmodifiableMap(tags);
  }

  private static void refuse(String message) {
    throw new DynamoDbError.Validation(message);
  }
}
