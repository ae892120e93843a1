package dev.tombstone.internal.auth;

/**
 * Which access key ids strict mode can match. A SigV4 {@code Authorization} header carries the
 * key id inside {@code Credential=<key>/<date>/<region>/<service>/aws4_request}, whose parameters
 * are split on commas and blanks and whose scope is split on slashes, and header bytes outside
 * printable ASCII are not read back as the characters a client meant. A key id with any of those
 * could never sign a request that strict mode accepts, so the builder refuses it up front.
 *
 * <p>Internal: used by {@code Tombstone.Builder.credentials}.
 */
public final class AccessKeyIds {
  private AccessKeyIds() {}

  /** Whether requests signed with {@code accessKeyId} can be matched against it. */
  public static boolean usable(String accessKeyId) {
    if (accessKeyId.isEmpty()) {
      return false;
    }
    for (int i = 0; i < accessKeyId.length(); i++) {
      char c = accessKeyId.charAt(i);
      if (c <= ' ' || c > '~' || c == ',' || c == '/') {
        return false;
      }
    }
    return true;
  }
}
