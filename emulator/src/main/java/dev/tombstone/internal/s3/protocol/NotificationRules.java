package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketNotification.Destination;
import dev.tombstone.s3.BucketNotification.FilterRule;
import dev.tombstone.s3.BucketNotification.Service;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What S3 checks in a notification configuration beyond its schema: event names, destination
 * ARNs, filter rules, and that no two configurations could both take one event. Destinations
 * are not looked up (the emulator has no SNS, SQS or Lambda): any well-formed ARN of the right
 * service in the bucket's region is accepted.
 */
final class NotificationRules {
  // The event types of S3's "Supported event types" list, wildcards included.
  private static final Set<String> EVENTS = Set.of(
      "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post",
      "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload",
      "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
      "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed",
      "s3:ObjectRestore:Delete", "s3:ReducedRedundancyLostObject",
      "s3:Replication:*", "s3:Replication:OperationFailedReplication",
      "s3:Replication:OperationMissedThreshold",
      "s3:Replication:OperationReplicatedAfterThreshold", "s3:Replication:OperationNotTracked",
      "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete",
      "s3:LifecycleExpiration:DeleteMarkerCreated", "s3:LifecycleTransition",
      "s3:IntelligentTiering", "s3:ObjectTagging:*", "s3:ObjectTagging:Put",
      "s3:ObjectTagging:Delete", "s3:ObjectAcl:Put");
  private static final Pattern ARN = Pattern.compile(
      "arn:(aws|aws-cn|aws-us-gov):(sns|sqs|lambda):([a-z0-9-]+):(\\d{12}):(.+)");
  private static final Pattern FUNCTION =
      Pattern.compile("function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?");

  // API_FilterRule: "The maximum length is 1,024 characters."
  private static final int MAX_RULE_VALUE_LENGTH = 1024;

  private NotificationRules() {}

  /** @throws WireError InvalidArgument for an event type S3 does not know */
  static void checkEvent(String event) {
    if (!EVENTS.contains(event)) {
      throw WireError.invalidArgument("The event is not supported for notifications", "Event",
          event);
    }
  }

  /**
   * @param element how the request names the ARN ({@code Topic}, {@code Queue},
   *     {@code CloudFunction})
   * @throws WireError InvalidArgument for an ARN that is not one of {@code service}, or names
   *     another region than the bucket's
   */
  static void checkArn(Service service, String arn, String element, String bucketRegion) {
    Matcher parts = ARN.matcher(arn);
    boolean wellFormed = parts.matches() && parts.group(2).equals(serviceName(service))
        && (service != Service.LAMBDA_FUNCTION || FUNCTION.matcher(parts.group(5)).matches())
        && (service == Service.LAMBDA_FUNCTION || parts.group(5).indexOf(':') < 0);
    if (!wellFormed) {
      throw WireError.invalidArgument("The ARN is not well formed", element, arn);
    }
    if (!parts.group(3).equals(bucketRegion)) {
      throw WireError.invalidArgument("The notification destination service region is not"
          + " valid for the bucket location constraint", element, arn);
    }
  }

  /**
   * A filter rule's name as S3 stores it ({@code Prefix}, {@code Suffix}), whatever its case.
   *
   * @param earlier the rules of the same filter before this one
   * @throws WireError InvalidArgument for another name, or a second rule of one kind
   */
  static String ruleName(String name, List<FilterRule> earlier) {
    String canonical = switch (name.toLowerCase(Locale.ROOT)) {
      case "prefix" -> "Prefix";
      case "suffix" -> "Suffix";
      default -> throw WireError.invalidArgument(
          "filter rule name must be either prefix or suffix", "FilterRule.Name", name);
    };
    for (FilterRule rule : earlier) {
      if (rule.name().equals(canonical)) {
        String lower = canonical.toLowerCase(Locale.ROOT);
        throw WireError.invalidArgument("Cannot specify more than one " + lower
            + " rule in a filter.", "FilterRule.Name", lower);
      }
    }
    return canonical;
  }

  /** @throws WireError InvalidArgument for a prefix or suffix longer than S3 allows */
  static void checkRuleValue(String value) {
    if (value.length() > MAX_RULE_VALUE_LENGTH) {
      throw WireError.invalidArgument("FilterRule value length should not exceed allowed limit"
          + " of " + MAX_RULE_VALUE_LENGTH, "FilterRule.Value", value);
    }
  }

  /**
   * @throws WireError InvalidArgument when two configurations share an event type (a wildcard
   *     covers its kind) and their key filters could both match one key
   */
  static void checkOverlaps(List<Destination> destinations) {
    for (int i = 0; i < destinations.size(); i++) {
      for (int j = i + 1; j < destinations.size(); j++) {
        Destination first = destinations.get(i);
        Destination second = destinations.get(j);
        for (String a : first.events()) {
          for (String b : second.events()) {
            if (eventsOverlap(a, b) && filtersOverlap(first, second)) {
              throw overlap(first, second, a, b);
            }
          }
        }
      }
    }
  }

  private static WireError overlap(Destination first, Destination second, String a, String b) {
    if (first.filterRules().isEmpty() && second.filterRules().isEmpty()) {
      return WireError.invalidArgument("Configurations overlap. Configurations on the same"
          + " bucket cannot share a common event type.", "Event", a + ", " + b);
    }
    return new WireError(WireError.Kind.INVALID_ARGUMENT, "Configuration is ambiguously"
        + " defined. Cannot have overlapping suffixes in two rules if the prefixes are"
        + " overlapping for the same event type.", List.of());
  }

  private static boolean eventsOverlap(String a, String b) {
    return a.equals(b) || covers(a, b) || covers(b, a);
  }

  private static boolean covers(String wildcard, String event) {
    return wildcard.endsWith(":*")
        && event.startsWith(wildcard.substring(0, wildcard.length() - 1));
  }

  private static boolean filtersOverlap(Destination first, Destination second) {
    String prefixA = rule(first, "Prefix");
    String prefixB = rule(second, "Prefix");
    String suffixA = rule(first, "Suffix");
    String suffixB = rule(second, "Suffix");
    return (prefixA.startsWith(prefixB) || prefixB.startsWith(prefixA))
        && (suffixA.endsWith(suffixB) || suffixB.endsWith(suffixA));
  }

  private static String rule(Destination destination, String name) {
    for (FilterRule rule : destination.filterRules()) {
      if (rule.name().equals(name)) {
        return rule.value();
      }
    }
    return "";
  }

  private static String serviceName(Service service) {
    return switch (service) {
      case TOPIC -> "sns";
      case QUEUE -> "sqs";
      case LAMBDA_FUNCTION -> "lambda";
    };
  }
}
