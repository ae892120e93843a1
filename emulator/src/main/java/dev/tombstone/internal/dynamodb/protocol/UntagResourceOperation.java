package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import java.io.IOException;
import java.util.List;

/** UntagResource of API 2012-08-10: tags removed from a table by key; absent keys are fine. */
final class UntagResourceOperation {
  private final DynamoDbState state;

  UntagResourceOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String arn = Members.string(request, "ResourceArn");
    List<String> keys = Members.stringList(request, "TagKeys");
    Constraints constraints = new Constraints();
    constraints.notNull("resourceArn", arn);
    constraints.lengthBetween("resourceArn", arn, 1, 1283);
    constraints.notNull("tagKeys", keys);
    if (keys != null) {
      for (int i = 0; i < keys.size(); i++) {
        constraints.lengthBetween("tagKeys." + (i + 1) + ".member", keys.get(i), 1, 128);
      }
    }
    constraints.check();
    state.untagResource(arn, keys);
    return new byte[] {'{', '}'};
  }
}
