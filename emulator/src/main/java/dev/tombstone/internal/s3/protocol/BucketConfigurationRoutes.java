package dev.tombstone.internal.s3.protocol;

/**
 * The bucket subresources of the configurations that are stored and returned only:
 * {@code ?notification}, {@code ?logging}, {@code ?requestPayment}, {@code ?accelerate},
 * {@code ?replication} and {@code ?abac}.
 */
final class BucketConfigurationRoutes {
  private BucketConfigurationRoutes() {}

  static boolean handles(QueryParameters query) {
    return query.has("notification") || query.has("logging") || query.has("requestPayment")
        || query.has("accelerate") || query.has("replication") || query.has("abac");
  }

  /** The operation, or null when the method is not allowed on the subresource. */
  static Operation select(String method, QueryParameters query) {
    if (query.has("notification")) {
      return Routes.pick(method, Operation.GET_BUCKET_NOTIFICATION_CONFIGURATION,
          Operation.PUT_BUCKET_NOTIFICATION_CONFIGURATION, null);
    }
    if (query.has("logging")) {
      return Routes.pick(method, Operation.GET_BUCKET_LOGGING, Operation.PUT_BUCKET_LOGGING, null);
    }
    if (query.has("requestPayment")) {
      return Routes.pick(method, Operation.GET_BUCKET_REQUEST_PAYMENT,
          Operation.PUT_BUCKET_REQUEST_PAYMENT, null);
    }
    if (query.has("abac")) {
      return Routes.pick(method, Operation.GET_BUCKET_ABAC, Operation.PUT_BUCKET_ABAC, null);
    }
    if (query.has("replication")) {
      return Routes.pick(method, Operation.GET_BUCKET_REPLICATION, Operation.PUT_BUCKET_REPLICATION,
          Operation.DELETE_BUCKET_REPLICATION);
    }
    return Routes.pick(method, Operation.GET_BUCKET_ACCELERATE_CONFIGURATION,
        Operation.PUT_BUCKET_ACCELERATE_CONFIGURATION, null);
  }
}
