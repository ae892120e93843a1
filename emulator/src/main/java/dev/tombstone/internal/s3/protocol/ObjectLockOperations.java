package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.ObjectLock;
import dev.tombstone.s3.S3State;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Put/GetObjectLockConfiguration, Put/GetObjectRetention, Put/GetObjectLegalHold: their XML in
 * and out. The Put operations need Content-MD5 or a checksum, as on S3.
 */
final class ObjectLockOperations {
  private final S3State state;

  ObjectLockOperations(S3State state) {
    this.state = state;
  }

  S3Response putConfiguration(S3Call call) {
    state.bucket(call.bucket());
    XmlElement root = document(call, "ObjectLockConfiguration", WireError::missingRequestBody);
    if (!root.childText("ObjectLockEnabled").map(String::trim).filter("Enabled"::equals)
        .isPresent()) {
      throw WireError.malformedXml();
    }
    Optional<ObjectLock.DefaultRetention> rule = Optional.empty();
    Optional<ObjectLock.EventHoldDuration> defaultEventHold = Optional.empty();
    XmlElement ruleElement = only(root, "Rule");
    XmlElement retention = only(ruleElement, "DefaultRetention");
    if (ruleElement != null && retention == null) {
      // A Rule must hold a DefaultRetention; an empty one is refused, not read as no rule.
      throw WireError.malformedXml();
    }
    XmlElement eventHold = only(retention, "DefaultEventHold");
    if (eventHold != null) {
      defaultEventHold = Optional.of(defaultDuration(eventHold));
    }
    Optional<String> days = retention == null ? Optional.empty() : retention.childText("Days");
    Optional<String> years = retention == null ? Optional.empty() : retention.childText("Years");
    Optional<String> modeText =
        retention == null ? Optional.empty() : retention.childText("Mode");
    // A DefaultRetention may hold a default event hold alone, without a mode and a period.
    if (retention != null
        && (eventHold == null || modeText.isPresent() || days.isPresent() || years.isPresent())) {
      ObjectLock.Mode mode = mode(modeText);
      if (days.isPresent() == years.isPresent()) {
        throw WireError.malformedXml();
      }
      rule = Optional.of(days.isPresent()
          ? new ObjectLock.DefaultRetention(mode,
              period("Days", days.get(), ObjectLock.DefaultRetention.MAX_DAYS), 0)
          : new ObjectLock.DefaultRetention(mode, 0,
              period("Years", years.get(), ObjectLock.DefaultRetention.MAX_YEARS)));
    }
    state.putObjectLockConfiguration(call.bucket(), rule, defaultEventHold);
    return S3Response.empty(200);
  }

  S3Response getConfiguration(S3Call call) {
    ObjectLock.Configuration configuration = state.objectLockConfiguration(call.bucket());
    XmlWriter xml = XmlWriter.document("ObjectLockConfiguration")
        .element("ObjectLockEnabled", "Enabled");
    Optional<ObjectLock.DefaultRetention> rule = configuration.defaultRetention();
    Optional<ObjectLock.EventHoldDuration> hold = configuration.defaultEventHold();
    if (rule.isPresent() || hold.isPresent()) {
      xml.start("Rule").start("DefaultRetention");
      rule.ifPresent(r -> {
        xml.element("Mode", r.mode().name());
        if (r.days() > 0) {
          xml.element("Days", r.days());
        } else {
          xml.element("Years", r.years());
        }
      });
      hold.ifPresent(d -> duration(xml.start("DefaultEventHold"), d).end());
      xml.end().end();
    }
    return S3Response.xml(200, xml.toBytes());
  }

