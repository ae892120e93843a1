package dev.tombstone.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * One grant of an access control list: who gets which permission.
 *
 * @param grantee the grantee
 * @param permission {@code FULL_CONTROL}, {@code WRITE}, {@code WRITE_ACP}, {@code READ} or
 *     {@code READ_ACP}
 */
public record Grant(Grantee grantee, Permission permission) {
  public Grant {
    Objects.requireNonNull(grantee, "grantee");
    Objects.requireNonNull(permission, "permission");
  }

  /** The permissions S3 grants. */
  public enum Permission {
    FULL_CONTROL,
    WRITE,
    WRITE_ACP,
    READ,
    READ_ACP
  }

  /**
   * Who a grant is for.
   *
   * @param type how {@code value} identifies the grantee
   * @param value the canonical user id, the group URI, or the e-mail address
   * @param displayName a canonical user's display name, when known
   */
  public record Grantee(Type type, String value, Optional<String> displayName) {
    /** S3's group of every anonymous and authenticated requester. */
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    /** S3's group of every authenticated AWS account. */
    public static final String AUTHENTICATED_USERS =
        "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    /** S3's log delivery group. */
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    public Grantee {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(displayName, "displayName");
    }

    /** The kinds of grantee, named as the {@code xsi:type} of S3's XML. */
    public enum Type {
      CANONICAL_USER("CanonicalUser"),
      GROUP("Group"),
      EMAIL("AmazonCustomerByEmail");

      private final String xsiType;

      Type(String xsiType) {
        this.xsiType = xsiType;
      }

      /** The {@code xsi:type} value. */
      public String xsiType() {
        return xsiType;
      }
    }

    /** The owner as a grantee. */
    public static Grantee of(Owner owner) {
      return new Grantee(Type.CANONICAL_USER, owner.id(), Optional.of(owner.displayName()));
    }

    /** A group by its URI. */
    public static Grantee group(String uri) {
      return new Grantee(Type.GROUP, uri, Optional.empty());
    }
  }
}
