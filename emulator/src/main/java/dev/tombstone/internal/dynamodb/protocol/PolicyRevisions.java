package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.internal.dynamodb.TableAttachments.ResourcePolicy;
import java.util.Optional;

/**
 * {@code ExpectedRevisionId} of PutResourcePolicy and DeleteResourcePolicy, and the
 * PolicyNotFoundException DynamoDB answers when the policy is not the one expected.
 */
final class PolicyRevisions {
  /** The expected revision that asks for no policy to be attached yet. */
  static final String NO_POLICY = "NO_POLICY";
  static final String POLICY_NOT_FOUND = "PolicyNotFoundException";
  private static final String NOT_FOUND = "Resource-based policy not found for the provided"
      + " ResourceArn: ";

  private PolicyRevisions() {}

  /** No policy is attached to {@code resourceArn}. */
  static StatementError notFound(String resourceArn) {
    return new StatementError(POLICY_NOT_FOUND, NOT_FOUND + resourceArn);
  }

  /**
   * Checks {@code expected} (null when the request has none) against the current policy.
   *
   * @throws StatementError PolicyNotFoundException when they differ
   */
  static void check(String expected, Optional<ResourcePolicy> current, PolicyTarget target) {
    if (expected == null) {
      return;
    }
    if (expected.equals(NO_POLICY)) {
      if (current.isPresent()) {
        throw new StatementError(POLICY_NOT_FOUND, NOT_FOUND + "Requested policy update"
            + " expecting none to be present for table " + target.tableName()
            + ", but a policy exists with revision id " + current.get().revisionId() + ".");
      }
      return;
    }
    if (current.isEmpty()) {
      throw notFound(target.resourceArn());
    }
    if (!current.get().revisionId().equals(expected)) {
      throw new StatementError(POLICY_NOT_FOUND, NOT_FOUND + "Requested update for policy with"
          + " revision id " + expected + ", but the policy associated to target table "
          + target.tableName() + " has revision id " + current.get().revisionId() + ".");
    }
  }

  /**
   * The revision id of a change now: DynamoDB's are epoch milliseconds, and they only grow, so
   * two changes in one millisecond still get two ids.
   */
  static String next(long nowMillis, Optional<ResourcePolicy> current) {
    long previous = current.map(p -> Long.parseLong(p.revisionId())).orElse(Long.MIN_VALUE);
    return Long.toString(Math.max(nowMillis, previous == Long.MIN_VALUE ? nowMillis
        : previous + 1));
  }
}
