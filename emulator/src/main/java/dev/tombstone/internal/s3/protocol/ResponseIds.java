package dev.tombstone.internal.s3.protocol;

import java.util.Objects;

/**
 * The ids of one S3 response, which its error document repeats: {@code x-amz-request-id} and
 * {@code x-amz-id-2}. The server makes them. Internal.
 */
public record ResponseIds(String requestId, String hostId) {
  public ResponseIds {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(hostId, "hostId");
  }
}
