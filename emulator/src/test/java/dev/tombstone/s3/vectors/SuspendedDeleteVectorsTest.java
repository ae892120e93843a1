package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * s3-api.md §8.7: DeleteObject with versioning Suspended. Base setup: Enabled, PUT k "one" → V1,
 * then Suspended. Also row D10 of the §4.2 effect table, the one row no §8 vector reaches in a
 * Suspended bucket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuspendedDeleteVectorsTest {
  private final S3Fixture fixture = new S3Fixture();

  /** S01: the base plus a null version "n"; returns V1. */
  private static String withNullVersion(S3Fixture f) {
    String v1 = f.suspendedBase();
    assertThat(f.put(S, "k", "n")).isNull();
    return v1;
  }

  /** S02: S01 plus a delete; returns V1. */
  private static String withNullMarker(S3Fixture f) {
    String v1 = withNullVersion(f);
    f.delete(S, "k");
    return v1;
  }

  private static void expectNullMarkerHeaders(Reply reply) {
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.header("x-amz-delete-marker")).hasValue("true");
    assertThat(reply.header("x-amz-version-id")).hasValue("null");
  }

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("S01", "PUT writes the null version", f -> {
          String v1 = f.suspendedBase();

          Reply put = f.wire.put("/" + S + "/k", "n");

          assertThat(put.header("x-amz-version-id")).isEmpty();
          assertThat(f.entries(S, "k")).containsExactly("Version:null", "Version:" + v1);
          assertThat(f.versions(S).xpath("//Version/IsLatest")).containsExactly("true", "false");
        }),
        Vector.of("S02", "DELETE replaces the null version with a null marker", f -> {
          String v1 = withNullVersion(f);

          Reply reply = f.wire.delete("/" + S + "/k");

          expectNullMarkerHeaders(reply);
          assertThat(f.entries(S, "k")).containsExactly("DeleteMarker:null", "Version:" + v1);
          assertThat(f.versions(S).one("//DeleteMarker/IsLatest")).isEqualTo("true");
        }),
        Vector.of("S03", "a second DELETE replaces the null marker", f -> {
          String v1 = withNullMarker(f);

          Reply reply = f.wire.delete("/" + S + "/k");

          expectNullMarkerHeaders(reply);
          assertThat(f.entries(S, "k")).containsExactly("DeleteMarker:null", "Version:" + v1);
        }),
        Vector.of("S04", "versions with ids stay", f -> {
          String v1 = f.suspendedBase();

          expectNullMarkerHeaders(f.wire.delete("/" + S + "/k"));

          Reply read = f.wire.get("/" + S + "/k?versionId=" + v1);
          assertThat(read.status()).isEqualTo(200);
          assertThat(read.text()).isEqualTo("one");
        }),
        Vector.of("S05", "PUT replaces the null marker", f -> {
          String v1 = withNullMarker(f);

          f.put(S, "k", "again");

          assertThat(f.entries(S, "k")).containsExactly("Version:null", "Version:" + v1);
          Reply read = f.wire.get("/" + S + "/k");
          assertThat(read.status()).isEqualTo(200);
          assertThat(read.text()).isEqualTo("again");
          assertThat(read.header("x-amz-version-id")).hasValue("null");
        }),
        Vector.of("S06", "removing the null marker", f -> {
          withNullMarker(f);

          Reply reply = f.deleteVersion(S, "k", "null");

          expectNullMarkerHeaders(reply);
          Reply read = f.wire.get("/" + S + "/k");
          assertThat(read.status()).isEqualTo(200);
          assertThat(read.text()).isEqualTo("one");
        }),
        Vector.of("S07", "removing a version with an id", f -> {
          String v1 = withNullVersion(f);

          Reply reply = f.deleteVersion(S, "k", v1);

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-version-id")).hasValue(v1);
          assertThat(reply.header("x-amz-delete-marker")).isEmpty();
          assertThat(f.entries(S, "k")).containsExactly("Version:null");
        }),
        Vector.of("D10", "§4.2: versionId=null without a null version changes nothing", f -> {
          String v1 = f.suspendedBase();

          Reply reply = f.deleteVersion(S, "k", "null");

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-version-id")).hasValue("null");
          assertThat(reply.header("x-amz-delete-marker")).isEmpty();
          assertThat(f.entries(S, "k")).containsExactly("Version:" + v1);
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
