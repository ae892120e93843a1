package dev.tombstone.internal.dynamodb.protocol;

/**
 * A {@code ProvisionedThroughput} member as CreateTable and UpdateTable read it: both units, or
 * none when the member is absent (or a unit is missing, which the constraints report).
 */
record Throughput(Long read, Long write) {
  static final Throughput ABSENT = new Throughput(null, null);

  /** Reads {@code throughput} (null when absent) and adds its model constraints. */
  static Throughput read(Json.Obj throughput, Constraints constraints) {
    if (throughput == null) {
      return ABSENT;
    }
    Long read = Members.longValue(throughput, "ReadCapacityUnits");
    Long write = Members.longValue(throughput, "WriteCapacityUnits");
    constraints.notNull("provisionedThroughput.writeCapacityUnits", write);
    constraints.notNull("provisionedThroughput.readCapacityUnits", read);
    constraints.atLeast("provisionedThroughput.readCapacityUnits", read, 1);
    constraints.atLeast("provisionedThroughput.writeCapacityUnits", write, 1);
    return new Throughput(read, write);
  }
}
