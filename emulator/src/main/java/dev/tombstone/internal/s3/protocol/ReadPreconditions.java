package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3Error.PreconditionFailed.Condition;
import dev.tombstone.s3.StoredObject;
import java.time.Instant;
import java.util.Optional;

/**
 * The conditional headers of GetObject and HeadObject, with S3's precedence: a true
 * {@code If-Match} overrides a false {@code If-Unmodified-Since}, and a false
 * {@code If-None-Match} decides "not modified" whatever {@code If-Modified-Since} says.
 */
final class ReadPreconditions {
  private ReadPreconditions() {}

  /**
   * @return true when the response is {@code 304 Not Modified}
   * @throws S3Error.PreconditionFailed for {@code 412}
   */
  static boolean notModified(RequestHeaders headers, StoredObject object) {
    Instant modified = object.lastModified();
    Optional<String> ifMatch = headers.first("If-Match");
    if (ifMatch.isPresent()) {
      if (!object.etagMatches(ifMatch.get())) {
        throw new S3Error.PreconditionFailed(Condition.ETAG_MATCHES);
      }
    } else if (date(headers, "If-Unmodified-Since").filter(modified::isAfter).isPresent()) {
      throw new S3Error.PreconditionFailed(Condition.UNMODIFIED_SINCE);
    }
    Optional<String> ifNoneMatch = headers.first("If-None-Match");
    if (ifNoneMatch.isPresent()) {
      return object.etagMatches(ifNoneMatch.get());
    }
    return date(headers, "If-Modified-Since").filter(since -> !modified.isAfter(since))
        .isPresent();
  }

  private static Optional<Instant> date(RequestHeaders headers, String name) {
    return headers.first(name).flatMap(HttpDates::parse);
  }
}
