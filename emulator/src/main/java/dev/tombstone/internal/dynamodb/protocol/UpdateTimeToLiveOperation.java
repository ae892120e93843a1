package dev.tombstone.internal.dynamodb.protocol;

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
      // The attribute before the flag, and an empty attribute as the model's length, as AWS
      // answered in 2026 (ack-api-quirks DDB-TABLE-457; dynalite recorded "TimeToLiveSpecification
      // .AttributeName must be non empty" earlier).
      constraints.notNull(SPEC + ".attributeName", attributeName);
      constraints.notNull(SPEC + ".enabled", enabled);
      constraints.lengthBetween(SPEC + ".attributeName", attributeName, 1, 255);
    }
    constraints.check();

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
