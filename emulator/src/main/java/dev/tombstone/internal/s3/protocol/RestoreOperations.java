package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.s3.ObjectRestore;
import dev.tombstone.s3.RestoreObject;
import dev.tombstone.s3.S3State;
import dev.tombstone.s3.StoredObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RestoreObject ({@code POST ?restore}) and the restore status HeadObject, GetObject and the
 * listings report. The SELECT restore type is refused: S3 retired S3 Select for new customers.
 */
final class RestoreOperations {
  private final S3State state;

  RestoreOperations(S3State state) {
    this.state = state;
  }

  S3Response restore(S3Call call) {
    state.bucket(call.bucket());
    VerifiedBody body = RequestBodies.read(call.request(), BodyKind.DOCUMENT);
    if (body.content().size() == 0) {
      throw WireError.malformedXml();
    }
    XmlElement root = XmlReader.parse(body.content());
    if (!root.is("RestoreRequest")) {
      throw WireError.malformedXml();
    }
    if (root.childText("Type").isPresent() || !root.children("SelectParameters").isEmpty()
        || !root.children("OutputLocation").isEmpty()) {
      throw WireError.notServed("RestoreObject of type SELECT (POST ?restore)");
    }
    int days = root.childText("Days").map(String::trim).map(RestoreOperations::days)
        .orElseThrow(WireError::malformedXml);
    RestoreObject.Tier tier = tier(root);
    RestoreObject.Outcome outcome = state.restoreObject(new RestoreObject.Request(call.bucket(),
        call.key(), call.query().get("versionId"), days, tier));
    return S3Response.empty(outcome == RestoreObject.Outcome.STARTED ? 202 : 200);
  }

  private static int days(String text) {
    try {
      int days = Integer.parseInt(text);
      if (days >= 1) {
        return days;
      }
    } catch (NumberFormatException e) {
      // Refused below like a value under 1.
    }
    throw WireError.malformedXml();
  }

  // The top-level Tier is the SELECT type's; a plain restore names it in GlacierJobParameters.
  private static RestoreObject.Tier tier(XmlElement root) {
    Optional<XmlElement> parameters = root.children("GlacierJobParameters").stream().findFirst();
    Optional<String> text = parameters.isPresent()
        ? Optional.of(parameters.get().childText("Tier").map(String::trim)
            .orElseThrow(WireError::malformedXml))
        : root.childText("Tier").map(String::trim);
    return switch (text.orElse("Standard")) {
      case "Standard" -> RestoreObject.Tier.STANDARD;
      case "Bulk" -> RestoreObject.Tier.BULK;
      case "Expedited" -> RestoreObject.Tier.EXPEDITED;
      default -> throw WireError.malformedXml();
    };
  }

  /**
   * {@code x-amz-restore} of a version restored at some time and not yet expired:
   * {@code ongoing-request="true"} while the copy is being made, then
   * {@code ongoing-request="false", expiry-date="<HTTP date>"}.
   */
  static S3Response withRestoreHeader(S3Response response, StoredObject object, Clock clock) {
    if (object.restore().isEmpty()) {
      return response;
    }
    ObjectRestore restore = object.restore().get();
    Instant now = clock.instant();
    if (restore.expiredAt(now)) {
      return response;
    }
    return response.with("x-amz-restore", restore.inProgressAt(now)
        ? "ongoing-request=\"true\""
        : "ongoing-request=\"false\", expiry-date=\"" + HttpDates.format(restore.expires())
            + "\"");
  }

  /** A listing entry's {@code RestoreStatus}, when the client asked for it and there is one. */
  static void writeStatus(XmlWriter xml, Optional<ObjectRestore> restore, Instant now) {
    if (restore.isEmpty() || restore.get().expiredAt(now)) {
      return;
    }
    boolean inProgress = restore.get().inProgressAt(now);
    xml.start("RestoreStatus").element("IsRestoreInProgress", inProgress);
    if (!inProgress) {
      xml.element("RestoreExpiryDate", XmlDates.format(restore.get().expires()));
    }
    xml.end();
  }
}
