package dev.tombstone.internal.server;

import dev.tombstone.faults.FaultRule.Service;
import java.util.List;

/**
 * What the fault layer knows of a request: service, operation and what it touches.
 *
 * @param operation the AWS operation name, e.g. {@code DeleteItem}
 * @param targets one per item, write request, transaction action or object key, in request
 *     order; for requests on a table or bucket as a whole, one target without a key
 */
record RequestFacts(Service service, String operation, List<Target> targets) {
  RequestFacts {
    targets = List.copyOf(targets);
  }

  /**
   * One thing a request touches.
   *
   * @param resource the table or bucket
   * @param key the S3 key or the partition key value as text; null when unknown or none
   * @param numberKey whether the key is a DynamoDB Number, which rules match by value
   */
  record Target(String resource, String key, boolean numberKey) {
    /** A target whose key, if any, is text: an S3 key, or an S or B partition key. */
    Target(String resource, String key) {
      this(resource, key, false);
    }
  }
}
