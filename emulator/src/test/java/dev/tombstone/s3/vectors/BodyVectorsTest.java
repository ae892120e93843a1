package dev.tombstone.s3.vectors;

import static dev.tombstone.s3.vectors.S3Fixture.U;
import static dev.tombstone.s3.vectors.S3Fixture.expectError;
import static dev.tombstone.s3.vectors.S3Fixture.expectErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** s3-api.md §8.2: body encodings and integrity. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyVectorsTest {
  static final String HELLO_ETAG = "\"5d41402abc4b2a76b9719d911017c592\"";
  private static final String SIG = "37ef5dbf" + "0".repeat(52) + "6c4b";
  private static final String SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";

  private final S3Fixture fixture = new S3Fixture();

  static String signedBody(String crc32) {
    return "5;chunk-signature=" + SIG + "\r\nhello\r\n0;chunk-signature=" + SIG + "\r\n"
        + "x-amz-checksum-crc32:" + crc32 + "\r\nx-amz-trailer-signature:" + SIG + "\r\n\r\n";
  }

  static Reply chunkedPut(S3Fixture f, String sha, String body, String decodedLength,
      boolean trailer) {
    String[] headers = trailer
        ? new String[] {"x-amz-content-sha256", sha, "Content-Encoding", "aws-chunked",
            "x-amz-decoded-content-length", decodedLength,
            "x-amz-trailer", "x-amz-checksum-crc32"}
        : new String[] {"x-amz-content-sha256", sha, "Content-Encoding", "aws-chunked",
            "x-amz-decoded-content-length", decodedLength};
    return f.wire.send("PUT", "/" + U + "/k", body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private static void expectNothingStored(S3Fixture f) {
    expectErrorCode(f.wire.get("/" + U + "/k"), 404, "NoSuchKey");
  }

  static Stream<Named<Vector>> vectors() {
    return Vector.named(
        Vector.of("E01", "signed aws-chunked with a checksum trailer", f -> {
          f.unversioned();

          Reply reply = chunkedPut(f, SIGNED_TRAILER, signedBody("NhCmhg=="), "5", true);

          assertThat(reply.status()).as(reply.text()).isEqualTo(200);
          assertThat(reply.header("ETag")).hasValue(HELLO_ETAG);
          assertThat(reply.header("x-amz-checksum-crc32")).hasValue("NhCmhg==");
          Reply read = f.wire.get("/" + U + "/k");
          assertThat(read.text()).isEqualTo("hello");
          assertThat(read.header("Content-Encoding")).isEmpty();
        }),
        Vector.of("E02", "trailer checksum mismatch", f -> {
          f.unversioned();

          Reply reply = chunkedPut(f, SIGNED_TRAILER, signedBody("AAAAAA=="), "5", true);

          expectError(reply, 400, "BadDigest",
              "The CRC32 you specified did not match the calculated checksum.");
          expectNothingStored(f);
        }),
        Vector.of("E03", "unsigned aws-chunked with a trailer", f -> {
          f.unversioned();

          Reply reply = chunkedPut(f, "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
              "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n", "5", true);

          assertThat(reply.status()).as(reply.text()).isEqualTo(200);
          assertThat(reply.header("ETag")).hasValue(HELLO_ETAG);
        }),
        Vector.of("E04", "signed aws-chunked without trailer", f -> {
          f.unversioned();

          Reply reply = chunkedPut(f, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
              "5;chunk-signature=" + SIG + "\r\nhello\r\n0;chunk-signature=" + SIG + "\r\n\r\n",
              "5", false);

          assertThat(reply.status()).as(reply.text()).isEqualTo(200);
          assertThat(f.wire.get("/" + U + "/k").text()).isEqualTo("hello");
        }),
        Vector.of("E05", "decoded length differs", f -> {
          f.unversioned();

          Reply reply = chunkedPut(f, "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
              "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n", "6", true);

          expectErrorCode(reply, 400, "IncompleteBody");
          expectNothingStored(f);
        }),
        Vector.of("E06", "matching Content-MD5", f -> {
          f.unversioned();

          Reply reply = f.wire.put("/" + U + "/k", "hello",
              "Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==");

          assertThat(reply.status()).isEqualTo(200);
        }),
        Vector.of("E07", "Content-MD5 mismatch", f -> {
          f.unversioned();

          Reply reply = f.wire.put("/" + U + "/k", "hello",
              "Content-MD5", "ndTkYSaMgDT1yFZOFVxnpg==");

          expectError(reply, 400, "BadDigest",
              "The Content-MD5 you specified did not match what we received.");
          expectNothingStored(f);
        }),
        Vector.of("E08", "Content-MD5 not Base64", f -> {
          f.unversioned();

          Reply reply = f.wire.put("/" + U + "/k", "hello", "Content-MD5", "not-base64!!");

          expectError(reply, 400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
          expectNothingStored(f);
        }),
        Vector.of("E09", "SHA256 checksum mismatch", f -> {
          f.unversioned();

          Reply reply = f.wire.put("/" + U + "/k", "hello", "x-amz-checksum-sha256",
              "LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=");

          expectErrorCode(reply, 400, "BadDigest");
          assertThat(reply.one("/Error/Message"))
              .matches("^The \\S+ you specified did not match the calculated checksum\\.$");
          expectNothingStored(f);
        }),
        Vector.of("E10", "checksum value not Base64", f -> {
          f.unversioned();

          Reply reply = f.wire.put("/" + U + "/k", "hello", "x-amz-checksum-crc32", "abc");

          expectErrorCode(reply, 400, "InvalidRequest");
          expectNothingStored(f);
        }),
        Vector.of("E11", "payload SHA-256 mismatch", f -> {
          f.unversioned();

          Reply reply = f.wire.put("/" + U + "/k", "hello", "x-amz-content-sha256",
              "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");

          expectErrorCode(reply, 400, "XAmzContentSHA256Mismatch");
          expectNothingStored(f);
        }),
        Vector.of("E12", "matching payload SHA-256", f -> {
          f.unversioned();

          Reply reply = f.wire.put("/" + U + "/k", "hello", "x-amz-content-sha256",
              "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");

          assertThat(reply.status()).isEqualTo(200);
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
