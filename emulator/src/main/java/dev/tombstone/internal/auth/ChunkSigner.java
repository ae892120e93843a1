package dev.tombstone.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks the chain of chunk signatures of a signed aws-chunked body
 * ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}): each chunk's signature covers the
 * previous one and the chunk's data; a trailer's signature covers the last chunk's and the
 * trailing headers. Every chunk, the final empty one too, must read
 * {@code <hex size>;chunk-signature=<64 hex>}, the {@code -TRAILER} form must end with its
 * {@code x-amz-trailer-signature}, and nothing may follow the last signed byte but one empty
 * line: whatever cannot be checked is refused.
 */
public final class ChunkSigner {
  private static final String HMAC_CHUNKS = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
  private static final String HMAC_CHUNKS_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
  private static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
  private static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";
  private static final String SIGNATURE = ";chunk-signature=";
  private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature:";
  private static final int SIGNATURE_HEX = 64;
  private static final int MAX_SIZE_DIGITS = 15;

  private final byte[] signingKey;
  private final String amzDate;
  private final String scope;
  private final String seedSignature;

  ChunkSigner(byte[] signingKey, String amzDate, String scope, String seedSignature) {
    this.signingKey = signingKey;
    this.amzDate = amzDate;
    this.scope = scope;
    this.seedSignature = seedSignature;
  }

  /**
   * Whether {@code x-amz-content-sha256} declares a body whose chunks carry signatures: the
   * HMAC forms, and the ECDSA (SigV4a) ones, which this emulator cannot check and so refuses.
   */
  public static boolean signsChunks(String contentSha256) {
    return contentSha256 != null && contentSha256.startsWith("STREAMING-AWS4-");
  }

  /** Checks a body framed as {@code contentSha256} declares, from its first byte to its last. */
  public ChunkCheck check(byte[] body, String contentSha256, String accessKeyId) {
    boolean trailer = HMAC_CHUNKS_TRAILER.equals(contentSha256);
    if (!trailer && !HMAC_CHUNKS.equals(contentSha256)) {
      return forged(accessKeyId, "", "");
    }
    String previous = seedSignature;
    int at = 0;
    while (true) {
      int lineEnd = indexOfCrLf(body, at);
      if (lineEnd < 0) {
        return new ChunkCheck.Incomplete();
      }
      String line = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
      int semicolon = line.indexOf(';');
      long size = size(semicolon < 0 ? line : line.substring(0, semicolon));
      int dataStart = lineEnd + 2;
      if (size < 0 || size > body.length - dataStart) {
        return new ChunkCheck.Incomplete();
      }
      MessageDigest digest = SigV4.digest();
      digest.update(body, dataStart, (int) size);
      String stringToSign = CHUNK_ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + previous
          + "\n" + SigV4.EMPTY_SHA256 + "\n" + HexFormat.of().formatHex(digest.digest());
      String expected = SigV4.signature(signingKey, stringToSign);
      String extension = semicolon < 0 ? "" : line.substring(semicolon);
      if (!holds(extension, SIGNATURE, expected)) {
        return forged(accessKeyId, stringToSign, provided(extension, SIGNATURE));
      }
      previous = expected;
      at = dataStart + (int) size;
      if (size == 0) {
        return trailer ? checkTrailer(body, at, previous, accessKeyId)
            : endsHere(body, at) ? new ChunkCheck.Intact(body) : forged(accessKeyId, "", "");
      }
      if (body.length - at < 2 || body[at] != '\r' || body[at + 1] != '\n') {
        return new ChunkCheck.Incomplete();
      }
      at += 2;
    }
  }

  private ChunkCheck checkTrailer(byte[] body, int at, String previous, String accessKeyId) {
    StringBuilder trailers = new StringBuilder();
    while (at < body.length) {
      int lineEnd = indexOfCrLf(body, at);
      int next = lineEnd < 0 ? body.length : lineEnd + 2;
      String line = new String(body, at, (lineEnd < 0 ? body.length : lineEnd) - at,
          StandardCharsets.UTF_8);
      at = next;
      if (line.startsWith(TRAILER_SIGNATURE)) {
        String stringToSign = TRAILER_ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
            + previous + "\n"
            + SigV4.sha256Hex(trailers.toString().getBytes(StandardCharsets.UTF_8));
        String provided = line.substring(TRAILER_SIGNATURE.length());
        if (!holds(line, TRAILER_SIGNATURE, SigV4.signature(signingKey, stringToSign))
            || !endsHere(body, at)) {
          return forged(accessKeyId, stringToSign, provided);
        }
        return new ChunkCheck.Intact(body);
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        break;
      }
      trailers.append(line.substring(0, colon).strip().toLowerCase(Locale.ROOT))
          .append(':').append(line.substring(colon + 1).strip()).append('\n');
    }
    return forged(accessKeyId, TRAILER_ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
        + previous + "\n" + SigV4.sha256Hex(trailers.toString().getBytes(StandardCharsets.UTF_8)),
        "");
  }

  /** Whether {@code text} is exactly {@code prefix} and the expected signature. */
  private static boolean holds(String text, String prefix, String expected) {
    return text.length() == prefix.length() + SIGNATURE_HEX && text.startsWith(prefix)
        && Verifier.constantTimeEquals(expected, text.substring(prefix.length()));
  }

  private static String provided(String text, String prefix) {
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }

  /** The last signed byte was just read: the body ends, or one empty line ends it. */
  private static boolean endsHere(byte[] body, int at) {
    int left = body.length - at;
    return left == 0 || (left == 2 && body[at] == '\r' && body[at + 1] == '\n');
  }

  /** A chunk size as the decoder reads it, or -1 when it reads none. */
  private static long size(String hex) {
    if (hex.isEmpty() || hex.length() > MAX_SIZE_DIGITS) {
      return -1;
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      size = size << 4 | digit;
    }
    return size;
  }

  private static ChunkCheck forged(String accessKeyId, String stringToSign, String provided) {
    return new ChunkCheck.Forged(new Verdict.Mismatch(accessKeyId, "", stringToSign, provided));
  }

  private static int indexOfCrLf(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
