package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;

/** The checks every Streams operation makes of a stream ARN. */
final class StreamArns {
  private StreamArns() {}

  /** The model's constraints of a {@code StreamArn} member. */
  static void constrain(Constraints constraints, String path, String arn, boolean required) {
    if (required) {
      constraints.notNull(path, arn);
    }
    constraints.lengthBetween(path, arn, 37, 1024);
  }

  /**
   * Refuses what is not shaped like a stream ARN: DynamoDB answers a ValidationException there,
   * and ResourceNotFoundException only for a well-formed ARN of no stream.
   */
  static void checkShape(String arn) {
    if (arn != null && !(arn.startsWith("arn:") && arn.contains(":table/")
        && arn.contains("/stream/"))) {
      throw new DynamoDbError.Validation("Invalid StreamArn");
    }
  }
}
