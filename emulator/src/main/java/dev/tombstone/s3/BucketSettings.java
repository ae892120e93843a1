package dev.tombstone.s3;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of one bucket besides versioning: its ACL, Object Ownership, public access
 * block, bucket tags, ABAC status, MFA delete and the configurations it stores (policy, CORS,
 * encryption, website and the others). Each field is replaced whole, so readers never see half
 * of a change.
 */
final class BucketSettings {
  private final Owner owner;
  private volatile AccessControlList acl;
  private volatile Optional<ObjectOwnership> ownership;
  private volatile Optional<PublicAccessBlock> publicAccessBlock =
      Optional.of(PublicAccessBlock.ALL_BLOCKED);
  private volatile Optional<Map<String, String>> tags = Optional.empty();
  private volatile boolean mfaDelete;
  private volatile boolean abac;
  private final IdConfigurations idConfigurations = new IdConfigurations();
  private final BucketConfigurations configurations = new BucketConfigurations();

  BucketSettings(Owner owner, AccessControlList acl, ObjectOwnership ownership) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.acl = Objects.requireNonNull(acl, "acl");
    this.ownership = Optional.of(ownership);
  }

  Owner owner() {
    return owner;
  }

  AccessControlList acl() {
    return acl;
  }

  void acl(AccessControlList newAcl) {
    acl = Objects.requireNonNull(newAcl, "acl");
  }

  Optional<ObjectOwnership> ownership() {
    return ownership;
  }

  void ownership(Optional<ObjectOwnership> newOwnership) {
    ownership = Objects.requireNonNull(newOwnership, "ownership");
  }

  /** ACLs are disabled unless ownership controls say otherwise; none at all means ObjectWriter. */
  boolean aclsDisabled() {
    return ownership.filter(ObjectOwnership.BUCKET_OWNER_ENFORCED::equals).isPresent();
  }

  Optional<PublicAccessBlock> publicAccessBlock() {
    return publicAccessBlock;
  }

  void publicAccessBlock(Optional<PublicAccessBlock> block) {
    publicAccessBlock = Objects.requireNonNull(block, "block");
  }

  Optional<Map<String, String>> tags() {
    return tags;
  }

  void tags(Optional<Map<String, String>> newTags) {
    tags = newTags.map(t -> Collections.unmodifiableMap(new LinkedHashMap<>(t)));
  }

  boolean mfaDelete() {
    return mfaDelete;
  }

  void mfaDelete(boolean enabled) {
    mfaDelete = enabled;
  }

  /** Whether attribute-based access control (PutBucketAbac) is on; off for a new bucket. */
  boolean abac() {
    return abac;
  }

  void abac(boolean enabled) {
    abac = enabled;
  }

  /** Analytics, inventory, metrics and Intelligent-Tiering configurations, by id. */
  IdConfigurations idConfigurations() {
    return idConfigurations;
  }

  /** Notification, logging, request payment, acceleration and replication settings. */
  BucketConfigurations configurations() {
    return configurations;
  }
}
