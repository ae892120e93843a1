package dev.tombstone.s3;

import dev.tombstone.s3.Grant.Grantee;
import dev.tombstone.s3.Grant.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An access control list as S3 stores it with a bucket or an object version. The emulator
 * stores and returns ACLs; it does not enforce them.
 *
 * <pre>{@code
 * AccessControlList acl = AccessControlList.canned(CannedAcl.PUBLIC_READ, owner);
 * acl.grants();   // owner FULL_CONTROL, AllUsers READ
 * }</pre>
 */
public record AccessControlList(Owner owner, List<Grant> grants) {
  public AccessControlList {
    Objects.requireNonNull(owner, "owner");
    grants = List.copyOf(grants);
  }

  /** {@code private}: the owner has full control, nobody else anything. */
  public static AccessControlList ownerFullControl(Owner owner) {
    return new AccessControlList(owner,
        List.of(new Grant(Grantee.of(owner), Permission.FULL_CONTROL)));
  }

  /** The grants a canned ACL stands for, as S3 expands them for a single-account owner. */
  public static AccessControlList canned(CannedAcl canned, Owner owner) {
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant(Grantee.of(owner), Permission.FULL_CONTROL));
    switch (canned) {
      case PUBLIC_READ -> grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), Permission.READ));
      case PUBLIC_READ_WRITE -> {
        grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), Permission.READ));
        grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), Permission.WRITE));
      }
      case AUTHENTICATED_READ -> grants.add(
          new Grant(Grantee.group(Grantee.AUTHENTICATED_USERS), Permission.READ));
      case LOG_DELIVERY_WRITE -> {
        grants.add(new Grant(Grantee.group(Grantee.LOG_DELIVERY), Permission.WRITE));
        grants.add(new Grant(Grantee.group(Grantee.LOG_DELIVERY), Permission.READ_ACP));
      }
      default -> { }
    }
    return new AccessControlList(owner, grants);
  }

  /** Whether only the owner holds anything: what a bucket with ACLs disabled may have. */
  public boolean grantsOnlyOwner() {
    for (Grant grant : grants) {
      if (grant.grantee().type() != Grantee.Type.CANONICAL_USER
          || !grant.grantee().value().equals(owner.id())) {
        return false;
      }
    }
    return true;
  }
}
