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

/**
 * s3-api.md §8.6: DeleteObject with versioning Enabled. The common setup of G01–G09: PUT k
 * "one" → V1, PUT k "two" → V2, DELETE k → M1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnabledDeleteVectorsTest {
  private final S3Fixture fixture = new S3Fixture();

  /** V1, V2, M1 of the common setup. */
  record Common(String v1, String v2, String m1) {}

  static Common common(S3Fixture f) {
    f.versioned();
    String v1 = f.put(V, "k", "one");
    String v2 = f.put(V, "k", "two");
    return new Common(v1, v2, f.delete(V, "k"));
  }

  static void expectMarkerHeaders(Reply reply, String markerId) {
    assertThat(reply.header("x-amz-delete-marker")).hasValue("true");
    assertThat(reply.header("x-amz-version-id")).hasValue(markerId);
  }

  /**
   * The 404 for a key hidden by a marker also carries the marker's Last-Modified, which S3 has
   * answered since September 2023 ("Amazon S3 now provides the Last-Modified time for delete
   * markers using S3 Head and Get APIs"): the time the 405 for its version id reports.
   */
  static void expectMarkerLastModified(S3Fixture f, Reply reply, String markerId) {
    Reply byVersion = f.wire.get("/" + V + "/k?versionId=" + markerId);
    assertThat(reply.header("Last-Modified")).isPresent()
        .isEqualTo(byVersion.header("Last-Modified"));
  }

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("G01", "delete adds a marker", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "one");
          String v2 = f.put(V, "k", "two");

          Reply reply = f.wire.delete("/" + V + "/k");

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-delete-marker")).hasValue("true");
          String m1 = reply.header("x-amz-version-id").orElseThrow();
          expectVersionId(m1);
          assertThat(m1).isNotIn(v1, v2);
        }),
        Vector.of("G02", "GET of a deleted key", f -> {
          Common c = common(f);

          Reply reply = f.wire.get("/" + V + "/k");

          expectError(reply, 404, "NoSuchKey", "The specified key does not exist.");
          expectMarkerHeaders(reply, c.m1());
          expectMarkerLastModified(f, reply, c.m1());
        }),
        Vector.of("G03", "HEAD of a deleted key", f -> {
          Common c = common(f);

          Reply reply = f.wire.head("/" + V + "/k");

          assertThat(reply.status()).isEqualTo(404);
          S3Fixture.expectNoBody(reply);
          expectMarkerHeaders(reply, c.m1());
          expectMarkerLastModified(f, reply, c.m1());
        }),
        Vector.of("G04", "GET of a marker's version id", f -> {
          Common c = common(f);

          Reply reply = f.wire.get("/" + V + "/k?versionId=" + c.m1());

          expectError(reply, 405, "MethodNotAllowed",
              "The specified method is not allowed against this resource.");
          expectMarkerHeaders(reply, c.m1());
          assertThat(reply.header("Allow")).hasValue("DELETE");
          assertThat(reply.header("Last-Modified")).get().asString().endsWith(" GMT");
          assertThat(reply.one("/Error/Method")).isEqualTo("GET");
          assertThat(reply.one("/Error/ResourceType")).isEqualTo("DeleteMarker");
        }),
        Vector.of("G05", "HEAD of a marker's version id", f -> {
          Common c = common(f);

          Reply reply = f.wire.head("/" + V + "/k?versionId=" + c.m1());

          assertThat(reply.status()).isEqualTo(405);
          S3Fixture.expectNoBody(reply);
          expectMarkerHeaders(reply, c.m1());
          assertThat(reply.header("Allow")).hasValue("DELETE");
        }),
        Vector.of("G06", "older version stays readable", f -> {
          Common c = common(f);

          Reply reply = f.wire.get("/" + V + "/k?versionId=" + c.v1());

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.text()).isEqualTo("one");
          assertThat(reply.header("x-amz-version-id")).hasValue(c.v1());
        }),
        Vector.of("G07", "versions listing under a marker", f -> {
          Common c = common(f);

          Reply reply = f.versions(V);

          assertThat(f.entries(V, "k")).containsExactly("DeleteMarker:" + c.m1(),
              "Version:" + c.v2(), "Version:" + c.v1());
          assertThat(reply.one("//DeleteMarker/IsLatest")).isEqualTo("true");
          assertThat(reply.xpath("//Version/IsLatest")).containsExactly("false", "false");
          assertThat(reply.xpath("//Version/ETag")).first()
              .isEqualTo("\"b8a9f715dbb64fd5c56e7783c6820a61\"");
          assertThat(reply.xpath("//Version/Size")).first().isEqualTo("3");
        }),
        Vector.of("G08", "listings hide the key", f -> {
          common(f);

          assertThat(f.wire.get("/" + V + "?list-type=2").xpath("//Contents")).isEmpty();
          assertThat(f.wire.get("/" + V).xpath("//Contents")).isEmpty();
        }),
        Vector.of("G09", "markers stack", f -> {
          Common c = common(f);

          String m2 = f.delete(V, "k");

          assertThat(m2).isNotEqualTo(c.m1());
          assertThat(f.entries(V, "k")).containsExactly("DeleteMarker:" + m2,
              "DeleteMarker:" + c.m1(), "Version:" + c.v2(), "Version:" + c.v1());
          assertThat(f.versions(V).xpath("//DeleteMarker/IsLatest")).containsExactly("true",
              "false");
        }),
        Vector.of("G10", "delete of a key that never existed", f -> {
          f.versioned();

          Reply reply = f.wire.delete("/" + V + "/ghost");

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-delete-marker")).hasValue("true");
          String marker = reply.header("x-amz-version-id").orElseThrow();
          expectVersionId(marker);
          Reply listing = f.versions(V);
          assertThat(f.entries(V, "ghost")).containsExactly("DeleteMarker:" + marker);
          assertThat(listing.one("//DeleteMarker/IsLatest")).isEqualTo("true");
          assertThat(listing.xpath("//Version")).isEmpty();
        }),
        Vector.of("G11", "removing the marker restores the object", f -> {
          Common c = common(f);

          Reply reply = f.deleteVersion(V, "k", c.m1());

          assertThat(reply.status()).isEqualTo(204);
          expectMarkerHeaders(reply, c.m1());
          Reply read = f.wire.get("/" + V + "/k");
          assertThat(read.status()).isEqualTo(200);
          assertThat(read.text()).isEqualTo("two");
        }),
        Vector.of("G12", "removing the current version", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "one");
          String v2 = f.put(V, "k", "two");

          Reply reply = f.deleteVersion(V, "k", v2);

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-version-id")).hasValue(v2);
          assertThat(reply.header("x-amz-delete-marker")).isEmpty();
          assertThat(f.wire.get("/" + V + "/k").text()).isEqualTo("one");
          assertThat(f.entries(V, "k")).containsExactly("Version:" + v1);
          assertThat(f.versions(V).one("//Version/IsLatest")).isEqualTo("true");
        }),
        Vector.of("G13", "removing the version above a marker", f -> {
          f.versioned();
          f.put(V, "k", "one");
          String m1 = f.delete(V, "k");
          String v3 = f.put(V, "k", "three");

          assertThat(f.deleteVersion(V, "k", v3).status()).isEqualTo(204);

          Reply read = f.wire.get("/" + V + "/k");
          expectErrorCode(read, 404, "NoSuchKey");
          expectMarkerHeaders(read, m1);
        }),
        Vector.of("G14", "removing a removed version again", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "one");
          String v2 = f.put(V, "k", "two");
          f.deleteVersion(V, "k", v2);

          Reply reply = f.deleteVersion(V, "k", v2);

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-version-id")).hasValue(v2);
          assertThat(f.entries(V, "k")).containsExactly("Version:" + v1);
        }),
        Vector.of("G15", "removing every entry frees the bucket", f -> {
          Common c = common(f);

          for (String id : new String[] {c.m1(), c.v2(), c.v1()}) {
            assertThat(f.deleteVersion(V, "k", id).status()).isEqualTo(204);
          }

          assertThat(f.entries(V, "k")).isEmpty();
          assertThat(f.wire.delete("/" + V).status()).isEqualTo(204);
        }),
        Vector.of("G16", "a new version over a marker", f -> {
          Common c = common(f);

          String v4 = f.put(V, "k", "four");

          assertThat(f.wire.get("/" + V + "/k").text()).isEqualTo("four");
          assertThat(f.entries(V, "k")).containsExactly("Version:" + v4,
              "DeleteMarker:" + c.m1(), "Version:" + c.v2(), "Version:" + c.v1());
        }),
        Vector.of("G17", "objects written before versioning have the null id", f -> {
          f.unversioned();
          f.put(U, "k", "pre");
          f.versioning(U, "Enabled");
          String v1 = f.put(U, "k", "post");

          assertThat(f.entries(U, "k")).containsExactly("Version:" + v1, "Version:null");
          Reply reply = f.deleteVersion(U, "k", "null");

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-version-id")).hasValue("null");
          assertThat(f.entries(U, "k")).containsExactly("Version:" + v1);
        }),
        Vector.of("G18", "versionId=null without a null version", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "one");

          Reply reply = f.deleteVersion(V, "k", "null");

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-version-id")).hasValue("null");
          assertThat(f.entries(V, "k")).containsExactly("Version:" + v1);
        }),
        Vector.of("G19", "malformed version id", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "one");

          expectError(f.deleteVersion(V, "k", "bogus"), 400, "InvalidArgument",
              "Invalid version id specified");
          assertThat(f.entries(V, "k")).containsExactly("Version:" + v1);
        }),
        Vector.of("G20", "another key's version id", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "one");
          String j1 = f.put(V, "j", "jay");

          Reply reply = f.deleteVersion(V, "k", j1);

          assertThat(reply.status()).isEqualTo(204);
          assertThat(reply.header("x-amz-version-id")).hasValue(j1);
          assertThat(f.entries(V, "k")).containsExactly("Version:" + v1);
          assertThat(f.entries(V, "j")).containsExactly("Version:" + j1);
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
