package dev.tombstone.internal.server;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids in AWS's shape: 52 characters of {@code [0-9A-Z]}. */
public final class RequestIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private RequestIds() {}

  public static String next() {
    return next(52);
  }

  public static String next(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[length];
    for (int i = 0; i < length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
