package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.AttributeValue;
import java.util.Map;

/**
 * Attribute values read from a request, with the first validation problem found in them. JSON
 * type errors fail at once (SerializationException); value problems such as an empty set wait
 * for their turn in DynamoDB's validation order, so they are carried here.
 *
 * @param values the valid values, in request order
 * @param problem DynamoDB's message for the first invalid value, or null
 * @param problemKey the map key under which the problem was found, or null
 */
record Decoded(Map<String, AttributeValue> values, String problem, String problemKey) {

  /** Throws the carried problem, if any, as DynamoDB reports it. */
  Map<String, AttributeValue> valid() {
    if (problem != null) {
      throw new dev.tombstone.dynamodb.DynamoDbError.Validation(problem);
    }
    return values;
  }
}
