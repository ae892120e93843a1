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
   */
  record Target(String resource, String key) {}
}
