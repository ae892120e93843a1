package dev.tombstone.internal.s3.protocol;

import java.util.Optional;

/** A routed request: what it addresses and its decoded query. */
record S3Call(RestRequest request, Resource resource, QueryParameters query) {
  String bucket() {
    return resource.bucket();
  }

  String key() {
    return resource.key();
  }

  RequestHeaders headers() {
    return request.headers();
  }

  Optional<String> header(String name) {
    return request.headers().first(name);
  }
}
