package dev.tombstone.internal.s3.protocol;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids of one response: {@code x-amz-request-id} (16 upper-case hex characters) and
 * {@code x-amz-id-2} (Base64 of 48 random bytes); error documents repeat both.
 */
record ResponseIds(String requestId, String hostId) {
  static ResponseIds random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] request = new byte[8];
    random.nextBytes(request);
    byte[] host = new byte[48];
    random.nextBytes(host);
    return new ResponseIds(HexFormat.of().formatHex(request).toUpperCase(Locale.ROOT),
        Base64.getEncoder().encodeToString(host));
  }
}
