package dev.tombstone.internal.s3.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bucket policy checked as PutBucketPolicy checks it: JSON whose first byte is {@code '{'},
 * at most {@link #MAX_SIZE} bytes without whitespace, a Statement, and in each statement a valid
 * Effect, Principal, Action and a Resource naming this bucket that the actions apply to.
 * Anything else is MalformedPolicy with S3's text.
 *
 * @param isPublic whether S3 would call the policy public (see {@link PublicPolicies})
 */
record PolicyDocument(boolean isPublic) {
  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
  private static final String ARN_PREFIX = "arn:aws:s3:::";
  private static final Pattern AWS_PRINCIPAL = Pattern.compile(
      "\\*|\\d{12}|arn:aws:(iam|sts)::\\d{12}:.+");
  private static final Pattern CANONICAL_USER = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Set<String> PRINCIPAL_TYPES =
      Set.of("AWS", "Service", "CanonicalUser", "Federated");

  static final String FIRST_BYTE =
      "Policies must be valid JSON and the first byte must be '{'";
  static final String INVALID_JSON = "This policy contains invalid Json";
  static final String EMPTY_STATEMENT = "Could not parse the policy: Statement is empty!";
  static final String INVALID_VERSION = "The policy must contain a valid version string";
  static final String INVALID_PRINCIPAL = "Invalid principal in policy";
  static final String INVALID_ACTION = "Policy has invalid action";
  static final String INVALID_RESOURCE = "Policy has invalid resource";
  static final String RESOURCE_MISMATCH = "Action does not apply to any resource(s) in statement";
  static final String TOO_LARGE = "Policy exceeds the maximum allowed document size.";
  /** S3's limit on a bucket policy, 20 KB, counted without the whitespace between tokens. */
  static final int MAX_SIZE = 20 * 1024;

  /** @throws WireError MalformedPolicy */
  static PolicyDocument parse(byte[] document, String bucket) {
    if (document.length == 0 || document[0] != '{') {
      throw BucketDocumentErrors.malformedPolicy(FIRST_BYTE);
    }
    Object root = PolicyJson.parse(document)
        .orElseThrow(() -> BucketDocumentErrors.malformedPolicy(INVALID_JSON));
    if (PolicyJson.compactLength(document) > MAX_SIZE) {
      throw BucketDocumentErrors.malformedPolicy(TOO_LARGE);
    }
    Map<?, ?> policy = (Map<?, ?>) root;
    Object version = policy.get("Version");
    if (version != null && !VERSIONS.contains(version)) {
      throw BucketDocumentErrors.malformedPolicy(INVALID_VERSION);
    }
    List<Map<?, ?>> statements = statements(policy);
    boolean isPublic = false;
    for (Map<?, ?> statement : statements) {
      checkStatement(statement, bucket);
      isPublic |= PublicPolicies.isPublic(statement);
    }
    return new PolicyDocument(isPublic);
  }

  private static List<Map<?, ?>> statements(Map<?, ?> policy) {
    if (!policy.containsKey("Statement")) {
      throw BucketDocumentErrors.malformedPolicy("Missing required field Statement");
    }
    List<Object> values = values(policy.get("Statement"));
    if (values.isEmpty()) {
      throw BucketDocumentErrors.malformedPolicy(EMPTY_STATEMENT);
    }
    List<Map<?, ?>> statements = new ArrayList<>();
    for (Object value : values) {
      if (!(value instanceof Map<?, ?> statement)) {
        throw BucketDocumentErrors.malformedPolicy(INVALID_JSON);
      }
      statements.add(statement);
    }
    return statements;
  }

  private static void checkStatement(Map<?, ?> statement, String bucket) {
    Object effect = required(statement, "Effect", "Effect");
    if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
      throw BucketDocumentErrors.malformedPolicy("Invalid effect: " + text(effect));
    }
    checkPrincipal(required(statement, "Principal", "NotPrincipal"));
    List<String> actions = strings(required(statement, "Action", "NotAction"), INVALID_ACTION);
    List<String> resources =
        strings(required(statement, "Resource", "NotResource"), INVALID_RESOURCE);
    boolean bucketResource = false;
    boolean objectResource = false;
    for (String resource : resources) {
      String name = resource.startsWith(ARN_PREFIX) ? resource.substring(ARN_PREFIX.length())
          : null;
      int slash = name == null ? -1 : name.indexOf('/');
      String bucketPart = slash < 0 ? name : name.substring(0, slash);
      if (bucketPart == null || !Globs.matches(bucketPart, bucket)) {
        throw BucketDocumentErrors.malformedPolicy(INVALID_RESOURCE);
      }
      // A star in the bucket part may stand for "bucket/key" as well.
      bucketResource |= slash < 0;
      objectResource |= slash >= 0 || bucketPart.indexOf('*') >= 0;
    }
    List<PolicyActions.Applies> applies = new ArrayList<>();
    for (String action : actions) {
      PolicyActions.Applies applied = PolicyActions.of(action);
      if (!applied.any()) {
        throw BucketDocumentErrors.malformedPolicy(INVALID_ACTION);
      }
      applies.add(applied);
    }
    if (statement.containsKey("Action") && statement.containsKey("Resource")) {
      for (PolicyActions.Applies applied : applies) {
        if (!(applied.bucket() && bucketResource) && !(applied.object() && objectResource)) {
          throw BucketDocumentErrors.malformedPolicy(RESOURCE_MISMATCH);
        }
      }
    }
  }

  private static Object required(Map<?, ?> statement, String name, String negated) {
    Object value = statement.containsKey(name) ? statement.get(name) : statement.get(negated);
    if (value == null) {
      throw BucketDocumentErrors.malformedPolicy("Missing required field " + name);
    }
    return value;
  }

  private static void checkPrincipal(Object principal) {
    if ("*".equals(principal)) {
      return;
    }
    if (!(principal instanceof Map<?, ?> types) || types.isEmpty()) {
      throw BucketDocumentErrors.malformedPolicy(INVALID_PRINCIPAL);
    }
    for (Map.Entry<?, ?> entry : types.entrySet()) {
      if (!PRINCIPAL_TYPES.contains(entry.getKey())) {
        throw BucketDocumentErrors.malformedPolicy(INVALID_PRINCIPAL);
      }
      for (String id : strings(entry.getValue(), INVALID_PRINCIPAL)) {
        boolean valid = switch ((String) entry.getKey()) {
          case "AWS" -> AWS_PRINCIPAL.matcher(id).matches();
          case "CanonicalUser" -> CANONICAL_USER.matcher(id).matches();
          default -> !id.isBlank();
        };
        if (!valid) {
          throw BucketDocumentErrors.malformedPolicy(INVALID_PRINCIPAL);
        }
      }
    }
  }

  /** A string or a non-empty array of strings; otherwise MalformedPolicy {@code message}. */
  static List<String> strings(Object value, String message) {
    List<String> strings = new ArrayList<>();
    for (Object element : values(value)) {
      if (!(element instanceof String text)) {
        throw BucketDocumentErrors.malformedPolicy(message);
      }
      strings.add(text);
    }
    if (strings.isEmpty()) {
      throw BucketDocumentErrors.malformedPolicy(message);
    }
    return strings;
  }

  static List<Object> values(Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    List<Object> one = new ArrayList<>();
    one.add(value);
    return one;
  }

  private static String text(Object value) {
    return value instanceof String s ? s : String.valueOf(value);
  }
}
