package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ResourcePolicy;
import java.io.IOException;

/** GetResourcePolicy of API 2012-08-10: the policy of a table or its stream, and its revision. */
final class GetResourcePolicyOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  GetResourcePolicyOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String arn = Members.string(request, "ResourceArn");
    new Constraints().notNull("resourceArn", arn).lengthBetween("resourceArn", arn, 1, 1283)
        .check();
    PolicyTarget target = PolicyTarget.find(state, PolicyTarget.parse(arn));
    ResourcePolicy policy = attachments.policies()
        .get(target.tableName(), target.tableId(), target.resourceArn())
        .orElseThrow(() -> PolicyRevisions.notFound(arn));
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("Policy", PolicyDocuments.described(policy.document()));
    out.json().writeStringField("RevisionId", policy.revisionId());
    out.json().writeEndObject();
    return out.finish();
  }
}
