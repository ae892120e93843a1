package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.BucketNotification;
import dev.tombstone.s3.BucketNotification.Destination;
import dev.tombstone.s3.BucketNotification.FilterRule;
import dev.tombstone.s3.BucketNotification.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PutBucketNotificationConfiguration's {@code NotificationConfiguration} document, read and
 * written. {@link NotificationRules} checks what the schema cannot.
 */
final class NotificationDocuments {
  private static final Set<String> ROOT_ELEMENTS = Set.of("TopicConfiguration",
      "QueueConfiguration", "CloudFunctionConfiguration", "EventBridgeConfiguration");

  private NotificationDocuments() {}

  /**
   * The configuration a document sets.
   *
   * @param bucketRegion where the bucket lives: destinations must be there too
   * @throws WireError MalformedXML outside S3's schema; InvalidArgument for an unknown event, a
   *     malformed ARN, a bad filter rule or overlapping configurations
   */
  static BucketNotification read(XmlElement root, String bucketRegion) {
    if (!root.is("NotificationConfiguration")) {
      throw WireError.malformedXml();
    }
    root.onlyChildren(ROOT_ELEMENTS);
    List<Destination> destinations = new ArrayList<>();
    for (XmlElement child : root.children()) {
      Optional<Service> service = service(child.name());
      if (service.isPresent()) {
        destinations.add(destination(child, service.get(), bucketRegion));
      }
    }
    List<XmlElement> eventBridge = root.children("EventBridgeConfiguration");
    if (eventBridge.size() > 1) {
      throw WireError.malformedXml();
    }
    eventBridge.forEach(element -> element.onlyChildren(Set.of()));
    NotificationRules.checkOverlaps(destinations);
    return new BucketNotification(destinations, !eventBridge.isEmpty());
  }

  static byte[] write(BucketNotification notification) {
    XmlWriter xml = XmlWriter.document("NotificationConfiguration");
    for (Service service : Service.values()) {
      for (Destination destination : notification.destinations()) {
        if (destination.service() == service) {
          write(xml, destination);
        }
      }
    }
    if (notification.eventBridge()) {
      xml.start("EventBridgeConfiguration").end();
    }
    return xml.toBytes();
  }

  private static void write(XmlWriter xml, Destination destination) {
    xml.start(configurationElement(destination.service()))
        .element("Id", destination.id())
        .element(arnElement(destination.service()), destination.arn());
    for (String event : destination.events()) {
      xml.element("Event", event);
    }
    if (!destination.filterRules().isEmpty()) {
      xml.start("Filter").start("S3Key");
      for (FilterRule rule : destination.filterRules()) {
        xml.start("FilterRule").element("Name", rule.name()).element("Value", rule.value())
            .end();
      }
      xml.end().end();
    }
    xml.end();
  }

  private static Destination destination(XmlElement configuration, Service service,
      String bucketRegion) {
    configuration.onlyChildren(configurationElements(service));
    String id = configuration.childText("Id").map(String::trim).filter(text -> !text.isEmpty())
        .orElseGet(GeneratedIds::random);
    String arn = configuration.childText(arnElement(service)).map(String::trim)
        .orElseThrow(WireError::malformedXml);
    List<String> events = new ArrayList<>();
    for (XmlElement event : configuration.children("Event")) {
      if (!event.children().isEmpty()) {
        throw WireError.malformedXml();
      }
      events.add(event.text().trim());
    }
    if (events.isEmpty()) {
      throw WireError.malformedXml();
    }
    NotificationRules.checkArn(service, arn, arnElement(service), bucketRegion);
    events.forEach(NotificationRules::checkEvent);
    return new Destination(service, id, arn, events, filterRules(configuration));
  }

  private static List<FilterRule> filterRules(XmlElement configuration) {
    List<XmlElement> filters = configuration.children("Filter");
    if (filters.isEmpty()) {
      return List.of();
    }
    filters.get(0).onlyChildren(Set.of("S3Key"));
    List<XmlElement> keys = filters.get(0).children("S3Key");
    if (filters.size() > 1 || keys.size() > 1) {
      throw WireError.malformedXml();
    }
    List<FilterRule> rules = new ArrayList<>();
    keys.forEach(key -> key.onlyChildren(Set.of("FilterRule")));
    for (XmlElement rule : keys.isEmpty() ? List.<XmlElement>of()
        : keys.get(0).children("FilterRule")) {
      rule.onlyChildren(Set.of("Name", "Value"));
      String name = rule.childText("Name").map(String::trim).orElseThrow(WireError::malformedXml);
      String value = rule.childText("Value").orElse("");
      NotificationRules.checkRuleValue(value);
      rules.add(new FilterRule(NotificationRules.ruleName(name, rules), value));
    }
    return rules;
  }

  private static Optional<Service> service(String element) {
    return switch (element) {
      case "TopicConfiguration" -> Optional.of(Service.TOPIC);
      case "QueueConfiguration" -> Optional.of(Service.QUEUE);
      case "CloudFunctionConfiguration" -> Optional.of(Service.LAMBDA_FUNCTION);
      default -> Optional.empty();
    };
  }

  private static String configurationElement(Service service) {
    return switch (service) {
      case TOPIC -> "TopicConfiguration";
      case QUEUE -> "QueueConfiguration";
      case LAMBDA_FUNCTION -> "CloudFunctionConfiguration";
    };
  }

  // InvocationRole belongs to the deprecated PutBucketNotification's Lambda configuration,
  // which shares this document: S3 accepts it, and it is not stored.
  private static Set<String> configurationElements(Service service) {
    return service == Service.LAMBDA_FUNCTION
        ? Set.of("Id", "CloudFunction", "Event", "Filter", "InvocationRole")
        : Set.of("Id", arnElement(service), "Event", "Filter");
  }

  private static String arnElement(Service service) {
    return switch (service) {
      case TOPIC -> "Topic";
      case QUEUE -> "Queue";
      case LAMBDA_FUNCTION -> "CloudFunction";
    };
  }
}
