package dev.tombstone.internal.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the signature of a request covers, as it came off the wire: the method, the path and
 * query exactly as sent (still percent-encoded), the headers in order, and the body's SHA-256
 * when the server has it (DynamoDB) or null when the client declares it (S3).
 *
 * @param service {@code dynamodb} or {@code s3}, the service the signature must be scoped to
 */
public record SignedRequest(String service, String method, String rawPath, String rawQuery,
    List<Map.Entry<String, String>> headers, String bodySha256) {

  public SignedRequest {
    headers = List.copyOf(headers);
    rawQuery = rawQuery == null ? "" : rawQuery;
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }

  /** Every value of a header, joined with commas as SigV4 joins them. */
  String joinedHeader(String name) {
    StringBuilder joined = new StringBuilder();
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals(name)) {
        if (joined.length() > 0) {
          joined.append(',');
        }
        joined.append(header.getValue().strip().replaceAll(" +", " "));
      }
    }
    return joined.toString();
  }

  boolean isS3() {
    return service.equals("s3");
  }
}
