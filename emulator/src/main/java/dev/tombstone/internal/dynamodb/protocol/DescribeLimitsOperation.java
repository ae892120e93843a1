package dev.tombstone.internal.dynamodb.protocol;

import java.nio.charset.StandardCharsets;

/**
 * DescribeLimits of API 2012-08-10: the account's default provisioned-capacity quotas. Like
 * DynamoDB (and DynamoDB Local 3.3.1) it reads no member of the request.
 */
final class DescribeLimitsOperation {
  // AWS's default quotas per Region; DynamoDB Local 3.3.1 answers these bytes.
  private static final byte[] LIMITS = ("{\"AccountMaxReadCapacityUnits\":80000,"
      + "\"AccountMaxWriteCapacityUnits\":80000,\"TableMaxReadCapacityUnits\":40000,"
      + "\"TableMaxWriteCapacityUnits\":40000}").getBytes(StandardCharsets.UTF_8);

  byte[] handle(Json.Obj request) {
    return LIMITS.clone();
  }
}
