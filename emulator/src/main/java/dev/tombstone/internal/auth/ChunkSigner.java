package dev.tombstone.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks the chain of chunk signatures of a signed aws-chunked body
 * ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}): each chunk's signature covers the
 * previous one and the chunk's data; a trailer's signature covers the last chunk's and the
 * trailing headers. Framing it cannot read is left for the protocol to refuse.
 */
public final class ChunkSigner {
  private static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
  private static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";
  private static final String SIGNATURE = ";chunk-signature=";
  private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature:";

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

  /** Whether a body framed as {@code x-amz-content-sha256} says carries chunk signatures. */
  public static boolean signsChunks(String contentSha256) {
    return contentSha256 != null
        && contentSha256.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
  }

  /** The first chunk (or trailer) whose signature fails, or empty when all hold. */
  public Optional<Verdict.Mismatch> check(byte[] body, String accessKeyId) {
    String previous = seedSignature;
    int at = 0;
    while (true) {
      int lineEnd = indexOfCrLf(body, at);
      if (lineEnd < 0) {
        return Optional.empty();
      }
      String line = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
      int mark = line.indexOf(SIGNATURE);
      if (mark < 0) {
        return Optional.empty();
      }
      int size;
      try {
        size = Integer.parseInt(line.substring(0, mark), 16);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      String provided = line.substring(mark + SIGNATURE.length());
      int dataStart = lineEnd + 2;
      if (size < 0 || dataStart + size > body.length) {
        return Optional.empty();
      }
      MessageDigest digest = SigV4.digest();
      digest.update(body, dataStart, size);
      String stringToSign = CHUNK_ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + previous
          + "\n" + SigV4.EMPTY_SHA256 + "\n" + java.util.HexFormat.of().formatHex(digest.digest());
      String expected = SigV4.signature(signingKey, stringToSign);
      if (!Verifier.constantTimeEquals(expected, provided)) {
        return Optional.of(new Verdict.Mismatch(accessKeyId, "", stringToSign, provided));
      }
      previous = expected;
      at = dataStart + size;
      if (size == 0) {
        return checkTrailer(body, at, previous, accessKeyId);
      }
      at += 2;
    }
  }

  private Optional<Verdict.Mismatch> checkTrailer(byte[] body, int at, String previous,
      String accessKeyId) {
    String rest = new String(body, at, body.length - at, StandardCharsets.UTF_8);
    int mark = rest.indexOf(TRAILER_SIGNATURE);
    if (mark < 0) {
      return Optional.empty();
    }
    StringBuilder trailers = new StringBuilder();
    for (String line : rest.substring(0, mark).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        trailers.append(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT))
            .append(':').append(line.substring(colon + 1).strip()).append('\n');
      }
    }
    String provided = rest.substring(mark + TRAILER_SIGNATURE.length()).strip();
    String stringToSign = TRAILER_ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + previous
        + "\n" + SigV4.sha256Hex(trailers.toString().getBytes(StandardCharsets.UTF_8));
    String expected = SigV4.signature(signingKey, stringToSign);
    if (!Verifier.constantTimeEquals(expected, provided)) {
      return Optional.of(new Verdict.Mismatch(accessKeyId, "", stringToSign, provided));
    }
    return Optional.empty();
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
