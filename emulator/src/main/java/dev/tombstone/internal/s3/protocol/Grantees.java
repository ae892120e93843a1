package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Grant.Grantee;
import dev.tombstone.s3.Owner;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical user ids and group URIs S3 accepts in an ACL, whether a grant header or a
 * policy document names them.
 */
final class Grantees {
  private static final Set<String> GROUPS =
      Set.of(Grantee.ALL_USERS, Grantee.AUTHENTICATED_USERS, Grantee.LOG_DELIVERY);
  // S3 accepts upper-case hex digits in an id as well.
  private static final Pattern CANONICAL_ID = Pattern.compile("[0-9a-fA-F]{64}");

  private Grantees() {}

  /**
   * A canonical user. The emulator knows one account, but an ACL may name any other: an id of
   * S3's shape (64 hex digits) is accepted, as is the configured owner's, whatever its shape.
   *
   * @param displayName the display name the request gave, if any
   * @param argumentName how S3 names the id in the error: {@code id} for a grant header,
   *     {@code CanonicalUser/ID} for a policy document
   * @throws WireError InvalidArgument "Invalid id" for any other text
   */
  static Grantee canonicalUser(String id, Optional<String> displayName, Owner owner,
      String argumentName) {
    if (id.equals(owner.id())) {
      return new Grantee(Grantee.Type.CANONICAL_USER, id, displayName.or(
          () -> Optional.of(owner.displayName())));
    }
    if (!CANONICAL_ID.matcher(id).matches()) {
      throw WireError.invalidArgument("Invalid id", argumentName, id);
    }
    return new Grantee(Grantee.Type.CANONICAL_USER, id, displayName);
  }

  /**
   * One of S3's predefined groups.
   *
   * @param argumentName how S3 names the URI in the error: {@code uri} for a grant header,
   *     {@code Group/URI} for a policy document
   * @throws WireError InvalidArgument "Invalid group uri" for any other URI
   */
  static Grantee group(String uri, String argumentName) {
    if (!GROUPS.contains(uri)) {
      throw WireError.invalidArgument("Invalid group uri", argumentName, uri);
    }
    return Grantee.group(uri);
  }
}
