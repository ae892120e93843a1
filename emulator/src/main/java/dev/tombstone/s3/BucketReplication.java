package dev.tombstone.s3;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bucket's replication configuration (PutBucketReplication); stored and returned, nothing is
 * replicated.
 *
 * @param role the IAM role ARN S3 would assume
 * @param rules the rules, in request order
 */
public record BucketReplication(String role, List<Rule> rules) {
  public BucketReplication {
    Objects.requireNonNull(role, "role");
    rules = List.copyOf(rules);
  }

  /**
   * One rule. A rule with a {@code filter} follows S3's current schema (V2), one with a bare
   * {@code prefix} or neither the original one (V1).
   *
   * @param id the rule's id; S3 makes one up when the request has none
   * @param enabled its {@code Status}
   * @param prefix the V1 key prefix
   * @param deleteMarkerReplication the V2 {@code DeleteMarkerReplication} status
   * @param existingObjectReplication the {@code ExistingObjectReplication} status, if given
   */
  public record Rule(String id, Optional<Integer> priority, boolean enabled,
      Optional<String> prefix, Optional<Filter> filter, Destination destination,
      Optional<Boolean> deleteMarkerReplication, Optional<Boolean> existingObjectReplication) {
    public Rule {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(deleteMarkerReplication, "deleteMarkerReplication");
      Objects.requireNonNull(existingObjectReplication, "existingObjectReplication");
    }
  }

  /** A V2 rule's filter: a key prefix, object tags, or both. */
  public record Filter(Optional<String> prefix, Map<String, String> tags) {
    public Filter {
      Objects.requireNonNull(prefix, "prefix");
      tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
  }

  /**
   * Where a rule replicates to.
   *
   * @param bucketArn {@code arn:aws:s3:::name} of a bucket of this emulator
   * @param account the destination account, if given
   * @param storageClass the replicas' storage class, if given
   */
  public record Destination(String bucketArn, Optional<String> account,
      Optional<String> storageClass) {
    /** The prefix of every bucket ARN. */
    public static final String ARN_PREFIX = "arn:aws:s3:::";

    public Destination {
      Objects.requireNonNull(bucketArn, "bucketArn");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(storageClass, "storageClass");
    }

    /** The destination bucket's name. */
    public String bucket() {
      return bucketArn.startsWith(ARN_PREFIX) ? bucketArn.substring(ARN_PREFIX.length())
          : bucketArn;
    }
  }
}
