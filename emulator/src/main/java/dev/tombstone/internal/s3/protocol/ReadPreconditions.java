package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3Error.PreconditionFailed.Condition;
import dev.tombstone.s3.StoredObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The conditional headers of GetObject and HeadObject, with S3's precedence: a true
 * {@code If-Match} overrides a false {@code If-Unmodified-Since}, and a false
 * {@code If-None-Match} decides "not modified" whatever {@code If-Modified-Since} says. An
 * {@code If-Modified-Since} later than the server's time is ignored (RFC 2616 §14.25 calls it
 * invalid), as S3 ignores it.
 */
final class ReadPreconditions {
  private ReadPreconditions() {}

  /**
   * @return true when the response is {@code 304 Not Modified}
   * @throws S3Error.PreconditionFailed for {@code 412}
   */
  static boolean notModified(RequestHeaders headers, StoredObject object, Clock clock) {
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
    return modifiedSince(headers, "If-Modified-Since", clock)
        .filter(since -> !modified.isAfter(since)).isPresent();
  }

  /**
   * The date of an {@code If-Modified-Since} header ({@code name}, the copy source's too); empty
   * when it is absent, does not parse, or is later than {@code clock}'s time: such a date is
   * invalid, and S3 answers as if it were not sent.
   */
  static Optional<Instant> modifiedSince(RequestHeaders headers, String name, Clock clock) {
    // The clock is read only when the header is there: most reads carry none.
    return date(headers, name).filter(since -> !since.isAfter(clock.instant()));
  }

  private static Optional<Instant> date(RequestHeaders headers, String name) {
    return headers.first(name).flatMap(HttpDates::parse);
  }
}
