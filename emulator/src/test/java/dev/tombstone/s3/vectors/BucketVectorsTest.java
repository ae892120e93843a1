package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.MALFORMED_XML;
import static dev.tombstone.s3.vectors.S3Fixture.NS;
import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.V;
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

/** s3-api.md §8.3: buckets and versioning configuration. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BucketVectorsTest {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private final S3Fixture fixture = new S3Fixture();

  private static String versioningBody(String status) {
    return "<VersioningConfiguration xmlns=\"" + NS + "\"><Status>" + status
        + "</Status></VersioningConfiguration>";
  }

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("B01", "CreateBucket", f -> {
          Reply reply = f.wire.put("/" + U, "");

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.header("Location")).hasValue("/" + U);
          assertThat(f.tombstone.s3().bucketNames()).containsExactly(U);
        }),
        Vector.of("B02", "re-creating an owned bucket in us-east-1", f -> {
          f.unversioned();

          assertThat(f.wire.put("/" + U, "").status()).isEqualTo(200);
        }),
        Vector.of("B03", "invalid bucket name", f -> {
          Reply reply = f.wire.put("/Bad_Name", "");

          expectError(reply, 400, "InvalidBucketName", "The specified bucket is not valid.");
          assertThat(reply.one("/Error/BucketName")).isEqualTo("Bad_Name");
        }),
        Vector.of("B04", "naming rules", f -> {
          for (String name : new String[] {"ab", "192.168.5.4", "a..b", "-ab"}) {
            expectErrorCode(f.wire.put("/" + name, ""), 400, "InvalidBucketName");
          }
          assertThat(f.tombstone.s3().bucketNames()).isEmpty();
        }),
        Vector.of("B05", "us-east-1 is never named", f -> {
          Reply reply = f.wire.put("/" + U, "<CreateBucketConfiguration><LocationConstraint>"
              + "us-east-1</LocationConstraint></CreateBucketConfiguration>");

          expectErrorCode(reply, 400, "InvalidLocationConstraint");
          assertThat(f.tombstone.s3().bucketNames()).isEmpty();
        }),
        Vector.of("B06", "truncated configuration", f -> {
          Reply reply = f.wire.put("/" + U, "<CreateBucketConfiguration>");

          expectError(reply, 400, "MalformedXML", MALFORMED_XML);
          assertThat(f.tombstone.s3().bucketNames()).isEmpty();
        }),
        Vector.of("B07", "HeadBucket of a missing bucket", f -> {
          Reply reply = f.wire.head("/nobucket");

          assertThat(reply.status()).isEqualTo(404);
          S3Fixture.expectNoBody(reply);
        }),
        Vector.of("B08", "DeleteBucket of a missing bucket", f -> {
          expectError(f.wire.delete("/nobucket"), 404, "NoSuchBucket",
              "The specified bucket does not exist");
        }),
        Vector.of("B09", "DeleteBucket with an object", f -> {
          f.unversioned();
          f.put(U, "k", "x");

          Reply reply = f.wire.delete("/" + U);

          expectError(reply, 409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
          assertThat(reply.one("/Error/BucketName")).isEqualTo(U);
        }),
        Vector.of("B10", "DeleteBucket with only a delete marker", f -> {
          f.versioned();
          String v1 = f.put(V, "k", "x");
          assertThat(f.deleteVersion(V, "k", v1).status()).isEqualTo(204);
          f.delete(V, "k");

          expectErrorCode(f.wire.delete("/" + V), 409, "BucketNotEmpty");
          assertThat(f.tombstone.s3().bucketNames()).containsExactly(V);
        }),
        Vector.of("B11", "DeleteBucket of an empty bucket", f -> {
          f.unversioned();

          Reply deleted = f.wire.delete("/" + U);
          Reply head = f.wire.head("/" + U);

          assertThat(deleted.status()).isEqualTo(204);
          assertThat(head.status()).isEqualTo(404);
        }),
        Vector.of("B12", "never versioned", f -> {
          f.unversioned();

          Reply reply = f.wire.get("/" + U + "?versioning");

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.text())
              .isEqualTo(DECLARATION + "<VersioningConfiguration xmlns=\"" + NS + "\"/>");
        }),
        Vector.of("B13", "enable versioning", f -> {
          f.unversioned();

          Reply put = f.putWithChecksum("/" + U + "?versioning", versioningBody("Enabled"));
          Reply get = f.wire.get("/" + U + "?versioning");

          assertThat(put.status()).isEqualTo(200);
          assertThat(get.one("/VersioningConfiguration/Status")).isEqualTo("Enabled");
        }),
        Vector.of("B14", "no way back to unversioned", f -> {
          f.versioned();

          Reply put = f.putWithChecksum("/" + V + "?versioning", versioningBody("Disabled"));

          expectError(put, 400, "MalformedXML", MALFORMED_XML);
          assertThat(f.wire.get("/" + V + "?versioning").one("//Status")).isEqualTo("Enabled");
        }),
        Vector.of("B15", "suspend versioning", f -> {
          f.versioned();

          Reply put = f.putWithChecksum("/" + V + "?versioning", versioningBody("Suspended"));

          assertThat(put.status()).isEqualTo(200);
          assertThat(f.wire.get("/" + V + "?versioning").one("//Status")).isEqualTo("Suspended");
        }),
        Vector.of("B16", "PutBucketVersioning without an integrity header (S3 accepts it)", f -> {
          f.unversioned();

          Reply put = f.wire.put("/" + U + "?versioning", versioningBody("Enabled"));

          assertThat(put.status()).isEqualTo(200);
          assertThat(f.wire.get("/" + U + "?versioning").one("//Status")).isEqualTo("Enabled");
        }),
        Vector.of("B17", "PutBucketVersioning on a missing bucket", f -> {
          expectErrorCode(f.putWithChecksum("/nobucket?versioning", versioningBody("Enabled")),
              404, "NoSuchBucket");
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
