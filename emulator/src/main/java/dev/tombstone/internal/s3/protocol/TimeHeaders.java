package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.HttpDates;
import dev.tombstone.internal.PercentEscapes;
import dev.tombstone.s3.Multipart;
import dev.tombstone.s3.ObjectLock;
import dev.tombstone.s3.S3State;
import dev.tombstone.s3.StoredObject;

/**
 * The headers that tell a client what time will do to an object: {@code x-amz-expiration}
 * (the lifecycle rule that will expire it) and, on reads, {@code x-amz-object-lock-*}; and to
 * an upload in progress: {@code x-amz-abort-date} and {@code x-amz-abort-rule-id}.
 */
final class TimeHeaders {
  private TimeHeaders() {}

  static S3Response add(S3Response response, S3State state, String bucket, String key,
      StoredObject object, boolean lockHeaders) {
    return add(response, state, bucket, key, object, lockHeaders, true);
  }

  /**
   * GetObject and HeadObject. A read that names a versionId gets no {@code x-amz-expiration},
   * even of the current version, as S3 answers (LocalStack's AWS-validated
   * {@code head-object-expiry-current-with-version-id}).
   */
  static S3Response read(S3Response response, S3State state, String bucket, String key,
      StoredObject object, boolean byVersionId) {
    return add(response, state, bucket, key, object, true, !byVersionId);
  }

  private static S3Response add(S3Response response, S3State state, String bucket, String key,
      StoredObject object, boolean lockHeaders, boolean expiration) {
    S3Response out = response;
    var expiry = state.expiry(bucket, key, object);
    // Current-version rules say nothing about a noncurrent version read by its id.
    boolean current = state.currentObject(bucket, key)
        .filter(c -> c.versionId().equals(object.versionId())).isPresent();
    if (expiration && expiry.isPresent() && current) {
      // "The value of rule-id is URL-encoded": a quote, a space or a non-ASCII letter in the
      // rule's ID would otherwise break the quoting or the header's ASCII.
      out = out.with("x-amz-expiration", "expiry-date=\"" + HttpDates.format(expiry.get().date())
          + "\", rule-id=\"" + PercentEscapes.encode(expiry.get().ruleId(), false) + "\"");
    }
    if (lockHeaders) {
      ObjectLock.VersionLock lock = state.versionLock(bucket, key, object.versionId());
      if (lock.retention().isPresent()) {
        out = out.with("x-amz-object-lock-mode", lock.retention().get().mode().name())
            .with("x-amz-object-lock-retain-until-date",
                XmlDates.format(lock.retention().get().retainUntil()));
      }
      if (lock.legalHoldStatusSet()) {
        out = out.with("x-amz-object-lock-legal-hold", lock.legalHold() ? "ON" : "OFF");
      }
      out = EventHoldHeaders.describe(out, lock.eventHold());
    }
    return out;
  }

  /** CreateMultipartUpload and ListParts: when a lifecycle rule will abort {@code upload}. */
  static S3Response abort(S3Response response, S3State state, String bucket,
      Multipart.Upload upload) {
    return state.uploadAbort(bucket, upload)
        .map(abort -> response.with("x-amz-abort-date", HttpDates.format(abort.date()))
            .with("x-amz-abort-rule-id", abort.ruleId()))
        .orElse(response);
  }
}
