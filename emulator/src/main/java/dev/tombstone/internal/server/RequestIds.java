package dev.tombstone.internal.server;

import dev.tombstone.internal.s3.protocol.ResponseIds;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in AWS's shapes: DynamoDB's {@code x-amzn-RequestId} (52 characters of
 * {@code [0-9A-Z]}), and S3's {@code x-amz-request-id} (16 upper-case hex characters) with its
 * {@code x-amz-id-2} (Base64 of 48 random bytes).
 */
public final class RequestIds {
  private static final byte[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(StandardCharsets.US_ASCII);

  private RequestIds() {}

  /** A DynamoDB request id. */
  public static String next() {
    return next(52);
  }

  /** An id of {@code length} characters of {@code [0-9A-Z]}. */
  public static String next(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] id = new byte[length];
    long bits = 0;
    for (int i = 0; i < length; i++) {
      // Four characters per random long: each maps 16 bits onto 36 by a multiply and a shift,
      // far cheaper than division; the bias (at most 36 in 65,536) does not show in an id.
      if ((i & 3) == 0) {
        bits = random.nextLong();
      }
      id[i] = ALPHABET[(int) (((bits & 0xFFFF) * ALPHABET.length) >>> 16)];
      bits >>>= 16;
    }
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  /** The request id and host id of an S3 response. */
  public static ResponseIds s3() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] request = new byte[8];
    random.nextBytes(request);
    byte[] host = new byte[48];
    random.nextBytes(host);
    return new ResponseIds(HexFormat.of().formatHex(request).toUpperCase(Locale.ROOT),
        Base64.getEncoder().encodeToString(host));
  }
}
