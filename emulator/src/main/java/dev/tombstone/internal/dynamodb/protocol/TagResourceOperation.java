package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource of API 2012-08-10: tags added to (or replaced on) a table by its ARN. */
final class TagResourceOperation {
  private final DynamoDbState state;

  TagResourceOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String arn = Members.string(request, "ResourceArn");
    List<Json> tags = Members.list(request, "Tags");
    Constraints constraints = new Constraints();
    constraints.notNull("resourceArn", arn);
    constraints.lengthBetween("resourceArn", arn, 1, 1283);
    constraints.notNull("tags", tags);
    Map<String, String> parsed = new LinkedHashMap<>();
    if (tags != null) {
      int i = 1;
      for (Json raw : tags) {
        Json.Obj tag = Members.structure(raw);
        String key = tag == null ? null : Members.string(tag, "Key");
        String value = tag == null ? null : Members.string(tag, "Value");
        String path = "tags." + i + ".member.";
        constraints.notNull(path + "key", key).lengthBetween(path + "key", key, 1, 128);
        constraints.notNull(path + "value", value).lengthBetween(path + "value", value, 0, 256);
        if (key != null && value != null) {
          parsed.put(key, value);
        }
        i++;
      }
    }
    constraints.check();
    state.tagResource(arn, parsed);
    return new byte[] {'{', '}'};
  }
}
