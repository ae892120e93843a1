package dev.tombstone.internal.s3.protocol;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code x-amz-*} headers a presigner moved into a presigned URL's query string, applied as
 * if sent as headers, as S3 applies them. botocore's SigV2 presigner moves every one it signs
 * ({@code ?AWSAccessKeyId=…&x-amz-meta-foo=bar}, LocalStack's AWS-validated
 * {@code test_put_url_metadata}), and SigV4 presigners hoist them too. A header the client
 * sends as such wins over its query copy.
 */
final class HoistedHeaders {
  private static final String PREFIX = "x-amz-";
  // The query-string SigV4 parameters themselves, which are no headers.
  private static final Set<String> AUTHENTICATION = Set.of("x-amz-algorithm",
      "x-amz-credential", "x-amz-date", "x-amz-expires", "x-amz-signedheaders",
      "x-amz-signature", "x-amz-security-token", "x-amz-content-sha256");

  private HoistedHeaders() {}

  /**
   * {@code request} with the hoisted headers of its {@code query} (the request's own, already
   * decoded) added to its headers.
   */
  static RestRequest apply(RestRequest request, QueryParameters query) {
    RequestHeaders headers = request.headers();
    for (String name : query.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith(PREFIX) && lower.length() > PREFIX.length()
          && !AUTHENTICATION.contains(lower) && !headers.has(name)) {
        headers = headers.plus(lower, query.get(name).orElseThrow());
      }
    }
    return headers == request.headers() ? request : new RestRequest(request.method(),
        request.host(), request.rawPath(), request.rawQuery(), headers, request.contentLength(),
        request.body());
  }
}
