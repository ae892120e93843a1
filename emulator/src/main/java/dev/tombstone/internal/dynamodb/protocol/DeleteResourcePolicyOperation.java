package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ResourcePolicy;
import dev.tombstone.internal.dynamodb.TableSideState;
import java.io.IOException;
import java.util.Optional;

/**
 * DeleteResourcePolicy of API 2012-08-10: answers the removed policy's revision; without a
 * policy (and without an expected revision) it answers {@code {}}, as DynamoDB does.
 */
final class DeleteResourcePolicyOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  DeleteResourcePolicyOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String arn = Members.string(request, "ResourceArn");
    String expected = Members.string(request, "ExpectedRevisionId");
    Constraints constraints = new Constraints();
    constraints.notNull("resourceArn", arn).lengthBetween("resourceArn", arn, 1, 1283);
    constraints.lengthBetween("expectedRevisionId", expected, 1, 255);
    constraints.check();
    PolicyTarget target = PolicyTarget.find(state, PolicyTarget.parse(arn));

    TableSideState<ResourcePolicy> policies = attachments.policies();
    Optional<ResourcePolicy> removed;
    synchronized (policies) {
      Optional<ResourcePolicy> current =
          policies.get(target.tableName(), target.tableId(), target.resourceArn());
      PolicyRevisions.check(expected, current, target);
      removed = policies.remove(target.tableName(), target.tableId(), target.resourceArn());
    }
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    if (removed.isPresent()) {
      out.json().writeStringField("RevisionId", removed.get().revisionId());
    }
    out.json().writeEndObject();
    return out.finish();
  }
}
