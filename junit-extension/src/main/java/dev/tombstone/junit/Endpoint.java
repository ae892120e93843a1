package dev.tombstone.junit;

import dev.tombstone.Tombstone;
import java.net.URI;
import java.util.Optional;

/**
 * Where the injected clients go: the in-process emulator, or an external endpoint.
 *
 * @param uri the endpoint override; empty for the real AWS endpoints
 * @param region the signing region
 * @param accessKeyId static credentials; empty for the SDK's default credential chain
 * @param secretAccessKey the secret of {@code accessKeyId}
 * @param tombstone the in-process emulator; empty in external mode
 */
record Endpoint(
    Optional<URI> uri,
    String region,
    Optional<String> accessKeyId,
    Optional<String> secretAccessKey,
    Optional<Tombstone> tombstone) {

  static final String DUMMY_KEY = "tombstone";

  static Endpoint of(Tombstone tombstone) {
    return new Endpoint(Optional.of(tombstone.endpoint()), tombstone.region(),
        Optional.of(DUMMY_KEY), Optional.of(DUMMY_KEY), Optional.of(tombstone));
  }

  boolean isExternal() {
    return tombstone.isEmpty();
  }

  String describe() {
    return uri.map(URI::toString).orElse("the AWS endpoints of " + region);
  }
}
