package dev.tombstone.s3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a bucket's CORS configuration: the protocol answers preflight {@code OPTIONS}
 * requests and adds {@code Access-Control-*} headers by it. The protocol validates the document
 * (methods, wildcards, at most 100 rules) before it reaches the state.
 *
 * @param allowedMethods {@code GET}, {@code PUT}, {@code HEAD}, {@code POST} or {@code DELETE}
 * @param allowedOrigins origins, each with at most one {@code *}
 * @param allowedHeaders request headers a preflight may name, each with at most one {@code *}
 * @param maxAgeSeconds how long a browser may cache the preflight answer
 * @param exposeHeaders response headers a browser script may read
 */
public record CorsRule(
    Optional<String> id,
    List<String> allowedMethods,
    List<String> allowedOrigins,
    List<String> allowedHeaders,
    Optional<Integer> maxAgeSeconds,
    List<String> exposeHeaders) {
  public CorsRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(maxAgeSeconds, "maxAgeSeconds");
    allowedMethods = List.copyOf(allowedMethods);
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHeaders = List.copyOf(allowedHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }
}
