package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketLifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Transition and NoncurrentVersionTransition actions of a lifecycle rule, in and out; the
 * lifecycle sweep performs them on the emulator's clock.
 */
final class LifecycleTransitions {
  private static final Set<String> STORAGE_CLASSES = Set.of("GLACIER", "STANDARD_IA",
      "ONEZONE_IA", "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR");
  // The infrequent-access classes take objects at least 30 days old (or noncurrent).
  private static final Set<String> THIRTY_DAYS_MINIMUM = Set.of("STANDARD_IA", "ONEZONE_IA");

  private LifecycleTransitions() {}

  static List<BucketLifecycle.Transition> transitions(XmlElement rule) {
    List<BucketLifecycle.Transition> transitions = new ArrayList<>();
    for (XmlElement element : rule.children("Transition")) {
      transitions.add(transition(element));
    }
    return transitions;
  }

  static List<BucketLifecycle.NoncurrentTransition> noncurrentTransitions(XmlElement rule) {
    List<BucketLifecycle.NoncurrentTransition> transitions = new ArrayList<>();
    for (XmlElement element : rule.children("NoncurrentVersionTransition")) {
      transitions.add(noncurrent(element));
    }
    return transitions;
  }

  private static BucketLifecycle.Transition transition(XmlElement element) {
    String storageClass = storageClass(element);
    OptionalInt days = LifecycleOperations.atLeast(element, "Days", 0,
        "'Days' in Transition action must be nonnegative");
    Optional<String> dateText = LifecycleOperations.text(element, "Date");
    Optional<Instant> date = dateText.map(text -> ObjectLockHeaders.instant(text)
        .orElseThrow(WireError::malformedXml));
    if (days.isPresent() == date.isPresent()) {
      throw WireError.malformedXml();
    }
    if (date.isPresent() && !BucketLifecycle.isMidnight(date.get())) {
      throw WireError.invalidArgument("'Date' must be at midnight GMT", "Date", dateText.get());
    }
    if (days.isPresent() && days.getAsInt() < 30 && THIRTY_DAYS_MINIMUM.contains(storageClass)) {
      throw WireError.invalidArgument("'Days' in Transition action must be greater than or"
          + " equal to 30 for storageClass '" + storageClass + "'", "Days",
          Integer.toString(days.getAsInt()));
    }
    return new BucketLifecycle.Transition(days, date, storageClass);
  }

  private static BucketLifecycle.NoncurrentTransition noncurrent(XmlElement element) {
    String storageClass = storageClass(element);
    int days = LifecycleOperations.atLeast(element, "NoncurrentDays", 0,
        "'NoncurrentDays' in NoncurrentVersionTransition action must be nonnegative")
        .orElseThrow(WireError::malformedXml);
    // The User Guide holds noncurrent versions to the same 30 days; S3's text for them is not
    // public, so this one follows the text for Days.
    if (days < 30 && THIRTY_DAYS_MINIMUM.contains(storageClass)) {
      throw WireError.invalidArgument("'NoncurrentDays' in NoncurrentVersionTransition action"
          + " must be greater than or equal to 30 for storageClass '" + storageClass + "'",
          "NoncurrentDays", Integer.toString(days));
    }
    OptionalInt newer =
        LifecycleOperations.newerNoncurrentVersions(element, "NoncurrentVersionTransition");
    return new BucketLifecycle.NoncurrentTransition(days, newer, storageClass);
  }

  private static String storageClass(XmlElement element) {
    return LifecycleOperations.text(element, "StorageClass").filter(STORAGE_CLASSES::contains)
        .orElseThrow(WireError::malformedXml);
  }

  static void write(XmlWriter xml, BucketLifecycle.Rule rule) {
    for (BucketLifecycle.Transition transition : rule.transitions()) {
      xml.start("Transition");
      transition.days().ifPresent(days -> xml.element("Days", days));
      transition.date().ifPresent(date -> xml.element("Date", XmlDates.format(date)));
      xml.element("StorageClass", transition.storageClass()).end();
    }
    for (BucketLifecycle.NoncurrentTransition transition : rule.noncurrentTransitions()) {
      xml.start("NoncurrentVersionTransition")
          .element("NoncurrentDays", transition.noncurrentDays());
      transition.newerNoncurrentVersions()
          .ifPresent(newer -> xml.element("NewerNoncurrentVersions", newer));
      xml.element("StorageClass", transition.storageClass()).end();
    }
  }
}
