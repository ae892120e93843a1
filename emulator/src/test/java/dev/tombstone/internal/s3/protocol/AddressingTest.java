package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressingTest {
  @ParameterizedTest
  @CsvSource({
      "localhost:4566, /photos/cat.jpg, photos, cat.jpg",
      "127.0.0.1:4566, /photos/a/b.txt, photos, a/b.txt",
      "[::1]:4566, /photos/cat.jpg, photos, cat.jpg",
      "s3.amazonaws.com, /photos/cat.jpg, photos, cat.jpg",
      "photos.localhost:4566, /cat.jpg, photos, cat.jpg",
      "photos.s3.localhost, /cat.jpg, photos, cat.jpg",
      "my.photos.localhost, /cat.jpg, my.photos, cat.jpg",
      "Photos.S3.US-EAST-1.AMAZONAWS.COM, /cat.jpg, photos, cat.jpg",
      "photos.s3-eu-west-1.amazonaws.com, /cat.jpg, photos, cat.jpg",
      "photos.s3.dualstack.eu-west-1.amazonaws.com, /cat.jpg, photos, cat.jpg",
      "photos.127.0.0.1:4566, /cat.jpg, photos, cat.jpg",
      "tombstone:4566, /photos/cat.jpg, photos, cat.jpg",
      "host.docker.internal, /photos/cat.jpg, photos, cat.jpg",
  })
  void bucketAndKey_fromHostAndPath(String host, String path, String bucket, String key) {
    Resource resource = Addressing.resolve(host, path);

    assertThat(resource.bucket()).isEqualTo(bucket);
    assertThat(resource.key()).isEqualTo(key);
    assertThat(resource.level()).isEqualTo(Resource.Level.OBJECT);
  }

  @Test
  void levels_serviceBucketObject() {
    assertThat(Addressing.resolve("localhost", "/").level()).isEqualTo(Resource.Level.SERVICE);
    assertThat(Addressing.resolve("localhost", "/b").level()).isEqualTo(Resource.Level.BUCKET);
    assertThat(Addressing.resolve("localhost", "/b/").level()).isEqualTo(Resource.Level.BUCKET);
    assertThat(Addressing.resolve("b.localhost", "/").level()).isEqualTo(Resource.Level.BUCKET);
    assertThat(Addressing.resolve(null, "/b/k").level()).isEqualTo(Resource.Level.OBJECT);
  }

  @ParameterizedTest
  @CsvSource({
      "/b/a%20b%2Bc%20%C3%BC.txt, a b+c ü.txt",
      "/b/dir%2Fx, dir/x",
      "/b/a+b, a b",
      "/b/a//b/, a//b/",
      "/b//k, /k",
      "/b/a/./../b, a/./../b",
  })
  void keys_areDecodedOnce_andNeverNormalised(String path, String key) {
    assertThat(Addressing.resolve("localhost", path).key()).isEqualTo(key);
  }

  @Test
  void keys_decodedTwiceWouldDiffer() {
    assertThat(Addressing.resolve("localhost", "/b/%2541").key()).isEqualTo("%41");
  }

  @ParameterizedTest
  @CsvSource({"/b/%C3", "/b/%zz", "/b/abc%", "/b/%FF%FE"})
  void brokenEscapes_areInvalidUri(String path) {
    WireError error = catchThrowableOfType(WireError.class,
        () -> Addressing.resolve("localhost", path));

    assertThat(error.code()).isEqualTo("InvalidURI");
    assertThat(error.getMessage()).isEqualTo("Couldn't parse the specified URI.");
  }

  @Test
  void query_dropsRoutingHintsAndPresignParameters() {
    QueryParameters query = QueryParameters.parse(
        "versions&x-id=ListObjectVersions&X-Amz-Signature=abc&prefix=a+b%2Bc&prefix=second");

    assertThat(query.names()).containsExactly("versions", "prefix");
    assertThat(query.get("versions")).hasValue("");
    assertThat(query.get("prefix")).hasValue("a b+c");
  }
}
