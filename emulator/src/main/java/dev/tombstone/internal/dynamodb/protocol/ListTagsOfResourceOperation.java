package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;
import java.util.Map;

/** ListTagsOfResource of API 2012-08-10: every tag of a table, in one page. */
final class ListTagsOfResourceOperation {
  private final DynamoDbState state;

  ListTagsOfResourceOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String arn = Members.string(request, "ResourceArn");
    Members.string(request, "NextToken");
    Constraints constraints = new Constraints();
    constraints.notNull("resourceArn", arn);
    constraints.lengthBetween("resourceArn", arn, 1, 1283);
    constraints.check();
    Map<String, String> tags = state.listTagsOfResource(arn);
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeArrayFieldStart("Tags");
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      out.json().writeStartObject();
      out.json().writeStringField("Key", tag.getKey());
      out.json().writeStringField("Value", tag.getValue());
      out.json().writeEndObject();
    }
    out.json().writeEndArray();
    out.json().writeEndObject();
    return out.finish();
  }
}
