package dev.tombstone.internal.s3.protocol;

import dev.tombstone.internal.ContentBytes;
import dev.tombstone.internal.SideTask;
import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.ObjectContent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads a request body in S3's order of checks (s3-api.md §2.5): framing, payload SHA-256,
 * Content-MD5, then the additional checksum. Nothing is stored before all of them passed.
 */
final class RequestBodies {
  private static final String DECODED_LENGTH = "x-amz-decoded-content-length";
  private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";
  static final String SINGLE_CHECKSUM = "Expecting a single x-amz-checksum- header";
  private static final int MAX_INITIAL_CAPACITY = 16 * 1024 * 1024;
  /**
   * Bodies from this size on have their MD5 computed on an idle core (if there is one) beside
   * their SHA-256 and decoding: the MD5 of 48 KB, a DeleteObjects of 1,000 keys, takes about
   * 60 µs.
   */
  private static final int SIDE_DIGEST_MIN = 16 * 1024;

  private RequestBodies() {}

  // The body stream is closed only after a complete read: closing drains what is left, and
  // after an error the connection is closed instead of reading a body nobody wants.

  /** @throws WireError MissingContentLength when neither a length nor chunking is declared */
  static void requireDeclaredLength(RequestHeaders headers) {
    if (!headers.has("Content-Length") && !headers.has("Transfer-Encoding")) {
      throw WireError.missingContentLength();
    }
  }

  static VerifiedBody read(RestRequest request, BodyKind kind) {
    return read(request, kind, content -> null).body();
  }

  /**
   * Reads and checks a configuration document that S3 takes only with Content-MD5 or an
   * {@code x-amz-checksum-*} header (lifecycle, Object Lock, CORS, website).
   *
   * @throws WireError InvalidRequest when the client sent neither
   */
  static VerifiedBody readDocumentWithIntegrity(RestRequest request) {
    VerifiedBody body = read(request, BodyKind.DOCUMENT);
    if (!body.integrityProvided()) {
      throw WireError.invalidRequest(BucketOperations.MISSING_INTEGRITY_HEADER);
    }
    return body;
  }

  /**
   * Reads and checks the body, and decodes it with {@code decoder}, which must change nothing:
   * it runs while the MD5 of a large body is still being computed on another core, and what it
   * returns or throws is kept until every check passed, so the errors keep S3's order.
   */
  static <T> Decoded<T> read(
      RestRequest request, BodyKind kind, Function<ObjectContent, T> decoder) {
    RequestHeaders headers = request.headers();
    Framing framing = Framing.of(headers);
    ObjectContent content;
    Map<String, String> trailers = Map.of();
    try {
      if (framing.chunked()) {
        Optional<Long> decodedLength = decodedLength(headers, framing, kind);
        refuseHeaderBesideTrailer(headers);
        ObjectContent.Writer writer = ObjectContent.writer(capacity(decodedLength.orElse(-1L)));
        InputStream in = request.body().open();
        trailers = AwsChunkedDecoder.decode(in, new LimitedOutput(writer, kind.limit(),
            kind::tooLarge));
        in.close();
        content = writer.toContent();
        if (decodedLength.isPresent() && decodedLength.get() != content.size()) {
          throw WireError.lengthMismatch();
        }
        checkTrailers(headers, trailers);
      } else {
        content = readRaw(request, kind);
      }
    } catch (IOException e) {
      throw WireError.bodyTerminated();
    }
    Supplier<byte[]> md5 = content.size() >= SIDE_DIGEST_MIN && headers.has("Content-MD5")
        ? SideTask.offer(() -> Integrity.md5(content))::join : () -> Integrity.md5(content);
    framing.payloadSha256().ifPresent(sha -> Integrity.checkPayloadSha256(sha, content));
    T decoded = null;
    RuntimeException decodeFailure = null;
    try {
      decoded = decoder.apply(content);
    } catch (RuntimeException e) {
      decodeFailure = e;
    }
    Integrity.checkContentMd5(headers, md5);
    Optional<Checksum> checksum = Integrity.checkChecksum(headers, trailers, content,
        kind.checksumHeadersDescribeBody());
    VerifiedBody body = new VerifiedBody(content, checksum,
        checksum.isPresent() || headers.has("Content-MD5"));
    return new Decoded<>(body, decoded, decodeFailure);
  }

  /**
   * A checked body and what the decoder made of it.
   *
   * @param failure what the decoder threw, thrown by {@link #value}
   */
  record Decoded<T>(VerifiedBody body, T decoded, RuntimeException failure) {
    /** The decoded body; throws what the decoder threw. */
    T value() {
      if (failure != null) {
        throw failure;
      }
      return decoded;
    }
  }

  private static ObjectContent readRaw(RestRequest request, BodyKind kind) throws IOException {
    long declared = request.contentLength();
    if (declared == 0) {
      return ObjectContent.EMPTY;
    }
    if (declared > kind.limit()) {
      throw kind.tooLarge(declared);
    }
    byte[] buffered = request.body().buffered();
    if (buffered != null && buffered.length == declared) {
      // Read on the I/O thread already: the array becomes the content, with no second copy.
      return ContentBytes.of(ObjectContent.class).adopt(buffered);
    }
    ObjectContent.Writer writer = ObjectContent.writer(capacity(declared));
    InputStream in = request.body().open();
    in.transferTo(new LimitedOutput(writer, kind.limit(), kind::tooLarge));
    in.close();
    if (declared > 0 && writer.size() != declared) {
      // The stream ended before Content-Length said it would (the client went away, or the
      // read timeout closed the connection): never a body to store.
      throw WireError.lengthMismatch();
    }
    return writer.toContent();
  }

  private static Optional<Long> decodedLength(
      RequestHeaders headers, Framing framing, BodyKind kind) {
    Optional<String> header = headers.first(DECODED_LENGTH);
    if (header.isEmpty()) {
      if (framing.streaming()) {
        throw WireError.missingContentLength();
      }
      return Optional.empty();
    }
    long length;
    try {
      length = Long.parseLong(header.get().trim());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length < 0) {
      throw WireError.invalidArgument("x-amz-decoded-content-length must be a non-negative"
          + " integer", DECODED_LENGTH, header.get());
    }
    if (length > kind.limit()) {
      throw kind.tooLarge(length);
    }
    return Optional.of(length);
  }

  /**
   * A checksum in a header beside a trailer announced for one is two checksums: S3 refuses the
   * request before reading the body (versity/versitygw#1657, from S3's answer). The SDK for Java
   * v2 sends this over plain HTTP when a request names both an algorithm and its value.
   */
  private static void refuseHeaderBesideTrailer(RequestHeaders headers) {
    if (!headers.has("x-amz-trailer")) {
      return;
    }
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      if (headers.has(algorithm.headerName())) {
        throw WireError.invalidRequest(SINGLE_CHECKSUM);
      }
    }
  }

  // Every trailer the client announced must arrive, and nothing else.
  private static void checkTrailers(RequestHeaders headers, Map<String, String> trailers) {
    Set<String> declared = headers.joined("x-amz-trailer")
        .map(value -> Arrays.stream(value.split(","))
            .map(name -> name.trim().toLowerCase(Locale.ROOT))
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toSet()))
        .orElse(Set.of());
    Set<String> present = trailers.keySet().stream()
        .filter(name -> !name.equals(TRAILER_SIGNATURE))
        .collect(Collectors.toSet());
    if (!declared.equals(present)) {
      throw WireError.malformedTrailer();
    }
  }

  private static int capacity(long declared) {
    return (int) Math.max(0, Math.min(declared, MAX_INITIAL_CAPACITY));
  }
}
