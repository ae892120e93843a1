package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.expectError;
import static dev.tombstone.s3.vectors.S3Fixture.expectErrorCode;
import static dev.tombstone.s3.vectors.S3Fixture.expectFraming;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** s3-api.md §8.1: routing and addressing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingVectorsTest {
  private static final String ENCODED_KEY = "dir/a%20b%2Bc%20%C3%BC.txt";
  private final S3Fixture fixture = new S3Fixture();

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("R01", "SDK-encoded key is decoded once", f -> {
          f.unversioned();
          assertThat(f.wire.put("/" + U + "/" + ENCODED_KEY, "hello").status()).isEqualTo(200);

          Reply listing = f.wire.get("/" + U + "?list-type=2");

          assertThat(listing.status()).isEqualTo(200);
          assertThat(listing.xpath("//Contents/Key")).containsExactly("dir/a b+c ü.txt");
        }),
        Vector.of("R02", "virtual-hosted style on localhost", f -> {
          f.unversioned();
          f.wire.put("/" + U + "/" + ENCODED_KEY, "hello");

          Reply reply = f.wire.rawRequest("GET", "/" + ENCODED_KEY,
              U + ".localhost:" + f.tombstone.port(), null);

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.text()).isEqualTo("hello");
        }),
        Vector.of("R03", "virtual-hosted style on s3.localhost", f -> {
          f.unversioned();
          f.wire.put("/" + U + "/" + ENCODED_KEY, "hello");

          Reply reply = f.wire.rawRequest("GET", "/" + ENCODED_KEY,
              U + ".s3.localhost:" + f.tombstone.port(), null);

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.text()).isEqualTo("hello");
        }),
        Vector.of("R04", "no path normalisation", f -> {
          f.unversioned();
          assertThat(f.wire.put("/" + U + "/a//b/", "x").status()).isEqualTo(200);

          Reply listing = f.wire.get("/" + U + "?list-type=2&prefix=a/");

          assertThat(listing.xpath("//Contents/Key")).containsExactly("a//b/");
        }),
        Vector.of("R05", "keys above 1024 bytes are refused", f -> {
          f.unversioned();

          Reply tooLong = f.wire.put("/" + U + "/" + "k".repeat(1025), "x");
          Reply longest = f.wire.put("/" + U + "/" + "k".repeat(1024), "x");

          expectError(tooLong, 400, "KeyTooLongError", "Your key is too long");
          assertThat(tooLong.one("/Error/MaxSizeAllowed")).isEqualTo("1024");
          assertThat(tooLong.one("/Error/Size")).isEqualTo("1025");
          assertThat(longest.status()).isEqualTo(200);
        }),
        Vector.of("R06", "HEAD errors have no body", f -> {
          f.unversioned();

          Reply reply = f.wire.head("/" + U + "/missing");

          assertThat(reply.status()).isEqualTo(404);
          S3Fixture.expectNoBody(reply);
          expectFraming(reply);
        }),
        Vector.of("R07", "ListBuckets sorts by name", f -> {
          f.createBucket("b2-bucket");
          f.createBucket("a1-bucket");

          Reply reply = f.wire.get("/");

          assertThat(reply.status()).isEqualTo(200);
          assertThat(reply.childNames("/").get(0)).isEqualTo("ListAllMyBucketsResult");
          assertThat(reply.xpath("//Bucket/Name")).containsExactly("a1-bucket", "b2-bucket");
          assertThat(reply.one("//Owner/ID")).matches("[0-9a-f]{64}");
        }),
        Vector.of("R08", "x-id is ignored", f -> {
          f.unversioned();
          f.put(U, "k", "x");

          Reply reply = f.wire.delete("/" + U + "/k?x-id=DeleteObject");

          assertThat(reply.status()).isEqualTo(204);
          assertThat(f.tombstone.s3().keys(U)).isEmpty();
        }),
        Vector.of("R09", "missing bucket", f -> {
          Reply reply = f.wire.get("/nobucket/k");

          expectError(reply, 404, "NoSuchBucket", "The specified bucket does not exist");
          assertThat(reply.one("/Error/BucketName")).isEqualTo("nobucket");
        }),
        Vector.of("R10", "unsupported subresource", f -> {
          f.unversioned();

          Reply reply = f.wire.get("/" + U + "/k?torrent");

          expectError(reply, 501, "NotImplemented", "Tombstone does not implement the S3"
              + " operation GetObjectTorrent (GET ?torrent); see the README for the operations it"
              + " serves.");
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
