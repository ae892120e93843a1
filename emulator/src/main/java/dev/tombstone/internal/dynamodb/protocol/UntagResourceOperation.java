package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.TableArns;
import dev.tombstone.internal.TableTagRules;
import java.io.IOException;
import java.util.List;

/** UntagResource of API 2012-08-10: tags removed from a table by key; absent keys are fine. */
final class UntagResourceOperation {
  private static final byte[] NO_BODY = new byte[0];

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
    constraints.check();
    // The ARN before the list (dynalite test/tagResource.js, "invalid ResourceArn").
    TableArns.problem(arn).ifPresent(message -> {
      throw new DynamoDbError.Validation(message);
    });
    if (keys.isEmpty()) {
      throw new DynamoDbError.Validation("Atleast one Tag Key needs to be provided as Input.");
    }
    // Not the model's length constraint: AWS names the key (the ack-api-quirks catalogue,
    // DDB-TABLE-107 and DDB-TABLE-457: `['']` answers "…invalid, Key: "). Its prefix and
    // characters are checked once the table is found.
    for (String key : keys) {
      TableTagRules.keyLengthError(key).ifPresent(message -> {
        throw new DynamoDbError.Validation(message);
      });
    }
    if (keys.size() > TableTagRules.MAX_TAGS) {
      throw new DynamoDbError.Validation(TableTagRules.TOO_MANY);
    }
    state.untagResource(arn, keys);
    // DynamoDB answers a successful TagResource and UntagResource with an empty body, not {}.
    return NO_BODY;
  }
}
