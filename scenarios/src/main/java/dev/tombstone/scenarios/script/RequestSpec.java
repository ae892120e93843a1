package dev.tombstone.scenarios.script;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;

/**
 * The request of a step, before variables are substituted.
 *
 * @param method  HTTP method
 * @param url     absolute URL template, e.g. {@code {{baseUrl}}/uploads?versions}
 * @param headers request headers in order; {@code Content-MD5} is added when
 *                {@code contentMd5} is set
 * @param body    the body text or {@code null}
 * @param json    whether the body was written as JSON in the script
 */
public record RequestSpec(String method, String url, Map<String, String> headers, String body,
    boolean json) {
  public RequestSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * Returns a copy whose headers include {@code Content-MD5} of the body, as S3 requires for
   * PutBucketVersioning. Computed when the script is loaded, so JUnit and Postman send the
   * same value.
   */
  RequestSpec withContentMd5() {
    if (body == null) {
      throw new IllegalArgumentException("contentMd5 needs a body: " + method + " " + url);
    }
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8));
      Map<String, String> withMd5 = new LinkedHashMap<>(headers);
      withMd5.put("Content-MD5", Base64.getEncoder().encodeToString(digest));
      return new RequestSpec(method, url, withMd5, body, json);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
