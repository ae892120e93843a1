package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.CorsRule;
import dev.tombstone.s3.S3Error;
import dev.tombstone.s3.S3Error.Field;
import dev.tombstone.s3.S3State;
import java.util.List;
import java.util.Optional;

/**
 * What a bucket's CORS configuration does on the wire: answers a preflight {@code OPTIONS}, and
 * adds the {@code Access-Control-*} headers to a request whose {@code Origin} a rule allows (a
 * request no rule allows still runs, without them). The first rule that allows the origin, the
 * method and every requested header wins ({@link CorsMatch}).
 */
final class CorsRequests {
  static final String ORIGIN = "Origin";
  static final String REQUEST_METHOD = "Access-Control-Request-Method";
  static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
  private static final String NOT_ALLOWED = "CORSResponse: This CORS request is not allowed."
      + " This is usually because the evalution of Origin, request method /"
      + " Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by"
      + " the resource's CORS spec.";

  private final S3State state;

  CorsRequests(S3State state) {
    this.state = state;
  }

  /**
   * A preflight: 200 with the matching rule's headers, or S3's refusal, in S3's order (no
   * Origin, no bucket, no configuration, no valid method, no matching rule).
   */
  S3Response preflight(RestRequest request, Resource resource) {
    RequestHeaders headers = request.headers();
    String origin = headers.first(ORIGIN)
        .orElseThrow(() -> badRequest("Insufficient information. Origin request header needed."));
    Optional<String> method = headers.first(REQUEST_METHOD);
    String namedMethod = method.orElse("OPTIONS");
    Optional<List<CorsRule>> rules;
    try {
      rules = resource.level() == Resource.Level.SERVICE ? null : state.bucketCors(
          resource.bucket());
    } catch (S3Error.NoSuchBucket | S3Error.InvalidBucketName missing) {
      rules = null;
    }
    if (rules == null) {
      throw forbidden("CORSResponse: Bucket not found", namedMethod, "BUCKET");
    }
    if (rules.isEmpty()) {
      throw forbidden("CORSResponse: CORS is not enabled for this bucket.", namedMethod,
          "BUCKET");
    }
    if (method.filter(CorsMatch.METHODS::contains).isEmpty()) {
      throw badRequest("Invalid Access-Control-Request-Method: " + method.orElse("null"));
    }
    List<String> requested = CorsMatch.requestedHeaders(headers.first(REQUEST_HEADERS));
    CorsRule rule = CorsMatch.first(rules.get(), origin, method.get(), requested)
        .orElseThrow(() -> forbidden(NOT_ALLOWED, method.get(), resource.level().name()));
    S3Response answer = allow(S3Response.empty(200), rule, origin);
    if (!requested.isEmpty()) {
      answer = answer.with("Access-Control-Allow-Headers", String.join(", ", requested));
    }
    return answer;
  }

  /**
   * {@code response} with the headers of the rule that allows this cross-origin request, or
   * unchanged when none does. Like S3, a request carrying the preflight headers is matched by
   * them (the method it names, the headers it lists) rather than by its own method.
   */
  S3Response decorate(RestRequest request, String origin, S3Response response) {
    Optional<List<CorsRule>> rules;
    try {
      Resource resource = Addressing.resolve(request.host(), request.rawPath());
      if (resource.level() == Resource.Level.SERVICE) {
        return response;
      }
      rules = state.bucketCors(resource.bucket());
    } catch (RuntimeException noBucketOrBadPath) {
      return response;
    }
    if (rules.isEmpty()) {
      return response;
    }
    RequestHeaders headers = request.headers();
    String method = headers.first(REQUEST_METHOD).orElse(request.method());
    List<String> requested = CorsMatch.requestedHeaders(headers.first(REQUEST_HEADERS));
    return CorsMatch.first(rules.get(), origin, method, requested)
        .map(rule -> allow(response, rule, origin)).orElse(response);
  }

  // S3 answers "*" when the rule allows any origin, and only then leaves credentials out.
  private static S3Response allow(S3Response response, CorsRule rule, String origin) {
    boolean anyOrigin = rule.allowedOrigins().contains("*");
    S3Response allowed = response
        .with("Access-Control-Allow-Origin", anyOrigin ? "*" : origin)
        .with("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
    if (!rule.exposeHeaders().isEmpty()) {
      allowed = allowed.with("Access-Control-Expose-Headers",
          String.join(", ", rule.exposeHeaders()));
    }
    allowed = allowed.with("Access-Control-Max-Age", rule.maxAgeSeconds().map(String::valueOf));
    if (!anyOrigin) {
      allowed = allowed.with("Access-Control-Allow-Credentials", "true");
    }
    return allowed.with("Vary",
        "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
  }

  private static WireError badRequest(String message) {
    return new WireError(WireError.Kind.BAD_REQUEST, message, List.of());
  }

  private static WireError forbidden(String message, String method, String resourceType) {
    return new WireError(WireError.Kind.ACCESS_FORBIDDEN, message,
        List.of(new Field("Method", method), new Field("ResourceType", resourceType)));
  }
}
