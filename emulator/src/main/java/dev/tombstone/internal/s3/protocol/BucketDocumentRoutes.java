package dev.tombstone.internal.s3.protocol;

/**
 * Picks the operation for the subresources of the stored bucket documents: {@code ?policy},
 * {@code ?policyStatus}, {@code ?cors}, {@code ?encryption}, {@code ?website}. Each answers
 * MethodNotAllowed to a method it does not serve.
 */
final class BucketDocumentRoutes {
  private BucketDocumentRoutes() {}

  static boolean selects(QueryParameters query) {
    return query.has("policy") || query.has("policyStatus") || query.has("cors")
        || query.has("encryption") || query.has("website");
  }

  /** The operation on a bucket, or null when the method is not allowed. */
  static Operation bucket(String method, QueryParameters query) {
    if (query.has("policyStatus")) {
      return method.equals("GET") ? Operation.GET_BUCKET_POLICY_STATUS : null;
    }
    if (query.has("website")) {
      return Routes.pick(method, Operation.GET_BUCKET_WEBSITE, Operation.PUT_BUCKET_WEBSITE,
          Operation.DELETE_BUCKET_WEBSITE);
    }
    if (query.has("encryption")) {
      return Routes.pick(method, Operation.GET_BUCKET_ENCRYPTION, Operation.PUT_BUCKET_ENCRYPTION,
          Operation.DELETE_BUCKET_ENCRYPTION);
    }
    if (query.has("cors")) {
      return Routes.pick(method, Operation.GET_BUCKET_CORS, Operation.PUT_BUCKET_CORS,
          Operation.DELETE_BUCKET_CORS);
    }
    return Routes.pick(method, Operation.GET_BUCKET_POLICY, Operation.PUT_BUCKET_POLICY,
        Operation.DELETE_BUCKET_POLICY);
  }
}
