package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.expectError;
import static dev.tombstone.s3.vectors.S3Fixture.expectErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** s3-api.md §8.5: DeleteObject in a never-versioned bucket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnversionedDeleteVectorsTest {
  private final S3Fixture fixture = new S3Fixture();

  private static void expectPlain204(Reply reply) {
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.header("x-amz-delete-marker")).isEmpty();
    assertThat(reply.header("x-amz-version-id")).isEmpty();
    S3Fixture.expectFraming(reply);
  }

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("D01", "delete an object", f -> {
          f.unversioned();
          f.put(U, "k", "x");

          expectPlain204(f.wire.delete("/" + U + "/k"));
          expectError(f.wire.get("/" + U + "/k"), 404, "NoSuchKey",
              "The specified key does not exist.");
        }),
        Vector.of("D02", "delete a missing key", f -> {
          f.unversioned();

          expectPlain204(f.wire.delete("/" + U + "/missing"));
        }),
        Vector.of("D03", "delete twice", f -> {
          f.unversioned();
          f.put(U, "k", "x");

          expectPlain204(f.wire.delete("/" + U + "/k"));
          expectPlain204(f.wire.delete("/" + U + "/k"));
        }),
        Vector.of("D04", "missing bucket", f -> {
          Reply reply = f.wire.delete("/nobucket/k");

          expectError(reply, 404, "NoSuchBucket", "The specified bucket does not exist");
          assertThat(reply.one("/Error/BucketName")).isEqualTo("nobucket");
        }),
        Vector.of("D05", "versionId=null names the object", f -> {
          f.unversioned();
          f.put(U, "k", "x");

          Reply reply = f.wire.delete("/" + U + "/k?versionId=null");

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-version-id")).hasValue("null");
          assertThat(reply.header("x-amz-delete-marker")).isEmpty();
          assertThat(f.tombstone.s3().keys(U)).isEmpty();
        }),
        Vector.of("D06", "malformed version id", f -> {
          f.unversioned();
          f.put(U, "k", "x");

          Reply reply = f.wire.delete("/" + U + "/k?versionId=bogus");

          expectError(reply, 400, "InvalidArgument", "Invalid version id specified");
          assertThat(reply.one("/Error/ArgumentValue")).isEqualTo("bogus");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("k");
        }),
        Vector.of("D07", "key too long", f -> {
          f.unversioned();

          expectErrorCode(f.wire.delete("/" + U + "/" + "k".repeat(1025)), 400,
              "KeyTooLongError");
        }),
        Vector.of("D08", "encoded space", f -> {
          f.unversioned();
          f.put(U, "a%20b", "x");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("a b");

          assertThat(f.wire.delete("/" + U + "/a%20b").status()).isEqualTo(204);
          assertThat(f.wire.get("/" + U + "?list-type=2").xpath("//Contents")).isEmpty();
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