  S3Response putRetention(S3Call call) {
    state.bucket(call.bucket());
    XmlElement root = document(call, "Retention");
    Optional<String> modeText = root.childText("Mode");
    Optional<String> dateText = root.childText("RetainUntilDate");
    boolean bypass = DeleteOperations.bypassGovernance(call);
    Optional<String> holdText = root.childText("EventHold").map(String::trim);
    XmlElement holdDuration = only(root, "EventHoldDuration");
    if (holdText.isPresent() || holdDuration != null) {
      ObjectLock.RequestedEventHold hold = eventHold(holdText, holdDuration);
      if (modeText.isPresent() != dateText.isPresent()) {
        throw WireError.malformedXml();
      }
      Optional<ObjectLock.Retention> retention = modeText.isEmpty() ? Optional.empty()
          : Optional.of(new ObjectLock.Retention(mode(modeText),
              retainUntil(dateText.get().trim()).orElseThrow(WireError::malformedXml)));
      state.putObjectEventHold(call.bucket(), call.key(), call.query().get("versionId"),
          retention, hold, bypass);
      return S3Response.empty(200);
    }
    if (modeText.isEmpty() && dateText.isEmpty()) {
      // "Removing the Object Lock by placing a new lock with empty parameters" (S3 User Guide).
      state.removeObjectRetention(call.bucket(), call.key(), call.query().get("versionId"),
          bypass);
      return S3Response.empty(200);
    }
    ObjectLock.Mode mode = mode(modeText);
    String date = dateText.map(String::trim).orElseThrow(WireError::malformedXml);
    ObjectLock.Retention retention = new ObjectLock.Retention(mode,
        retainUntil(date).orElseThrow(WireError::malformedXml));
    state.putObjectRetention(call.bucket(), call.key(), call.query().get("versionId"), retention,
        bypass);
    return S3Response.empty(200);
  }

  S3Response getRetention(S3Call call) {
    ObjectLock.VersionLock lock =
        state.objectRetentionLock(call.bucket(), call.key(), call.query().get("versionId"));
    XmlWriter xml = XmlWriter.document("Retention");
    lock.retention().ifPresent(retention -> xml.element("Mode", retention.mode().name())
        .element("RetainUntilDate", XmlDates.format(retention.retainUntil())));
    lock.eventHold().ifPresent(hold -> duration(
        xml.element("EventHold", hold.isOn() ? "ON" : "OFF").start("EventHoldDuration"),
        hold.duration()).end());
    return S3Response.xml(200, xml.toBytes());
  }

  // PutObjectRetention's EventHold (ON or OFF) and EventHoldDuration; ON needs a duration.
  private static ObjectLock.RequestedEventHold eventHold(Optional<String> status,
      XmlElement duration) {
    boolean on = switch (status.orElse("")) {
      case "ON" -> true;
      case "OFF" -> false;
      default -> throw WireError.malformedXml();
    };
    Optional<ObjectLock.EventHoldDuration> parsed =
        duration == null ? Optional.empty() : Optional.of(eventHoldDuration(duration));
    if (on && parsed.isEmpty()) {
      throw WireError.malformedXml();
    }
    return new ObjectLock.RequestedEventHold(on, parsed);
  }

  // An EventHoldDuration's Days or Years (exactly one): not a number is MalformedXML, a number
  // outside S3's range InvalidArgument.
  private static ObjectLock.EventHoldDuration eventHoldDuration(XmlElement element) {
    Optional<String> days = element.childText("Days").map(String::trim);
    Optional<String> years = element.childText("Years").map(String::trim);
    if (days.isPresent() == years.isPresent()) {
      throw WireError.malformedXml();
    }
    String name = days.isPresent() ? "Days" : "Years";
    String text = days.or(() -> years).orElseThrow();
    int max = days.isPresent() ? ObjectLock.EventHoldDuration.MAX_DAYS
        : ObjectLock.EventHoldDuration.MAX_YEARS;
    try {
      Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw WireError.malformedXml();
    }
    int value = EventHoldHeaders.number(name, text, max);
    return days.isPresent() ? ObjectLock.EventHoldDuration.ofDays(value)
        : ObjectLock.EventHoldDuration.ofYears(value);
  }

