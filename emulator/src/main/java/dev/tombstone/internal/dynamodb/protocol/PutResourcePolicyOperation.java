package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.TableAttachments;
import dev.tombstone.internal.dynamodb.TableAttachments.ResourcePolicy;
import dev.tombstone.internal.dynamodb.TableSideState;
import java.io.IOException;
import java.util.Optional;

/**
 * PutResourcePolicy of API 2012-08-10: a policy attached to a table or its stream, stored and
 * never enforced. The same document again (up to white space and key order) keeps its revision.
 */
final class PutResourcePolicyOperation {
  private final DynamoDbState state;
  private final TableAttachments attachments;

  PutResourcePolicyOperation(DynamoDbState state, TableAttachments attachments) {
    this.state = state;
    this.attachments = attachments;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String arn = Members.string(request, "ResourceArn");
    String policy = Members.string(request, "Policy");
    String expected = Members.string(request, "ExpectedRevisionId");
    Members.bool(request, "ConfirmRemoveSelfResourceAccess");
    Constraints constraints = new Constraints();
    constraints.notNull("resourceArn", arn).lengthBetween("resourceArn", arn, 1, 1283);
    constraints.notNull("policy", policy);
    constraints.lengthBetween("expectedRevisionId", expected, 1, 255);
    constraints.check();
    PolicyTarget.Parsed parsed = PolicyTarget.parse(arn);
    String document = PolicyDocuments.check(policy);
    PolicyTarget target = PolicyTarget.find(state, parsed);

    TableSideState<ResourcePolicy> policies = attachments.policies();
    String revision;
    synchronized (policies) {
      Optional<ResourcePolicy> current =
          policies.get(target.tableName(), target.tableId(), target.resourceArn());
      PolicyRevisions.check(expected, current, target);
      if (current.isPresent() && sameDocument(current.get().document(), document)) {
        revision = current.get().revisionId();
      } else {
        revision = PolicyRevisions.next(attachments.clock().millis(), current);
        policies.put(target.tableName(), target.tableId(), target.resourceArn(),
            new ResourcePolicy(document, revision));
      }
    }
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeStringField("RevisionId", revision);
    out.json().writeEndObject();
    return out.finish();
  }

  /** Equal as JSON: objects compare member by member whatever their order. */
  static boolean sameDocument(String a, String b) throws IOException {
    return Json.parseWithJackson(a.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .equals(Json.parseWithJackson(b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
