package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketLifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The transitions and expirations of one lifecycle rule that S3 refuses together: Days mixed
 * with Date, one storage class twice, a transition too soon after the one before it, and an
 * expiration not later than a transition. S3's texts
 * name the rule's filter, as in {@code for filter '(prefix=logs/)'}.
 */
final class TransitionCombinations {
  // The storage classes a lifecycle transition moves objects through, in the order the User
  // Guide's "supported transitions" waterfall allows.
  private static final List<String> WATERFALL = List.of("STANDARD_IA", "INTELLIGENT_TIERING",
      "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE");

  private TransitionCombinations() {}

  /** @throws WireError InvalidRequest or InvalidArgument, with S3's text */
  static void check(BucketLifecycle.Rule rule) {
    String filter = describe(rule.filter());
    List<BucketLifecycle.Transition> transitions = rule.transitions();
    boolean byDays = transitions.stream().anyMatch(t -> t.days().isPresent());
    boolean byDate = transitions.stream().anyMatch(t -> t.date().isPresent());
    if (byDays && byDate) {
      throw WireError.invalidRequest("Found mixed 'Date' and 'Days' based Transition actions in"
          + " lifecycle rule for filter '" + filter + "'");
    }
    checkDistinct(transitions.stream().map(BucketLifecycle.Transition::storageClass).toList(),
        "Transition", filter);
    if (byDays) {
      checkStays(transitions, filter);
    }
    rule.expiration().ifPresent(expiration -> checkExpiration(expiration, transitions, filter));
    List<BucketLifecycle.NoncurrentTransition> noncurrent = rule.noncurrentTransitions();
    checkDistinct(noncurrent.stream().map(BucketLifecycle.NoncurrentTransition::storageClass)
        .toList(), "NoncurrentVersionTransition", filter);
    rule.noncurrentExpiration().ifPresent(expiration -> {
      int days = expiration.noncurrentDays();
      if (noncurrent.stream().anyMatch(t -> t.noncurrentDays() >= days)) {
        throw WireError.invalidArgument("'NoncurrentDays' in the NoncurrentVersionExpiration"
            + " action for filter '" + filter + "' must be greater than 'NoncurrentDays' in the"
            + " NoncurrentVersionTransition action", "NoncurrentDays", Integer.toString(days));
      }
    });
  }

  // An ExpiredObjectDeleteMarker expiration has neither Days nor Date and is never compared.
  private static void checkExpiration(BucketLifecycle.Expiration expiration,
      List<BucketLifecycle.Transition> transitions, String filter) {
    if (transitions.isEmpty()) {
      return;
    }
    // The transitions agree with each other by now: all by Days or all by Date.
    boolean transitionsByDate = transitions.get(0).date().isPresent();
    if ((expiration.days().isPresent() && transitionsByDate)
        || (expiration.date().isPresent() && !transitionsByDate)) {
      throw WireError.invalidRequest("Found mixed 'Date' and 'Days' based Expiration and"
          + " Transition actions in lifecycle rule for filter '" + filter + "'");
    }
    if (expiration.days().isPresent()) {
      int days = expiration.days().getAsInt();
      if (transitions.stream().anyMatch(t -> t.days().getAsInt() >= days)) {
        throw notLater("Days", filter, Integer.toString(days));
      }
    }
    if (expiration.date().isPresent()) {
      Instant date = expiration.date().get();
      if (transitions.stream().anyMatch(t -> !t.date().get().isBefore(date))) {
        throw notLater("Date", filter, XmlDates.format(date));
      }
    }
  }

  private static WireError notLater(String field, String filter, String value) {
    return WireError.invalidArgument("'" + field + "' in the Expiration action for filter '"
        + filter + "' must be greater than '" + field + "' in the Transition action", field,
        value);
  }

  // An object stays in an infrequent-access class at least 30 days before a later transition of
  // the same rule moves it on, and in GLACIER or GLACIER_IR at least 90 before DEEP_ARCHIVE. S3's
  // answer for GLACIER -> DEEP_ARCHIVE is captured (terraform runs against S3) and quoted; the
  // other pairs take the same text with their own numbers.
  private static void checkStays(List<BucketLifecycle.Transition> transitions, String filter) {
    for (BucketLifecycle.Transition earlier : transitions) {
      for (BucketLifecycle.Transition later : transitions) {
        int stay = minimumStay(earlier.storageClass(), later.storageClass());
        int days = later.days().getAsInt();
        if (stay > 0 && days - earlier.days().getAsInt() < stay) {
          throw WireError.invalidArgument("'Days' in the 'Transition' action for StorageClass '"
              + later.storageClass() + "' for filter '" + filter + "' must be " + stay
              + " days more than 'filter '" + filter + "'' in the 'Transition' action for"
              + " StorageClass '" + earlier.storageClass() + "'", "Days", Integer.toString(days));
        }
      }
    }
  }

  // Days an object must spend in {@code from} before a transition to {@code to}; 0 when the
  // User Guide names no minimum, or {@code to} is not further down the waterfall.
  private static int minimumStay(String from, String to) {
    int fromRank = WATERFALL.indexOf(from);
    if (WATERFALL.indexOf(to) <= fromRank) {
      return 0;
    }
    return switch (from) {
      case "STANDARD_IA", "ONEZONE_IA" -> 30;
      case "GLACIER_IR", "GLACIER" -> to.equals("DEEP_ARCHIVE") ? 90 : 0;
      default -> 0;
    };
  }

  private static void checkDistinct(List<String> storageClasses, String action, String filter) {
    Set<String> seen = new HashSet<>();
    for (String storageClass : storageClasses) {
      if (!seen.add(storageClass)) {
        throw WireError.invalidRequest("'StorageClass' must be different for '" + action
            + "' actions in same 'Rule' with filter '" + filter + "'");
      }
    }
  }

  /**
   * The filter as S3's lifecycle texts render it: {@code (prefix=)} for every object, else its
   * conditions joined by {@code and}, e.g.
   * {@code (prefix=logs/ and tag={key=team, value=a} and objectsizegreaterthan=500)}.
   * Public answers quote the prefix form; the tag and size forms follow S3-compatible servers
   * that copy S3's texts.
   */
  static String describe(BucketLifecycle.Filter filter) {
    List<String> parts = new ArrayList<>();
    if (!filter.prefix().isEmpty()) {
      parts.add("prefix=" + filter.prefix());
    }
    for (BucketLifecycle.Tag tag : filter.tags()) {
      parts.add("tag={key=" + tag.key() + ", value=" + tag.value() + "}");
    }
    filter.sizeGreaterThan().ifPresent(size -> parts.add("objectsizegreaterthan=" + size));
    filter.sizeLessThan().ifPresent(size -> parts.add("objectsizelessthan=" + size));
    return parts.isEmpty() ? "(prefix=)" : "(" + String.join(" and ", parts) + ")";
  }
}