  // A bucket's DefaultEventHold: Days or Years, checked as a default retention period is.
  private static ObjectLock.EventHoldDuration defaultDuration(XmlElement element) {
    Optional<String> days = element.childText("Days");
    Optional<String> years = element.childText("Years");
    if (days.isPresent() == years.isPresent()) {
      throw WireError.malformedXml();
    }
    return days.isPresent()
        ? ObjectLock.EventHoldDuration.ofDays(
            period("Days", days.get(), ObjectLock.EventHoldDuration.MAX_DAYS))
        : ObjectLock.EventHoldDuration.ofYears(
            period("Years", years.get(), ObjectLock.EventHoldDuration.MAX_YEARS));
  }

  private static XmlWriter duration(XmlWriter xml, ObjectLock.EventHoldDuration duration) {
    return duration.days() > 0 ? xml.element("Days", duration.days())
        : xml.element("Years", duration.years());
  }

  S3Response putLegalHold(S3Call call) {
    state.bucket(call.bucket());
    XmlElement root = document(call, "LegalHold");
    boolean on = switch (root.childText("Status").map(String::trim).orElse("")) {
      case "ON" -> true;
      case "OFF" -> false;
      default -> throw WireError.malformedXml();
    };
    state.putObjectLegalHold(call.bucket(), call.key(), call.query().get("versionId"), on);
    return S3Response.empty(200);
  }

  S3Response getLegalHold(S3Call call) {
    boolean on = state.objectLegalHold(call.bucket(), call.key(), call.query().get("versionId"));
    XmlWriter xml = XmlWriter.document("LegalHold").element("Status", on ? "ON" : "OFF");
    return S3Response.xml(200, xml.toBytes());
  }

  private static XmlElement document(S3Call call, String rootName) {
    return document(call, rootName, WireError::malformedXml);
  }

  /**
   * The request's document, which must be {@code rootName}; an empty body gets {@code whenEmpty}
   * (S3 answers PutObjectLockConfiguration without a body MissingRequestBodyError, as moto's
   * AWS-verified test_put_object_lock_misconfiguration shows; the other lock PUTs MalformedXML).
   */
  private static XmlElement document(S3Call call, String rootName,
      Supplier<WireError> whenEmpty) {
    VerifiedBody body = RequestBodies.readDocumentWithIntegrity(call.request());
    if (body.content().size() == 0) {
      throw whenEmpty.get();
    }
    XmlElement root = XmlReader.parse(body.content());
    if (!root.is(rootName)) {
      throw WireError.malformedXml();
    }
    return root;
  }

  private static XmlElement only(XmlElement parent, String name) {
    if (parent == null) {
      return null;
    }
    List<XmlElement> found = parent.children(name);
    if (found.size() > 1) {
      throw WireError.malformedXml();
    }
    return found.isEmpty() ? null : found.get(0);
  }

  // S3 reads a RetainUntilDate without an offset as UTC (versity/versitygw#855, sent to S3).
  private static Optional<Instant> retainUntil(String text) {
    Optional<Instant> dated = ObjectLockHeaders.instant(text);
    if (dated.isPresent()) {
      return dated;
    }
    try {
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static ObjectLock.Mode mode(Optional<String> text) {
    return switch (text.map(String::trim).orElse("")) {
      case "GOVERNANCE" -> ObjectLock.Mode.GOVERNANCE;
      case "COMPLIANCE" -> ObjectLock.Mode.COMPLIANCE;
      default -> throw WireError.malformedXml();
    };
  }

  // A number the schema does not admit is MalformedXML; one out of S3's range, InvalidArgument.
  private static int period(String element, String text, int max) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw WireError.malformedXml();
    }
    if (value <= 0) {
      throw WireError.invalidArgument(
          "Default retention period must be a positive integer value.", element);
    }
    if (value > max) {
      throw WireError.invalidArgument("Default retention period too large.", element);
    }
    return value;
  }
}
