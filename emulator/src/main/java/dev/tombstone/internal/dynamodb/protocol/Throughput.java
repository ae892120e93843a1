package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.DynamoDbError;

/**
 * A {@code ProvisionedThroughput} member as CreateTable and UpdateTable read it, for the table or
 * a global secondary index: both units, or none when the member is absent (or a unit is
 * missing, which the constraints report).
 */
record Throughput(Long read, Long write) {
  static final Throughput ABSENT = new Throughput(null, null);
  /** The most units DynamoDB accepts in a request, whatever the account's quota. */
  static final long MAX_UNITS = 1_000_000_000_000L;

  /** Reads the table's {@code throughput} (null when absent) and adds its model constraints. */
  static Throughput read(Json.Obj throughput, Constraints constraints) {
    return read(throughput, "provisionedThroughput", constraints);
  }

  /**
   * Reads {@code throughput} (null when absent) and adds its model constraints, reported at
   * {@code path} (such as {@code globalSecondaryIndexes.1.member.provisionedThroughput}).
   */
  static Throughput read(Json.Obj throughput, String path, Constraints constraints) {
    if (throughput == null) {
      return ABSENT;
    }
    Long read = Members.longValue(throughput, "ReadCapacityUnits");
    Long write = Members.longValue(throughput, "WriteCapacityUnits");
    constraints.notNull(path + ".writeCapacityUnits", write);
    constraints.notNull(path + ".readCapacityUnits", read);
    // Write before read, for values as for missing units (ack-api-quirks DDB-TABLE-038 and
    // DDB-TABLE-058: AWS's CreateTable and UpdateTable answers, 2026).
    constraints.atLeast(path + ".writeCapacityUnits", write, 1);
    constraints.atLeast(path + ".readCapacityUnits", read, 1);
    return new Throughput(read, write);
  }

  /**
   * Refuses units above {@link #MAX_UNITS}, reads first; DynamoDB checks this after the model's
   * constraints, with a message of its own.
   */
  void checkBounds() {
    checkBound("ReadCapacityUnits", read);
    checkBound("WriteCapacityUnits", write);
  }

  /** Whether either unit is above DynamoDB's bound. */
  boolean exceedsBounds() {
    return (read != null && read > MAX_UNITS) || (write != null && write > MAX_UNITS);
  }

  private static void checkBound(String member, Long units) {
    if (units != null && units > MAX_UNITS) {
      throw new DynamoDbError.Validation(
          "Given value " + units + " for " + member + " is out of bounds");
    }
  }
}
