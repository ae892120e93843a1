package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.S;
import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.V;
import static dev.tombstone.s3.vectors.S3Fixture.expectError;
import static dev.tombstone.s3.vectors.S3Fixture.expectVersionId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** s3-api.md §8.4: PutObject and reads. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadVectorsTest {
  private final S3Fixture fixture = new S3Fixture();

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("P01", "PutObject, never versioned", f -> {
          f.unversioned();

          Reply reply = f.wire.put("/" + U + "/k", "hello");

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.header("ETag")).hasValue(BodyVectorsTest.HELLO_ETAG);
          assertThat(reply.header("x-amz-version-id")).isEmpty();
        }),
        Vector.of("P02", "PutObject, Enabled", f -> {
          f.versioned();

          Reply reply = f.wire.put("/" + V + "/k", "one");

          assertThat(reply.status()).isEqualTo(200);
          expectVersionId(reply.header("x-amz-version-id").orElseThrow());
          assertThat(reply.header("ETag")).hasValue("\"f97c5d29941bfb1b2fdab0874906ab82\"");
        }),
        Vector.of("P03", "PutObject, Suspended", f -> {
          f.suspended();

          Reply put = f.wire.put("/" + S + "/k", "one");
          Reply get = f.wire.get("/" + S + "/k");

          assertThat(put.header("x-amz-version-id")).isEmpty();
          assertThat(get.status()).isEqualTo(200);
          assertThat(get.header("x-amz-version-id")).hasValue("null");
        }),
        Vector.of("P04", "reading the current and an older version", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "one");
          String v2 = f.put(V, "k", "two");

          Reply current = f.wire.get("/" + V + "/k");
          Reply older = f.wire.get("/" + V + "/k?versionId=" + v1);

          assertThat(current.text()).isEqualTo("two");
          assertThat(current.header("x-amz-version-id")).hasValue(v2);
          assertThat(older.text()).isEqualTo("one");
          assertThat(older.header("x-amz-version-id")).hasValue(v1);
        }),
        Vector.of("P05", "malformed version id", f -> {
          f.versioned();
          f.put(V, "k", "one");

          Reply reply = f.wire.get("/" + V + "/k?versionId=bogus");

          expectError(reply, 400, "InvalidArgument", "Invalid version id specified");
          assertThat(reply.one("/Error/ArgumentName")).isEqualTo("versionId");
          assertThat(reply.one("/Error/ArgumentValue")).isEqualTo("bogus");
        }),
        Vector.of("P06", "empty version id", f -> {
          f.versioned();
          f.put(V, "k", "one");

          expectError(f.wire.get("/" + V + "/k?versionId="), 400, "InvalidArgument",
              "Version id cannot be the empty string");
        }),
        Vector.of("P07", "removed version", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "one");
          f.put(V, "k", "two");
          f.deleteVersion(V, "k", v1);

          Reply reply = f.wire.get("/" + V + "/k?versionId=" + v1);

          expectError(reply, 404, "NoSuchVersion", "The specified version does not exist.");
          assertThat(reply.one("/Error/VersionId")).isEqualTo(v1);
          assertThat(reply.one("/Error/Key")).isEqualTo("k");
        }),
        Vector.of("P08", "missing key", f -> {
          f.unversioned();

          Reply reply = f.wire.get("/" + U + "/missing");

          expectError(reply, 404, "NoSuchKey", "The specified key does not exist.");
          assertThat(reply.one("/Error/Key")).isEqualTo("missing");
          assertThat(reply.header("x-amz-delete-marker")).isEmpty();
        }),
        Vector.of("P09", "versionId=null in a never-versioned bucket", f -> {
          f.unversioned();
          f.put(U, "k", "hello");

          Reply reply = f.wire.get("/" + U + "/k?versionId=null");

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.text()).isEqualTo("hello");
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
