package dev.tombstone.internal.dynamodb.protocol;

import java.io.IOException;

/**
 * DescribeEndpoints of API 2012-08-10: one endpoint, the host and port the client addressed.
 * DynamoDB names its regional host here; an SDK with endpoint discovery on sends its next
 * requests to this address (with its own scheme), so the emulator names itself to keep the
 * client talking to it.
 */
final class DescribeEndpointsOperation {
  /** How long a client may keep the address: DynamoDB's 1440 minutes. */
  static final long CACHE_PERIOD_MINUTES = 1440;

  byte[] handle(Json.Obj request, String host) throws IOException {
    JsonOut out = new JsonOut();
    out.json().writeStartObject();
    out.json().writeArrayFieldStart("Endpoints");
    out.json().writeStartObject();
    out.json().writeStringField("Address", host);
    out.json().writeNumberField("CachePeriodInMinutes", CACHE_PERIOD_MINUTES);
    out.json().writeEndObject();
    out.json().writeEndArray();
    out.json().writeEndObject();
    return out.finish();
  }
}
