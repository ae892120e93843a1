package dev.tombstone.internal.server;

import dev.tombstone.internal.s3.protocol.ResponseIds;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in AWS's shapes: DynamoDB's {@code x-amzn-RequestId} (52 characters of
 * {@code [0-9A-Z]}), and S3's {@code x-amz-request-id} (16 upper-case hex characters) with its
 * {@code x-amz-id-2} (Base64 of 48 random bytes).
 */
public final class RequestIds {
  private static final byte[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(StandardCharsets.US_ASCII);

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
    return new ResponseIds(upperHex(random.nextLong()), hostId(random));
  }

  /** 16 upper-case hex characters. */
  private static String upperHex(long bits) {
    byte[] id = new byte[16];
    for (int i = id.length - 1; i >= 0; i--) {
      id[i] = ALPHABET[(int) (bits & 0xF)];
      bits >>>= 4;
    }
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  /**
   * The Base64 text of 48 random bytes: 64 characters of six random bits each, which is the
   * same thing without the bytes and the encoder.
   */
  private static String hostId(ThreadLocalRandom random) {
    byte[] id = new byte[64];
    long bits = 0;
    for (int i = 0; i < id.length; i++) {
      if (i % 10 == 0) {
        bits = random.nextLong();
      }
      id[i] = BASE64[(int) (bits & 0x3F)];
      bits >>>= 6;
    }
    return new String(id, StandardCharsets.ISO_8859_1);
  }
}
