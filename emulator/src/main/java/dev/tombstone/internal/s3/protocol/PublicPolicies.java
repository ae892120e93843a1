package dev.tombstone.internal.s3.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * S3's meaning of a public bucket policy: a statement that allows a wildcard principal
 * ({@code "*"}, {@code {"AWS": "*"}} or any NotPrincipal) is public unless a condition fixes
 * who or where the request comes from: a fixed value of one of the keys below, an
 * {@code s3:DataAccessPointArn} of one account's access points ({@code
 * arn:aws:s3:us-west-2:123456789012:accesspoint/*}), or {@code aws:SourceIp} limited to ranges no
 * broader than /8 (IPv4) or /32 (IPv6), as the S3 User Guide's "meaning of public" defines it.
 */
final class PublicPolicies {
  private static final Set<String> FIXING_KEYS = Set.of("aws:sourcearn", "aws:sourcevpc",
      "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount", "aws:sourceorgid",
      "aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:userid",
      "s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:dataaccesspointarn",
      "s3:dataaccesspointaccount");
  private static final String ACCESS_POINT_ARN = "s3:dataaccesspointarn";
  private static final Pattern ONE_ACCOUNTS_ACCESS_POINTS =
      Pattern.compile("arn:aws:s3:[a-z0-9-]+:\\d{12}:accesspoint/.*");
  private static final int WIDEST_IPV4_PREFIX = 8;
  private static final int WIDEST_IPV6_PREFIX = 32;

  private PublicPolicies() {}

  static boolean isPublic(Map<?, ?> statement) {
    if (!"Allow".equals(statement.get("Effect"))) {
      return false;
    }
    boolean anyone = statement.containsKey("NotPrincipal")
        || isWildcard(statement.get("Principal"));
    return anyone && !limited(statement.get("Condition"));
  }

  private static boolean isWildcard(Object principal) {
    if ("*".equals(principal)) {
      return true;
    }
    return principal instanceof Map<?, ?> types && types.get("AWS") != null
        && PolicyDocument.values(types.get("AWS")).contains("*");
  }

  /** Whether one condition of the statement fixes its requester. */
  private static boolean limited(Object condition) {
    if (!(condition instanceof Map<?, ?> operators)) {
      return false;
    }
    for (Map.Entry<?, ?> operator : operators.entrySet()) {
      String name = String.valueOf(operator.getKey());
      if (name.contains("Not") || name.startsWith("Null")
          || !(operator.getValue() instanceof Map<?, ?> keys)) {
        continue;
      }
      for (Map.Entry<?, ?> key : keys.entrySet()) {
        String keyName = String.valueOf(key.getKey()).toLowerCase(Locale.ROOT);
        List<Object> values = PolicyDocument.values(key.getValue());
        if (FIXING_KEYS.contains(keyName) && values.stream().allMatch(PublicPolicies::fixed)) {
          return true;
        }
        if (keyName.equals(ACCESS_POINT_ARN)
            && values.stream().allMatch(PublicPolicies::oneAccountsAccessPoints)) {
          return true;
        }
        if (keyName.equals("aws:sourceip") && name.endsWith("IpAddress")
            && values.stream().allMatch(PublicPolicies::narrowRange)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean fixed(Object value) {
    return value instanceof String text && !text.isEmpty() && text.indexOf('*') < 0
        && text.indexOf('?') < 0;
  }

  // The name of the access point may be a pattern as long as the account is fixed.
  private static boolean oneAccountsAccessPoints(Object value) {
    return value instanceof String arn && ONE_ACCOUNTS_ACCESS_POINTS.matcher(arn).matches();
  }

  /**
   * A single address, or a range no broader than /8 (IPv4) or /32 (IPv6). S3 exempts the RFC 1918
   * private ranges, but the widest of them is a /8, so none is broader than the limit anyway.
   */
  private static boolean narrowRange(Object value) {
    if (!(value instanceof String cidr)) {
      return false;
    }
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return true;
    }
    String prefix = cidr.substring(slash + 1).trim();
    if (prefix.isEmpty() || prefix.length() > 3
        || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    int widest = cidr.indexOf(':') >= 0 ? WIDEST_IPV6_PREFIX : WIDEST_IPV4_PREFIX;
    return Integer.parseInt(prefix) >= widest;
  }
}
