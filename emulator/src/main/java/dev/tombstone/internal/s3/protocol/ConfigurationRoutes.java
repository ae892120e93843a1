package dev.tombstone.internal.s3.protocol;

/**
 * Picks the operation for the subresources of the stored bucket documents: {@code ?policy},
 * {@code ?policyStatus}. Each answers MethodNotAllowed to a method it does not serve.
 */
final class ConfigurationRoutes {
  private ConfigurationRoutes() {}

  static boolean selects(QueryParameters query) {
    return query.has("policy") || query.has("policyStatus");
  }

  /** The operation on a bucket, or null when the method is not allowed. */
  static Operation bucket(String method, QueryParameters query) {
    if (query.has("policyStatus")) {
      return method.equals("GET") ? Operation.GET_BUCKET_POLICY_STATUS : null;
    }
    return pick(method, Operation.GET_BUCKET_POLICY, Operation.PUT_BUCKET_POLICY,
        Operation.DELETE_BUCKET_POLICY);
  }

  private static Operation pick(String method, Operation get, Operation put, Operation delete) {
    return switch (method) {
      case "GET" -> get;
      case "PUT" -> put;
      case "DELETE" -> delete;
      default -> null;
    };
  }
}
