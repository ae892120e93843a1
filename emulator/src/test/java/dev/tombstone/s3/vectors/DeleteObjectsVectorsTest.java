package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.MALFORMED_XML;
import static dev.tombstone.s3.vectors.S3Fixture.NS;
import static dev.tombstone.s3.vectors.S3Fixture.S;
import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.V;
import static dev.tombstone.s3.vectors.S3Fixture.deleteBody;
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

/** s3-api.md §8.9: DeleteObjects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeleteObjectsVectorsTest {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String M06_BODY =
      "<Delete xmlns=\"" + NS + "\"><Object><Key>a</Key></Object></Delete>";
  private final S3Fixture fixture = new S3Fixture();

  private static Reply ok(Reply reply) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).hasValue("application/xml");
    assertThat(reply.childNames("/").get(0)).isEqualTo("DeleteResult");
    return reply;
  }

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("M01", "verbose result, a missing key counts as deleted", f -> {
          f.unversioned();
          f.put(U, "a", "x");
          f.put(U, "b", "x");

          Reply reply = ok(f.deleteObjects(U, deleteBody(false, "a", "b", "nokey")));

          assertThat(reply.xpath("//Deleted/Key")).containsExactly("a", "b", "nokey");
          assertThat(reply.xpath("//Deleted/*")).hasSize(3);
          assertThat(reply.xpath("//Error")).isEmpty();
          assertThat(f.tombstone.s3().keys(U)).isEmpty();
        }),
        Vector.of("M02", "quiet result", f -> {
          f.unversioned();
          f.put(U, "a", "x");
          f.put(U, "b", "x");

          Reply reply = ok(f.deleteObjects(U, deleteBody(true, "a", "b")));

          assertThat(reply.text()).isEqualTo(DECLARATION + "<DeleteResult xmlns=\"" + NS + "\"/>");
          assertThat(f.tombstone.s3().keys(U)).isEmpty();
        }),
        Vector.of("M03", "an integrity header is required", f -> {
          f.unversioned();
          f.put(U, "a", "x");

          Reply reply = f.wire.post("/" + U + "?delete", deleteBody(false, "a"));

          expectError(reply, 400, "InvalidRequest",
              "Missing required header for this request: Content-MD5 OR x-amz-checksum-*");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("a");
        }),
        Vector.of("M04", "1001 objects", f -> {
          f.unversioned();
          f.put(U, "k0", "x");
          String[] keys = new String[1001];
          for (int i = 0; i < keys.length; i++) {
            keys[i] = "k" + i;
          }

          Reply reply = f.deleteObjects(U, deleteBody(false, keys));

          expectError(reply, 400, "MalformedXML", MALFORMED_XML);
          assertThat(f.tombstone.s3().keys(U)).containsExactly("k0");
        }),
        Vector.of("M05", "truncated document", f -> {
          f.unversioned();

          expectError(f.deleteObjects(U, "<Delete><Object>"), 400, "MalformedXML",
              MALFORMED_XML);
        }),
        Vector.of("M06", "Content-MD5 only", f -> {
          f.unversioned();
          f.put(U, "a", "x");
          assertThat(M06_BODY).hasSize(94);

          Reply reply = ok(f.wire.post("/" + U + "?delete", M06_BODY,
              "Content-MD5", "JuqpggSF4mbwhmPoLCy7DQ=="));

          assertThat(reply.xpath("//Deleted/Key")).containsExactly("a");
        }),
        Vector.of("M07", "x-amz-checksum-crc32 only", f -> {
          f.unversioned();
          f.put(U, "a", "x");

          Reply reply = ok(f.wire.post("/" + U + "?delete", M06_BODY,
              "x-amz-checksum-crc32", "CEaAGw=="));

          assertThat(reply.xpath("//Deleted/Key")).containsExactly("a");
        }),
        Vector.of("M08", "checksum mismatch", f -> {
          f.unversioned();
          f.put(U, "a", "x");

          Reply reply = f.wire.post("/" + U + "?delete", M06_BODY,
              "x-amz-checksum-crc32", "AAAAAA==");

          expectErrorCode(reply, 400, "BadDigest");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("a");
        }),
        Vector.of("M09", "a marker per key in an Enabled bucket", f -> {
          f.versioned();
          f.put(V, "k", "x");

          Reply reply = ok(f.deleteObjects(V, deleteBody(false, "k")));

          assertThat(reply.childNames("//Deleted"))
              .containsExactly("Key", "DeleteMarker", "DeleteMarkerVersionId");
          assertThat(reply.one("//Deleted/DeleteMarker")).isEqualTo("true");
          String marker = reply.one("//Deleted/DeleteMarkerVersionId");
          expectVersionId(marker);
          Reply read = f.wire.get("/" + V + "/k");
          expectErrorCode(read, 404, "NoSuchKey");
          assertThat(read.header("x-amz-delete-marker")).hasValue("true");
          assertThat(read.header("x-amz-version-id")).hasValue(marker);
        }),
        Vector.of("M10", "a version removed for good", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "x");

          Reply reply = ok(f.deleteObjects(V, deleteBody(false, "k@" + v1)));

          assertThat(reply.childNames("//Deleted")).containsExactly("Key", "VersionId");
          assertThat(reply.one("//Deleted/VersionId")).isEqualTo(v1);
          assertThat(f.entries(V, "k")).isEmpty();
        }),
        Vector.of("M11", "a marker removed for good", f -> {
          f.versioned();
          f.put(V, "k", "x");
          String m1 = f.delete(V, "k");

          Reply reply = ok(f.deleteObjects(V, deleteBody(false, "k@" + m1)));

          assertThat(reply.childNames("//Deleted"))
              .containsExactly("Key", "VersionId", "DeleteMarker", "DeleteMarkerVersionId");
          assertThat(reply.one("//Deleted/VersionId")).isEqualTo(m1);
          assertThat(reply.one("//Deleted/DeleteMarker")).isEqualTo("true");
          assertThat(reply.one("//Deleted/DeleteMarkerVersionId")).isEqualTo(m1);
          assertThat(f.wire.get("/" + V + "/k").status()).isEqualTo(200);
        }),
        Vector.of("M12", "malformed version id per key", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "x");

          Reply reply = ok(f.deleteObjects(V, deleteBody(false, "k@bogus")));

          assertThat(reply.childNames("//Error"))
              .containsExactly("Key", "VersionId", "Code", "Message");
          assertThat(reply.one("//Error/Key")).isEqualTo("k");
          assertThat(reply.one("//Error/VersionId")).isEqualTo("bogus");
          assertThat(reply.one("//Error/Code")).isEqualTo("NoSuchVersion");
          assertThat(reply.one("//Error/Message"))
              .isEqualTo("The specified version does not exist.");
          assertThat(f.entries(V, "k")).containsExactly("Version:" + v1);
        }),
        Vector.of("M13", "quiet keeps errors", f -> {
          f.versioned();
          f.put(V, "k", "x");

          Reply reply = ok(f.deleteObjects(V, deleteBody(true, "k@bogus", "x")));

          assertThat(reply.xpath("//Error/Key")).containsExactly("k");
          assertThat(reply.xpath("//Deleted")).isEmpty();
        }),
        Vector.of("M14", "ETag conditions per key", f -> {
          f.unversioned();
          f.put(U, "a", "hello");
          f.put(U, "b", "hello");

          Reply reply = ok(f.deleteObjects(U, "<Delete><Object><Key>a</Key><ETag>"
              + "\"5d41402abc4b2a76b9719d911017c592\"</ETag></Object><Object><Key>b</Key>"
              + "<ETag>\"0000\"</ETag></Object></Delete>"));

          assertThat(reply.xpath("//Deleted/Key")).containsExactly("a");
          assertThat(reply.one("//Error/Key")).isEqualTo("b");
          assertThat(reply.one("//Error/Code")).isEqualTo("PreconditionFailed");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("b");
        }),
        Vector.of("M15", "null marker in a Suspended bucket", f -> {
          f.suspendedBase();

          Reply reply = ok(f.deleteObjects(S, deleteBody(false, "k")));

          assertThat(reply.childNames("//Deleted"))
              .containsExactly("Key", "DeleteMarker", "DeleteMarkerVersionId");
          assertThat(reply.one("//Deleted/DeleteMarker")).isEqualTo("true");
          assertThat(reply.one("//Deleted/DeleteMarkerVersionId")).isEqualTo("null");
        }),
        Vector.of("M16", "missing bucket", f -> {
          expectErrorCode(f.deleteObjects("nobucket", deleteBody(false, "a")), 404,
              "NoSuchBucket");
        }),
        Vector.of("M17", "duplicates are processed again", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "x");

          Reply reply = ok(f.deleteObjects(V, deleteBody(false, "k", "k")));

          var markers = reply.xpath("//Deleted/DeleteMarkerVersionId");
          assertThat(markers).hasSize(2).doesNotHaveDuplicates();
          assertThat(f.entries(V, "k")).containsExactly("DeleteMarker:" + markers.get(1),
              "DeleteMarker:" + markers.get(0), "Version:" + v1);
        }),
        Vector.of("M18", "the CLI's document: no declaration, with namespace", f -> {
          f.unversioned();
          f.put(U, "a", "x");
          String body = deleteBody(false, "a");
          assertThat(body).startsWith("<Delete xmlns=");

          Reply reply = ok(f.deleteObjects(U, body));

          assertThat(reply.xpath("//Deleted/Key")).containsExactly("a");
        }),
        Vector.of("M19", "a removed version id", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "x");
          f.deleteVersion(V, "k", v1);

          Reply reply = ok(f.deleteObjects(V, deleteBody(false, "k@" + v1)));

          assertThat(reply.childNames("//Deleted")).containsExactly("Key", "VersionId");
          assertThat(reply.one("//Deleted/VersionId")).isEqualTo(v1);
        }),
        Vector.of("M20", "every key fails, still 200", f -> {
          f.unversioned();
          f.put(U, "a", "x");

          Reply reply = ok(f.deleteObjects(U, deleteBody(false, "k".repeat(1025))));

          assertThat(reply.xpath("//Error/Code")).containsExactly("KeyTooLongError");
          assertThat(reply.one("//Error/Message")).isEqualTo("Your key is too long");
          assertThat(f.tombstone.s3().keys(U)).containsExactly("a");
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
