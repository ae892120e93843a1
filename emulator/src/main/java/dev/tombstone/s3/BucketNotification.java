package dev.tombstone.s3;

import java.util.List;
import java.util.Objects;

/**
 * A bucket's event notification configuration (PutBucketNotificationConfiguration); stored and
 * returned, no event is ever delivered.
 *
 * <pre>{@code
 * s3.putNotificationConfiguration("photos", new BucketNotification(List.of(
 *     new BucketNotification.Destination(BucketNotification.Service.QUEUE, "on-delete",
 *         "arn:aws:sqs:us-east-1:123456789012:deletions", List.of("s3:ObjectRemoved:*"),
 *         List.of(new BucketNotification.FilterRule("Prefix", "raw/")))), false));
 * }</pre>
 *
 * @param destinations the topic, queue and Lambda function configurations, in request order
 * @param eventBridge whether events also go to Amazon EventBridge
 */
public record BucketNotification(List<Destination> destinations, boolean eventBridge) {
  /** No notifications: what a new bucket has. */
  public static final BucketNotification NONE = new BucketNotification(List.of(), false);

  public BucketNotification {
    destinations = List.copyOf(destinations);
  }

  /** Whether this sends nothing anywhere. */
  public boolean isEmpty() {
    return destinations.isEmpty() && !eventBridge;
  }

  /** The kinds of destination, each its own element of S3's XML. */
  public enum Service {
    /** An SNS topic: {@code TopicConfiguration}. */
    TOPIC,
    /** An SQS queue: {@code QueueConfiguration}. */
    QUEUE,
    /** A Lambda function: {@code CloudFunctionConfiguration}. */
    LAMBDA_FUNCTION
  }

  /**
   * One destination and the events sent to it.
   *
   * @param id the configuration's id; S3 makes one up when the request has none
   * @param arn the topic, queue or function ARN
   * @param events event types such as {@code s3:ObjectCreated:*}
   * @param filterRules the object key filter: {@code Prefix} and {@code Suffix} rules
   */
  public record Destination(Service service, String id, String arn, List<String> events,
      List<FilterRule> filterRules) {
    public Destination {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arn, "arn");
      events = List.copyOf(events);
      filterRules = List.copyOf(filterRules);
    }
  }

  /**
   * One rule of a key filter.
   *
   * @param name {@code Prefix} or {@code Suffix}
   */
  public record FilterRule(String name, String value) {
    public FilterRule {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
