package dev.tombstone.internal.server;

import dev.tombstone.internal.s3.protocol.ResponseIds;
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
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private RequestIds() {}

  /** A DynamoDB request id. */
  public static String next() {
    return next(52);
  }

  /** An id of {@code length} characters of {@code [0-9A-Z]}. */
  public static String next(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[length];
    for (int i = 0; i < length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(id);
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
