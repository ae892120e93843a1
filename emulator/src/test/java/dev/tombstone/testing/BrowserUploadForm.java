package dev.tombstone.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser upload (POST Object) built by hand, as an HTML form or a presigned POST would send
 * it: a {@code multipart/form-data} body of fields in order and a {@code file} part, a POST
 * policy and its SigV4 signature, computed here from AWS's description independently of the
 * emulator. The SDKs for Java cannot send one.
 */
public final class BrowserUploadForm {
  private static final String BOUNDARY = "----TombstoneFormBoundary7MA4YWxkTrZu0gW";
  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();

  private final List<Map.Entry<String, String>> fields = new ArrayList<>();
  private final ByteArrayOutputStream after = new ByteArrayOutputStream();
  private String filePart;
  private byte[] file = new byte[0];

  /** Adds a field, in order. */
  public BrowserUploadForm field(String name, String value) {
    fields.add(Map.entry(name, value));
    return this;
  }

  /** The {@code file} part: its {@code filename} parameter (null for none) and content. */
  public BrowserUploadForm file(String filename, String content) {
    this.filePart = filename == null ? "form-data; name=\"file\""
        : "form-data; name=\"file\"; filename=\"" + filename + "\"";
    this.file = content.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** A field sent after the file, which S3 ignores. */
  public BrowserUploadForm fieldAfterFile(String name, String value) {
    after.writeBytes(part("form-data; name=\"" + name + "\"",
        value.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /**
   * Adds the SigV4 fields botocore adds, and the policy and its signature: {@code policyJson}
   * is signed as is, after base64.
   */
  public BrowserUploadForm signedV4(String key, String secret, Instant time, String policyJson) {
    String date = BASIC.format(time);
    String credential = key + "/" + date.substring(0, 8) + "/us-east-1/s3/aws4_request";
    String policy = base64(policyJson);
    field("x-amz-algorithm", "AWS4-HMAC-SHA256");
    field("x-amz-credential", credential);
    field("x-amz-date", date);
    field("policy", policy);
    field("x-amz-signature", signature(secret, date.substring(0, 8), policy));
    return this;
  }

  /** The policy botocore writes: these conditions, and those it adds for its own fields. */
  public static String policy(Instant expiration, String bucket, String key, String accessKey,
      Instant time, String... conditions) {
    String date = BASIC.format(time);
    StringBuilder all = new StringBuilder();
    for (String condition : conditions) {
      all.append(condition).append(", ");
    }
    all.append("{\"bucket\": \"").append(bucket).append("\"}, ").append(key)
        .append(", {\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"}, {\"x-amz-credential\": \"")
        .append(accessKey).append('/').append(date, 0, 8)
        .append("/us-east-1/s3/aws4_request\"}, {\"x-amz-date\": \"").append(date).append("\"}");
    return "{\"expiration\": \"" + DateTimeFormatter.ISO_INSTANT.format(expiration)
        + "\", \"conditions\": [" + all + "]}";
  }

  public static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hex HMAC-SHA256 of {@code policy} under the us-east-1 s3 signing key of the day. */
  public static String signature(String secret, String day, String policy) {
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, "us-east-1");
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    return HexFormat.of().formatHex(hmac(key, policy));
  }

  /** The multipart body. */
  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields) {
      out.writeBytes(part("form-data; name=\"" + field.getKey() + "\"",
          field.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    if (filePart != null) {
      out.writeBytes(part(filePart, file));
    }
    out.writeBytes(after.toByteArray());
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  /** POSTs the form to {@code url} (a bucket's URL). */
  public HttpResponse<String> postTo(URI url) {
    return post(url, contentType(), body());
  }

  /** An answer read off a socket: status, headers (names lower-case) and body. */
  public record RawAnswer(int status, Map<String, String> headers, String body) {}

  /**
   * POSTs the form to {@code path} on the local port with this {@code Host} header, which the
   * JDK's client will not set (a virtual-hosted bucket's name is in it).
   */
  public RawAnswer postWithHost(int port, String host, String path) {
    byte[] body = body();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: "
          + contentType() + "\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int headEnd = answer.indexOf("\r\n\r\n");
      String[] lines = answer.substring(0, headEnd).split("\r\n");
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers,
          answer.substring(headEnd + 4));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** POSTs any body with any Content-Type. */
  public static HttpResponse<String> post(URI url, String contentType, byte[] body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(url).header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] part(String disposition, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
