package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.V;
import static dev.tombstone.s3.vectors.S3Fixture.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** s3-api.md §8.10: listings after deletes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingVectorsTest {
  private final S3Fixture fixture = new S3Fixture();

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("L01", "max-keys=1 truncates after the marker", f -> {
          EnabledDeleteVectorsTest.Common c = EnabledDeleteVectorsTest.common(f);

          Reply reply = f.wire.get("/" + V + "?versions&max-keys=1");

          assertThat(reply.one("//IsTruncated")).isEqualTo("true");
          assertThat(reply.xpath("//DeleteMarker/VersionId")).containsExactly(c.m1());
          assertThat(reply.xpath("//Version")).isEmpty();
          assertThat(reply.one("//NextKeyMarker")).isEqualTo("k");
          assertThat(reply.one("//NextVersionIdMarker")).isEqualTo(c.m1());
        }),
        Vector.of("L02", "resuming after key and version id markers", f -> {
          EnabledDeleteVectorsTest.Common c = EnabledDeleteVectorsTest.common(f);

          Reply reply = f.wire.get("/" + V + "?versions&max-keys=1&key-marker=k"
              + "&version-id-marker=" + c.m1());

          assertThat(reply.xpath("//Version/VersionId")).containsExactly(c.v2());
          assertThat(reply.xpath("//DeleteMarker")).isEmpty();
          assertThat(reply.one("//NextVersionIdMarker")).isEqualTo(c.v2());
        }),
        Vector.of("L03", "key-marker alone starts after the key", f -> {
          EnabledDeleteVectorsTest.common(f);
          String w1 = f.put(V, "m", "em");

          Reply reply = f.wire.get("/" + V + "?versions&key-marker=k");

          assertThat(reply.xpath("//Version/Key | //DeleteMarker/Key")).containsExactly("m");
          assertThat(reply.one("//Version/VersionId")).isEqualTo(w1);
        }),
        Vector.of("L04", "version-id-marker without key-marker", f -> {
          f.versioned();

          expectError(f.wire.get("/" + V + "?versions&version-id-marker=null"), 400,
              "InvalidArgument", "A version-id marker cannot be specified without a key marker.");
        }),
        Vector.of("L05", "empty version-id-marker", f -> {
          f.versioned();

          expectError(f.wire.get("/" + V + "?versions&key-marker=k&version-id-marker="), 400,
              "InvalidArgument", "A version-id marker cannot be empty.");
        }),
        Vector.of("L06", "delimiter rolls up markers and versions", f -> {
          f.versioned();
          f.put(V, "a/1", "x");
          f.put(V, "a/2", "x");
          String b = f.put(V, "b", "x");
          f.delete(V, "a/1");

          Reply reply = f.wire.get("/" + V + "?versions&delimiter=/");

          assertThat(reply.xpath("//CommonPrefixes/Prefix")).containsExactly("a/");
          assertThat(reply.xpath("//Version/Key")).containsExactly("b");
          assertThat(reply.one("//Version/VersionId")).isEqualTo(b);
          assertThat(reply.xpath("//DeleteMarker")).isEmpty();
        }),
        Vector.of("L07", "encoding-type=url", f -> {
          f.unversioned();
          f.put(U, "a%20b%2Bc", "x");

          Reply reply = f.wire.get("/" + U + "?list-type=2&encoding-type=url");

          assertThat(reply.xpath("//Contents/Key")).containsExactly("a%20b%2Bc");
          assertThat(reply.one("//EncodingType")).isEqualTo("url");
        }),
        Vector.of("L08", "ListObjects v1 hides deleted keys", f -> {
          f.versioned();
          f.put(V, "k", "x");
          f.delete(V, "k");

          Reply reply = f.wire.get("/" + V + "?prefix=k");

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.one("//Prefix")).isEqualTo("k");
          assertThat(reply.xpath("//Contents")).isEmpty();
        }),
        Vector.of("L09", "never-versioned objects are listed with the null id", f -> {
          f.unversioned();
          f.put(U, "k", "x");

          Reply reply = f.wire.get("/" + U + "?versions");

          assertThat(reply.xpath("//Version/Key")).containsExactly("k");
          assertThat(reply.one("//Version/VersionId")).isEqualTo("null");
          assertThat(reply.one("//Version/IsLatest")).isEqualTo("true");
          assertThat(reply.one("//Version/Owner/ID")).matches("[0-9a-f]{64}");
        }),
        Vector.of("L10", "keys ascending, versions newest first", f -> {
          f.versioned();
          String b1 = f.put(V, "b", "x");
          String a1 = f.put(V, "a", "x");
          String a2 = f.put(V, "a", "y");

          Reply reply = f.wire.get("/" + V + "?versions");

          assertThat(reply.xpath("//Version/Key")).containsExactly("a", "a", "b");
          assertThat(reply.xpath("//Version/VersionId")).containsExactly(a2, a1, b1);
          assertThat(reply.xpath("//Version/IsLatest")).containsExactly("true", "false", "true");
        }));
  }

  @BeforeEach
  void reset() {
    fixture.reset();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(Vector vector) throws Exception {
    vector.body().run(fixture);
  }
}
