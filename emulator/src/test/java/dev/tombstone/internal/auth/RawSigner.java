package dev.tombstone.internal.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests by hand, written from AWS's SigV4 description and independent of the
 * emulator's verifier, so a test can sign exactly what it means to and then alter it: the
 * headers (choosing which are signed) and, for a streaming upload, each chunk and the trailer.
 */
final class RawSigner {
  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final String key;
  private final String secret;
  private final String service;
  private final String amzDate;
  private final String scope;
  private final String timeHeader;

  RawSigner(String key, String secret, String service, Instant time) {
    this(key, secret, service, BASIC.format(time), BASIC.format(time).substring(0, 8),
        "x-amz-date");
  }

  private RawSigner(String key, String secret, String service, String amzDate, String scopeDate,
      String timeHeader) {
    this.key = key;
    this.secret = secret;
    this.service = service;
    this.amzDate = amzDate;
    this.scope = scopeDate + "/us-east-1/" + service + "/aws4_request";
    this.timeHeader = timeHeader;
  }

  /** This signer with a credential scope (and signing key) dated {@code date}, any text. */
  RawSigner scopeDated(String date) {
    return new RawSigner(key, secret, service, amzDate, date, timeHeader);
  }

  /** This signer giving the request time in header {@code name} instead of x-amz-date. */
  RawSigner timeIn(String name) {
    return new RawSigner(key, secret, service, amzDate, scope.substring(0, scope.indexOf('/')),
        name);
  }

  String amzDate() {
    return amzDate;
  }

  /** A signed request's headers, Authorization last, and the seed signature. */
  record Signed(Map<String, String> headers, String signature) {}

  /**
   * Signs {@code headers} (which must hold {@code host}; {@code x-amz-date}, or the header
   * {@link #timeIn} names, is added) for a request with an already encoded {@code path} and no
   * query, listing only {@code signed}.
   */
  Signed sign(String method, String path, Map<String, String> headers, String payloadHash,
      List<String> signed) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(timeHeader, amzDate);
    Map<String, String> canonicalHeaders = new TreeMap<>();
    for (String name : signed) {
      canonicalHeaders.put(name, all.get(name).strip());
    }
    StringBuilder canonical = new StringBuilder(method).append('\n').append(path)
        .append("\n\n");
    canonicalHeaders.forEach((name, value) ->
        canonical.append(name).append(':').append(value).append('\n'));
    String signedList = String.join(";", canonicalHeaders.keySet());
    canonical.append('\n').append(signedList).append('\n').append(payloadHash);
    String signature = hex(hmac(signingKey(), "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope
        + "\n" + sha256(canonical.toString().getBytes(StandardCharsets.UTF_8))));
    all.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + key + "/" + scope
        + ", SignedHeaders=" + signedList + ", Signature=" + signature);
    return new Signed(all, signature);
  }

  /**
   * A presigned GET's query string for an already encoded {@code path}, valid for
   * {@code expires} seconds, signing exactly {@code headers} (lower-case names).
   */
  String presignedQuery(String path, Map<String, String> headers, int expires) {
    Map<String, String> query = new TreeMap<>();
    query.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
    query.put("X-Amz-Credential", key + "/" + scope);
    query.put("X-Amz-Date", amzDate);
    query.put("X-Amz-Expires", String.valueOf(expires));
    query.put("X-Amz-SignedHeaders", String.join(";", new TreeMap<>(headers).keySet()));
    StringBuilder canonicalQuery = new StringBuilder();
    query.forEach((name, value) -> canonicalQuery.append(canonicalQuery.length() == 0 ? "" : "&")
        .append(name).append('=').append(encode(value)));
    StringBuilder canonical = new StringBuilder("GET\n").append(path).append('\n')
        .append(canonicalQuery).append('\n');
    new TreeMap<>(headers).forEach((name, value) ->
        canonical.append(name).append(':').append(value.strip()).append('\n'));
    canonical.append('\n').append(query.get("X-Amz-SignedHeaders")).append("\nUNSIGNED-PAYLOAD");
    String signature = hex(hmac(signingKey(), "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope
        + "\n" + sha256(canonical.toString().getBytes(StandardCharsets.UTF_8))));
    return canonicalQuery + "&X-Amz-Signature=" + signature;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
        .replace("*", "%2A").replace("%7E", "~");
  }

  /**
   * A {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]} body: {@code data} in chunks of
   * {@code sizes}, a final empty chunk, and with {@code trailers} a signed trailer.
   */
  byte[] chunked(byte[] data, String seed, List<Integer> sizes, Map<String, String> trailers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String previous = seed;
    int at = 0;
    for (int size : concat(sizes, 0)) {
      byte[] chunk = java.util.Arrays.copyOfRange(data, at, at + size);
      at += size;
      previous = hex(hmac(signingKey(), "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope
          + "\n" + previous + "\n" + sha256(new byte[0]) + "\n" + sha256(chunk)));
      out.writeBytes((Integer.toHexString(size) + ";chunk-signature=" + previous + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(chunk);
      if (size > 0 || trailers == null) {
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
    if (trailers != null) {
      StringBuilder lines = new StringBuilder();
      trailers.forEach((name, value) -> lines.append(name).append(':').append(value)
          .append('\n'));
      String signature = hex(hmac(signingKey(), "AWS4-HMAC-SHA256-TRAILER\n" + amzDate + "\n"
          + scope + "\n" + previous + "\n"
          + sha256(lines.toString().getBytes(StandardCharsets.UTF_8))));
      out.writeBytes((lines.toString().replace("\n", "\r\n") + "x-amz-trailer-signature:"
          + signature + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static List<Integer> concat(List<Integer> sizes, int last) {
    List<Integer> all = new java.util.ArrayList<>(sizes);
    all.add(last);
    return all;
  }

  private byte[] signingKey() {
    byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8),
        scope.substring(0, scope.indexOf('/')));
    k = hmac(k, "us-east-1");
    k = hmac(k, service);
    return hmac(k, "aws4_request");
  }

  static String sha256(byte[] data) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] k, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
