package dev.tombstone.s3.vectors;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * One test vector of s3-api.md §8: its id (e.g. {@code G04}) and what it does.
 *
 * @param id the vector's id in the spec
 */
record Vector(String id, String title, Body body) {
  /** The vector's setup, request and expectations, run against a fresh emulator. */
  @FunctionalInterface
  interface Body {
    void run(S3Fixture f) throws Exception;
  }

  static Vector of(String id, String title, Body body) {
    return new Vector(id, title, body);
  }

  /** The vectors as named JUnit arguments, {@code "G04 GET a marker's version id"}. */
  static Stream<Named<Vector>> named(Vector... vectors) {
    return Arrays.stream(vectors).map(v -> Named.of(v.id() + " " + v.title(), v));
  }

  static List<String> ids(Stream<Named<Vector>> vectors) {
    return vectors.map(named -> named.getPayload().id()).toList();
  }
}
