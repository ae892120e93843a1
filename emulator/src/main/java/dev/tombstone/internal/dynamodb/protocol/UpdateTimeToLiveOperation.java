package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.UpdateTimeToLive;
import java.io.IOException;

/** UpdateTimeToLive: decode, check the model's constraints, run, encode. */
final class UpdateTimeToLiveOperation {
  private static final String SPEC = "timeToLiveSpecification";

  private final DynamoDbState state;

  UpdateTimeToLiveOperation(DynamoDbState state) {
    this.state = state;
  }

  byte[] handle(Json.Obj request) throws IOException {
    String tableName = Members.string(request, "TableName");
    Json.Obj spec = Members.structure(request, "TimeToLiveSpecification");
    String attributeName = spec == null ? null : Members.string(spec, "AttributeName");
    Boolean enabled = spec == null ? null : Members.bool(spec, "Enabled");

    Constraints constraints = new Constraints();
    constraints.tableNameOrArn("tableName", tableName);
    constraints.notNull(SPEC, spec);
    if (spec != null) {
      constraints.notNull(SPEC + ".enabled", enabled);
      constraints.notNull(SPEC + ".attributeName", attributeName);
      if (attributeName != null && !attributeName.isEmpty()) {
        constraints.lengthBetween(SPEC + ".attributeName", attributeName, 1, 255);
      }
    }
    constraints.check();
    if ("".equals(attributeName)) {
      // DynamoDB's own text, not the model's length constraint (dynalite test/updateTimeToLive.js,
      // "should return ValidationException for empty TimeToLiveSpecification.AttributeName").
      throw new DynamoDbError.Validation("TimeToLiveSpecification.AttributeName must be non empty");
    }

    UpdateTimeToLive.Result result =
        state.updateTimeToLive(new UpdateTimeToLive.Request(tableName, attributeName, enabled));
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeObjectFieldStart("TimeToLiveSpecification");
    out.json().writeStringField("AttributeName", result.attributeName());
    out.json().writeBooleanField("Enabled", result.enabled());
    out.json().writeEndObject();
    out.json().writeEndObject();
    return out.finish();
  }
}
