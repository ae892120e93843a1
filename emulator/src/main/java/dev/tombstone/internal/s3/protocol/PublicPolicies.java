package dev.tombstone.internal.s3.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * S3's meaning of a public bucket policy: a statement that allows a wildcard principal
 * ({@code "*"}, {@code {"AWS": "*"}} or any NotPrincipal) is public unless a condition fixes
 * who or where the request comes from: a fixed value of one of the keys below, or
 * {@code aws:SourceIp} limited to address ranges smaller than the whole internet.
 */
final class PublicPolicies {
  private static final Set<String> FIXING_KEYS = Set.of("aws:sourcearn", "aws:sourcevpc",
      "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount", "aws:sourceorgid",
      "aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:userid",
      "s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:dataaccesspointarn",
      "s3:dataaccesspointaccount");

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

  private static boolean narrowRange(Object value) {
    if (!(value instanceof String cidr)) {
      return false;
    }
    int slash = cidr.indexOf('/');
    return slash < 0 || !cidr.substring(slash + 1).trim().equals("0");
  }
}
