package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.TableArns;
import java.io.IOException;
import java.util.List;

/** TagResource of API 2012-08-10: tags added to (or replaced on) a table by its ARN. */
final class TagResourceOperation {
  private static final byte[] NO_BODY = new byte[0];

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
    TagLists.Read parsed = TagLists.read(tags);
    constraints.check();
    // The ARN before the list (dynalite test/tagResource.js, "invalid ResourceArn").
    TableArns.problem(arn).ifPresent(message -> {
      throw new DynamoDbError.Validation(message);
    });
    if (parsed.isEmpty()) {
      throw new DynamoDbError.Validation("Atleast one Tag needs to be provided as Input.");
    }
    // Every tag is checked before the table is looked up, and a refused one applies none.
    state.tagResource(arn, parsed.check());
    // DynamoDB answers a successful TagResource and UntagResource with an empty body, not {}.
    return NO_BODY;
  }
}
