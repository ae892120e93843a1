package dev.tombstone.internal.s3.protocol;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Holds a signed form to its POST policy, as S3 does: the policy must not have expired, every
 * condition must hold (field names case-insensitive, values case-sensitive; a condition on a
 * field the form lacks fails), and every field must be named by a condition but those S3
 * exempts (S3 developer guide, "POST Policy").
 */
final class PostPolicyCheck {
  /** The fields no condition needs to name (SigV4 and SigV2 lists of the developer guide). */
  private static final Set<String> EXEMPT =
      Set.of("x-amz-signature", "file", "policy", "awsaccesskeyid", "signature");
  private static final String IGNORED_PREFIX = "x-ignore-";

  private PostPolicyCheck() {}

  /**
   * @param form the form with {@code ${filename}} expanded
   * @param bucket the bucket the form was posted to, which a {@code bucket} condition names
   * @throws WireError AccessDenied for an expired policy, a failed condition or a field no
   *     condition names; EntityTooLarge or EntityTooSmall outside a content-length-range
   */
  static void check(PostPolicy policy, PostForm form, String bucket, Instant now) {
    if (now.isAfter(policy.expiration())) {
      throw PostErrors.expired();
    }
    Set<String> named = new HashSet<>();
    for (PostCondition condition : policy.conditions()) {
      if (condition instanceof PostCondition.Match match) {
        match.field().ifPresent(named::add);
        Optional<String> actual = match.field()
            .flatMap(field -> field.equals("bucket") ? Optional.of(bucket) : form.field(field));
        if (actual.isEmpty() || !holds(match, actual.get())) {
          throw PostErrors.conditionFailed(match.printed());
        }
      } else if (condition instanceof PostCondition.LengthRange range) {
        checkLength(range, form.file().remaining());
      }
    }
    for (PostForm.Field field : form.fields()) {
      String name = field.name().toLowerCase(Locale.ROOT);
      if (!EXEMPT.contains(name) && !name.startsWith(IGNORED_PREFIX) && !named.contains(name)) {
        throw PostErrors.extraField(field.name());
      }
    }
  }

  private static boolean holds(PostCondition.Match match, String actual) {
    if (!match.startsWith()) {
      return actual.equals(match.value());
    }
    if (!match.field().orElse("").equals("content-type")) {
      return actual.startsWith(match.value());
    }
    // "Content-Types values for a starts-with condition that include commas are interpreted
    // as lists. Each value in the list must meet the condition."
    for (String type : actual.split(",", -1)) {
      if (!type.strip().startsWith(match.value())) {
        return false;
      }
    }
    return true;
  }

  private static void checkLength(PostCondition.LengthRange range, long size) {
    Optional<Long> min = range.min().value();
    Optional<Long> max = range.max().value();
    if (min.isEmpty() || max.isEmpty()) {
      throw PostErrors.conditionFailed(range.printed());
    }
    if (size > max.get()) {
      throw PostErrors.tooLarge(size, max.get());
    }
    if (size < min.get()) {
      throw PostErrors.tooSmall(size, min.get());
    }
  }
}
