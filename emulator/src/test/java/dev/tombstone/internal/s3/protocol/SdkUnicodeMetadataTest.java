package dev.tombstone.internal.s3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import dev.tombstone.testing.RunningTombstone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/**
 * Non-US-ASCII user metadata: S3 decodes RFC 2047 encoded-words before storing and returns a
 * value with non-US-ASCII characters as {@code =?UTF-8?B?...?=} (S3 User Guide, "Working with
 * object metadata"; ceph s3-tests {@code test_object_set_get_unicode_metadata}). Raw header
 * bytes are read as ISO-8859-1, as S3 reads them (minio/minio#21282).
 */
class SdkUnicodeMetadataTest {
  private static final String BUCKET = "meta";
  private static final String WORD = "=?UTF-8?B?SGVsbG8gV29ybGTDqQ==?="; // "Hello Worldé"

  @RegisterExtension
  static final RunningTombstone server = RunningTombstone.perClass();

  private final Tombstone tombstone = server.tombstone();
  private final S3Client s3 = server.s3();

  @BeforeEach
  void bucket() {
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  private Map<String, String> stored(String key) {
    return tombstone.s3().currentObject(BUCKET, key).orElseThrow().metadata().userMetadata();
  }

  private Map<String, String> head(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key)).metadata();
  }

  @Test
  void rawUtf8Bytes_areReadAsIso88591_andReturnedAsAnEncodedWord() throws IOException {
    byte[] value = "Hello World\u00c3\u00a9".getBytes(StandardCharsets.ISO_8859_1); // é in UTF-8

    String status = rawPut("/" + BUCKET + "/u8", "x-amz-meta-meta1", value);

    assertThat(status).startsWith("HTTP/1.1 200");
    assertThat(stored("u8")).containsExactly(Map.entry("meta1", "Hello World\u00c3\u00a9"));
    assertThat(head("u8")).containsExactly(Map.entry("meta1", "=?UTF-8?B?SGVsbG8gV29ybGTDg8Kp?="));
  }

  @Test
  void anEncodedWord_isStoredDecoded_andReturnedEncoded_onGetAndHead() {
    s3.putObject(b -> b.bucket(BUCKET).key("w").metadata(Map.of("meta1", WORD, "plain", "x")),
        RequestBody.fromString("bar"));

    var get = s3.getObject(b -> b.bucket(BUCKET).key("w"));

    assertThat(stored("w")).containsEntry("meta1", "Hello Worldé").containsEntry("plain", "x");
    assertThat(head("w")).containsEntry("meta1", WORD).containsEntry("plain", "x");
    assertThat(get.response().metadata()).containsEntry("meta1", WORD);
  }

  @Test
  void aQEncodedWord_comesBackInTheBForm() {
    s3.putObject(b -> b.bucket(BUCKET).key("q")
        .metadata(Map.of("meta1", "=?UTF-8?Q?Hello_World=C3=A9?=")), RequestBody.fromString("b"));

    assertThat(stored("q")).containsExactly(Map.entry("meta1", "Hello Worldé"));
    assertThat(head("q")).containsExactly(Map.entry("meta1", WORD));
  }

  @Test
  void copyObject_keepsTheDecodedValue_andReplaceDecodesTheNewOne() {
    s3.putObject(b -> b.bucket(BUCKET).key("src").metadata(Map.of("meta1", WORD)),
        RequestBody.fromString("bar"));

    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("copied"));
    s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("src")
        .destinationBucket(BUCKET).destinationKey("replaced")
        .metadataDirective(MetadataDirective.REPLACE)
        .metadata(Map.of("meta2", "=?UTF-8?B?R3LDvMOfZQ==?=")));

    assertThat(stored("copied")).containsExactly(Map.entry("meta1", "Hello Worldé"));
    assertThat(head("copied")).containsExactly(Map.entry("meta1", WORD));
    assertThat(stored("replaced")).containsExactly(Map.entry("meta2", "Grüße"));
    assertThat(head("replaced")).containsExactly(Map.entry("meta2", "=?UTF-8?B?R3LDvMOfZQ==?="));
  }

  @Test
  void multipartUpload_decodesTheMetadataOfItsCreation() {
    String upload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp")
        .metadata(Map.of("meta1", WORD))).uploadId();
    String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("mp").uploadId(upload).partNumber(1),
        RequestBody.fromString("part")).eTag();
    s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("mp").uploadId(upload)
        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));

    assertThat(stored("mp")).containsExactly(Map.entry("meta1", "Hello Worldé"));
    assertThat(head("mp")).containsExactly(Map.entry("meta1", WORD));
  }

  @Test
  void presignedUrlMetadata_inTheQuery_isDecodedLikeAHeader() throws IOException {
    long expires = Instant.now().plusSeconds(3600).getEpochSecond();
    String query = "?AWSAccessKeyId=x&Signature=abc%3D&Expires=" + expires
        + "&x-amz-meta-word=" + WORD.replace("=", "%3D").replace("?", "%3F")
        + "&x-amz-meta-utf8=caf%C3%A9";

    String status = rawPut("/" + BUCKET + "/presigned" + query, null, null);

    assertThat(status).startsWith("HTTP/1.1 200");
    assertThat(stored("presigned")).containsEntry("word", "Hello Worldé")
        .containsEntry("utf8", "café");
    assertThat(head("presigned")).containsEntry("word", WORD)
        .containsEntry("utf8", "=?UTF-8?B?Y2Fmw6k=?=");
  }

  /** A PUT of "bar" written byte for byte, with one header whose value is raw bytes. */
  private String rawPut(String pathAndQuery, String header, byte[] value) throws IOException {
    try (Socket socket = new Socket(tombstone.endpoint().getHost(),
        tombstone.endpoint().getPort())) {
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(("PUT " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Length: 3\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
      if (header != null) {
        request.writeBytes((header + ": ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(value);
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      request.writeBytes("\r\nbar".getBytes(StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return answer.substring(0, answer.indexOf("\r\n"));
    }
  }
}
