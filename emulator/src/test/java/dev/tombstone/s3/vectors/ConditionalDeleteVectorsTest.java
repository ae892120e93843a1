package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.V;
import static dev.tombstone.s3.vectors.S3Fixture.expectError;
import static dev.tombstone.s3.vectors.S3Fixture.expectErrorCode;
import static dev.tombstone.s3.vectors.S3Fixture.expectVersionId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** s3-api.md §8.8: conditional deletes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalDeleteVectorsTest {
  private static final String HELLO_ETAG = BodyVectorsTest.HELLO_ETAG;
  private final S3Fixture fixture = new S3Fixture();

  private static Reply deleteIfMatch(S3Fixture f, String bucket, String key, String etag) {
    return f.wire.delete("/" + bucket + "/" + key, "If-Match", etag);
  }

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("C01", "matching ETag", f -> {
          f.unversioned();
          f.put(U, "k", "hello");

          assertThat(deleteIfMatch(f, U, "k", HELLO_ETAG).status()).isEqualTo(204);
          assertThat(f.tombstone.s3().keys(U)).isEmpty();
        }),
        Vector.of("C02", "other ETag", f -> {
          f.unversioned();
          f.put(U, "k", "hello");

          Reply reply = deleteIfMatch(f, U, "k", "\"00000000000000000000000000000000\"");

          expectError(reply, 412, "PreconditionFailed",
              "At least one of the pre-conditions you specified did not hold");
          assertThat(reply.one("/Error/Condition")).isEqualTo("If-Match");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("k");
        }),
        Vector.of("C03", "If-Match: *", f -> {
          f.unversioned();
          f.put(U, "k", "hello");

          assertThat(deleteIfMatch(f, U, "k", "*").status()).isEqualTo(204);
          assertThat(f.tombstone.s3().keys(U)).isEmpty();
        }),
        Vector.of("C04", "If-Match on a missing key", f -> {
          f.unversioned();

          expectError(deleteIfMatch(f, U, "missing", "*"), 404, "NoSuchKey",
              "The specified key does not exist.");
        }),
        Vector.of("C05", "unquoted ETag", f -> {
          f.unversioned();
          f.put(U, "k", "hello");

          assertThat(deleteIfMatch(f, U, "k", "5d41402abc4b2a76b9719d911017c592").status())
              .isEqualTo(204);
        }),
        Vector.of("C06", "If-Match when a marker is current", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "hello");
          String m1 = f.delete(V, "k");

          expectErrorCode(deleteIfMatch(f, V, "k", "*"), 404, "NoSuchKey");
          assertThat(f.entries(V, "k")).containsExactly("DeleteMarker:" + m1, "Version:" + v1);
        }),
        Vector.of("C07", "matching ETag in a versioned bucket adds a marker", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "hello");

          Reply reply = deleteIfMatch(f, V, "k", HELLO_ETAG);

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-delete-marker")).hasValue("true");
          String marker = reply.header("x-amz-version-id").orElseThrow();
          expectVersionId(marker);
          assertThat(f.entries(V, "k")).containsExactly("DeleteMarker:" + marker,
              "Version:" + v1);
        }),
        Vector.of("C08", "directory-bucket condition", f -> {
          f.unversioned();
          f.put(U, "k", "hello");

          Reply reply = f.wire.delete("/" + U + "/k", "x-amz-if-match-size", "5");

          expectErrorCode(reply, 501, "NotImplemented");
          assertThat(reply.one("/Error/Header")).isEqualTo("x-amz-if-match-size");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("k");
        }),
        Vector.of("C09", "MFA is ignored; the governance header needs Object Lock", f -> {
          f.unversioned();
          f.put(U, "k", "hello");

          Reply refused = f.wire.delete("/" + U + "/k", "x-amz-mfa", "123 456",
              "x-amz-bypass-governance-retention", "true");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("k");
          Reply reply = f.wire.delete("/" + U + "/k", "x-amz-mfa", "123 456");

          expectErrorCode(refused, 400, "InvalidArgument");
          assertThat(reply.status()).isEqualTo(204);
          assertThat(f.tombstone.s3().keys(U)).isEmpty();
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
