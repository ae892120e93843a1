package dev.tombstone.internal.server;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.internal.dynamodb.protocol.DynamoDbJsonProtocol;
import dev.tombstone.internal.s3.protocol.S3RequestNames;
import java.time.Clock;
import dev.tombstone.faults.FaultRule.Service;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The errors a fault can answer, per service, with AWS's status, type prefix and message. */
final class ErrorCatalog {
  static final String DYNAMODB_2012 = "com.amazonaws.dynamodb.v20120810#";
  static final String DYNAMODB_2011 = "com.amazonaws.dynamodb.v20111205#";
  static final String AVAILABILITY = "com.amazon.coral.availability#";
  static final String TRANSACTION_CANCELED = "TransactionCanceledException";
  static final String CONFLICT_MESSAGE = "Transaction is ongoing for the item";

  /**
   * One error.
   *
   * @param prefix the {@code __type} prefix; null means the API version's service prefix
   */
  record Known(int status, String prefix, String message) {}

  private static final Map<String, Known> DYNAMODB = Map.of(
      "ProvisionedThroughputExceededException", new Known(400, null,
          "The level of configured provisioned throughput for the table was exceeded. Consider"
              + " increasing your provisioning level with the UpdateTable API."),
      "ThrottlingException", new Known(400, AVAILABILITY,
          "Rate of requests exceeds the allowed throughput."),
      "RequestLimitExceeded", new Known(400, null,
          "Throughput exceeds the current throughput limit for your account. Please contact AWS"
              + " Support at https://aws.amazon.com/support request a limit increase"),
      "InternalServerError", new Known(500, null, "Internal server error"),
      "TransactionConflictException", new Known(400, null, CONFLICT_MESSAGE),
      TRANSACTION_CANCELED, new Known(400, null,
          "Transaction cancelled, please refer cancellation reasons for specific reasons"));

  private static final Map<String, Known> S3 = Map.of(
      "SlowDown", new Known(503, null, "Please reduce your request rate."),
      "InternalError", new Known(500, null, "We encountered an internal error. Please try again."),
      "ServiceUnavailable", new Known(503, null, "Service is unable to handle request."));

  // The protocols' own lists, so a rule can name every operation they serve.
  static final Set<String> DYNAMODB_OPERATIONS;
  /** What API 2011-12-05 serves; its other operations get UnknownOperationException. */
  static final Set<String> DYNAMODB_2011_OPERATIONS;

  static {
    DynamoDbJsonProtocol protocol =
        new DynamoDbJsonProtocol(new DynamoDbState("us-east-1", Clock.systemUTC()));
    DYNAMODB_OPERATIONS = new TreeSet<>(protocol.operationNames());
    DYNAMODB_2011_OPERATIONS = new TreeSet<>(protocol.legacyOperationNames());
  }

  static final Set<String> S3_OPERATIONS = S3RequestNames.operationNames();

  private ErrorCatalog() {}

  static Optional<Known> find(Service service, String code) {
    return Optional.ofNullable((service == Service.DYNAMODB ? DYNAMODB : S3).get(code));
  }

  static Set<String> codes(Service service) {
    return new java.util.TreeSet<>((service == Service.DYNAMODB ? DYNAMODB : S3).keySet());
  }

  static Set<String> operations(Service service) {
    return service == Service.DYNAMODB ? DYNAMODB_OPERATIONS : S3_OPERATIONS;
  }

  static String throttlingCode(Service service) {
    return service == Service.DYNAMODB ? "ProvisionedThroughputExceededException" : "SlowDown";
  }
}
